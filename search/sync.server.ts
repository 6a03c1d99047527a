import { and, asc, eq, gt, inArray, lte, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidateProfiles, candidates, searchOutbox, vacancies } from "#db/schema";
import {
  type CandidateRow,
  candidateFromRow,
  selectCandidates,
  selectVacancies,
  toLoaded,
  type VacancyRow,
} from "~/domain/search/documents.server";
import type { Taxonomy } from "~/domain/taxonomy/taxonomy";
import {
  type CandidateDocument,
  type OccupationResolver,
  type VacancyDocument,
} from "./documents";
import type { IndexName, SearchEngine } from "./engine";

/*
 * Keeping the indexes in step with the database. A change writes a `search_outbox` row in its
 * own transaction; this worker claims due rows (FOR UPDATE SKIP LOCKED, so any number of workers
 * can run), re-reads the CURRENT row, and upserts the document or deletes it when the row is no
 * longer public. At-least-once and idempotent: replaying a row does no harm.
 */

export const SEARCH_LEASE_MS = 60_000;
export const SEARCH_MAX_BACKOFF_MS = 5 * 60_000;

export function searchBackoffMs(attempts: number) {
  return Math.min(SEARCH_MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

export function resolverOf(taxonomy: Taxonomy | undefined): OccupationResolver | undefined {
  if (!taxonomy) return undefined;
  return {
    byCode: (code) => {
      const o = taxonomy.byCode(code);
      return o ? { code: o.code, title: o.title, iscoGroup: o.iscoGroup } : undefined;
    },
    resolveTitle: (title) =>
      taxonomy.resolveTitle(title).map((r) => ({ code: r.code, title: r.title, iscoGroup: r.iscoGroup })),
  };
}

// ---------------------------------------------------------------------------
// Reading current rows into documents (the same selects and builders the pages use)

function publicCandidateDocument(row: CandidateRow, resolver?: OccupationResolver): CandidateDocument | null {
  if (row.status !== "published") return null;
  return candidateFromRow(row, resolver)?.doc ?? null;
}

function publicVacancyDocument(row: VacancyRow, resolver?: OccupationResolver): VacancyDocument | null {
  // A suspended employer's vacancies leave the index too.
  if (row.status !== "open" || row.organisationStatus !== "verified") return null;
  return toLoaded(row, resolver).doc;
}

async function candidateDocs(db: Database, ids: string[], resolver?: OccupationResolver) {
  const rows = await selectCandidates(db, inArray(candidates.id, ids));
  return rows.map((r) => publicCandidateDocument(r, resolver)).filter((d): d is CandidateDocument => d !== null);
}

async function vacancyDocs(db: Database, ids: string[], resolver?: OccupationResolver) {
  const rows = await selectVacancies(db, inArray(vacancies.id, ids));
  return rows.map((r) => publicVacancyDocument(r, resolver)).filter((d): d is VacancyDocument => d !== null);
}

/** Every document of an index, page by page (for start-up loading and reindexing). */
export async function* allDocuments(
  db: Database,
  index: IndexName,
  options: { resolver?: OccupationResolver; pageSize?: number } = {},
): AsyncGenerator<Array<CandidateDocument | VacancyDocument>> {
  const pageSize = options.pageSize ?? 1_000;
  let after: string | undefined;
  for (;;) {
    if (index === "candidates") {
      const rows = await selectCandidates(
        db,
        and(
          eq(candidates.status, "published"),
          // The key on both sides of the join, so each page starts both index scans at `after`
          // (with it on one side only, every page scanned the profiles from the first row).
          after ? gt(candidates.id, after) : undefined,
          after ? gt(candidateProfiles.candidateId, after) : undefined,
        ),
      )
        .orderBy(asc(candidates.id))
        .limit(pageSize);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      yield rows
        .map((r) => publicCandidateDocument(r, options.resolver))
        .filter((d): d is CandidateDocument => d !== null);
    } else {
      const rows = await selectVacancies(
        db,
        and(eq(vacancies.status, "open"), after ? gt(vacancies.id, after) : undefined),
      )
        .orderBy(asc(vacancies.id))
        .limit(pageSize);
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.id;
      yield rows
        .map((r) => publicVacancyDocument(r, options.resolver))
        .filter((d): d is VacancyDocument => d !== null);
    }
  }
}

/** Loads every public document into the engine (the embedded engine's start-up). */
export async function loadAllIntoEngine(
  db: Database,
  engine: SearchEngine,
  options: { resolver?: OccupationResolver } = {},
) {
  const counts: Record<IndexName, number> = { candidates: 0, vacancies: 0 };
  for (const index of ["candidates", "vacancies"] as const) {
    const docs: Array<CandidateDocument | VacancyDocument> = [];
    for await (const page of allDocuments(db, index, options)) docs.push(...page);
    await engine.reindex(index, docs);
    counts[index] = docs.length;
  }
  return counts;
}

// ---------------------------------------------------------------------------
// The outbox worker

export type SearchOutboxResult = { claimed: number; upserted: number; deleted: number; failed: number };

/**
 * Claims due outbox rows, applies the current state of each entity to the engine, and marks the
 * rows done; on an engine error the rows stay pending with a growing backoff (never lost).
 */
export async function processSearchOutbox(options: {
  db: Database;
  engine: SearchEngine;
  resolver?: OccupationResolver;
  now?: Date;
  batchSize?: number;
}): Promise<SearchOutboxResult> {
  const { db, engine } = options;
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 200;
  const claimed = await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: searchOutbox.id, indexName: searchOutbox.indexName, entityId: searchOutbox.entityId, attempts: searchOutbox.attempts })
      .from(searchOutbox)
      .where(
        and(
          or(
            eq(searchOutbox.status, "pending"),
            and(eq(searchOutbox.status, "processing"), lte(searchOutbox.lockedUntil, now)),
          ),
          // The database keeps microseconds, a JS date only milliseconds: a row written in this
          // very millisecond would otherwise look a fraction of a millisecond in the future.
          lte(searchOutbox.nextAttemptAt, new Date(now.getTime() + 1)),
        ),
      )
      .orderBy(asc(searchOutbox.id))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (rows.length > 0) {
      await tx
        .update(searchOutbox)
        .set({ status: "processing", lockedUntil: new Date(now.getTime() + SEARCH_LEASE_MS) })
        .where(inArray(searchOutbox.id, rows.map((r) => r.id)));
    }
    return rows;
  });
  const result: SearchOutboxResult = { claimed: claimed.length, upserted: 0, deleted: 0, failed: 0 };
  if (claimed.length === 0) return result;

  for (const index of ["candidates", "vacancies"] as const) {
    const rows = claimed.filter((r) => r.indexName === index);
    if (rows.length === 0) continue;
    const ids = [...new Set(rows.map((r) => r.entityId))];
    try {
      const docs: Array<CandidateDocument | VacancyDocument> =
        index === "candidates"
          ? await candidateDocs(db, ids, options.resolver)
          : await vacancyDocs(db, ids, options.resolver);
      const keep = new Set(docs.map((d) => d.id));
      const remove = ids.filter((id) => !keep.has(id));
      if (docs.length) await engine.upsertDocuments(index, docs);
      if (remove.length) await engine.deleteDocuments(index, remove);
      result.upserted += docs.length;
      result.deleted += remove.length;
      await db
        .update(searchOutbox)
        .set({ status: "done", doneAt: new Date(), lockedUntil: null, lastError: null })
        .where(inArray(searchOutbox.id, rows.map((r) => r.id)));
    } catch (error) {
      result.failed += rows.length;
      const message = error instanceof Error ? error.message : String(error);
      for (const row of rows) {
        const attempts = row.attempts + 1;
        await db
          .update(searchOutbox)
          .set({
            status: "pending",
            attempts,
            lockedUntil: null,
            lastError: message.slice(0, 1000),
            nextAttemptAt: new Date(now.getTime() + searchBackoffMs(attempts)),
          })
          .where(eq(searchOutbox.id, row.id));
      }
    }
  }
  return result;
}

/** Pending changes not yet applied (for the "search is catching up" notice and the bench). */
export async function searchBacklog(db: Database) {
  const rows = await db
    .select({ id: searchOutbox.id })
    .from(searchOutbox)
    .where(or(eq(searchOutbox.status, "pending"), eq(searchOutbox.status, "processing")))
    .limit(1000);
  return rows.length;
}

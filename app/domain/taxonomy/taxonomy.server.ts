import { sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { occupations } from "#db/schema";
import { parseCsvObjects } from "./csv";
import { curatedOccupations } from "./curated";
import { Taxonomy, curatedTaxonomyOccupations, type Occupation } from "./taxonomy";

/*
 * The occupations table: the curated Werkbrug taxonomy (source 'werkbrug') and imported ESCO
 * occupations (source 'esco', code = the ESCO URI).
 */

const ESCO_COLUMNS = ["uri", "isco_group", "preferred_label", "alt_labels", "description"] as const;
const BATCH = 500;

export type ImportResult = { imported: number; skipped: number };

/**
 * Imports an ESCO occupations CSV (columns uri, isco_group, preferred_label, alt_labels joined
 * with " | ", description) into `occupations`: an upsert by code, so a re-import updates.
 */
export async function importEscoOccupations(db: Database, csvText: string): Promise<ImportResult> {
  const records = parseCsvObjects(csvText);
  if (records.length > 0) {
    const missing = ESCO_COLUMNS.filter((c) => !(c in records[0]!));
    if (missing.length) throw new Error(`ESCO-bestand mist kolommen: ${missing.join(", ")}`);
  }
  const rows: Array<typeof occupations.$inferInsert> = [];
  let skipped = 0;
  const seen = new Set<string>();
  for (const r of records) {
    const uri = r.uri!.trim();
    const title = r.preferred_label!.trim();
    const isco = r.isco_group!.trim();
    if (!uri || !title || seen.has(uri)) {
      skipped++;
      continue;
    }
    seen.add(uri);
    const synonyms = [
      ...new Set(
        r.alt_labels!
          .split("|")
          .map((s) => s.trim())
          .filter((s) => s && s.toLowerCase() !== title.toLowerCase()),
      ),
    ];
    rows.push({
      code: uri,
      title,
      iscoGroup: /^\d{1,4}$/.test(isco) ? isco : null,
      synonyms,
      sector: null,
      source: "esco",
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx
        .insert(occupations)
        .values(rows.slice(i, i + BATCH))
        .onConflictDoUpdate({
          target: occupations.code,
          set: {
            title: sql`excluded.title`,
            iscoGroup: sql`excluded.isco_group`,
            synonyms: sql`excluded.synonyms`,
            source: sql`excluded.source`,
          },
        });
    }
  });
  return { imported: rows.length, skipped };
}

/** Writes the curated Werkbrug taxonomy into `occupations` (idempotent). */
export async function seedCuratedOccupations(db: Database): Promise<number> {
  const rows = curatedOccupations.map((o) => ({
    code: o.code,
    title: o.title,
    iscoGroup: o.iscoGroup,
    synonyms: o.synonyms,
    sector: o.sector,
    source: "werkbrug",
  }));
  await db
    .insert(occupations)
    .values(rows)
    .onConflictDoUpdate({
      target: occupations.code,
      set: {
        title: sql`excluded.title`,
        iscoGroup: sql`excluded.isco_group`,
        synonyms: sql`excluded.synonyms`,
        sector: sql`excluded.sector`,
      },
    });
  return rows.length;
}

/**
 * The taxonomy for matching and the engines' synonyms: every occupation in the database plus
 * the curated list (which is always present, also before it is seeded).
 */
export async function loadTaxonomy(db: Database): Promise<Taxonomy> {
  const rows = await db
    .select({
      code: occupations.code,
      title: occupations.title,
      iscoGroup: occupations.iscoGroup,
      synonyms: occupations.synonyms,
      sector: occupations.sector,
      source: occupations.source,
    })
    .from(occupations);
  const byCode = new Map<string, Occupation>();
  for (const o of curatedTaxonomyOccupations()) byCode.set(o.code, o);
  for (const r of rows) byCode.set(r.code, r);
  return new Taxonomy([...byCode.values()]);
}

/** Synonym groups for the engines (`IndexSettings.synonyms`). */
export async function loadSynonyms(db: Database): Promise<Record<string, string[]>> {
  return (await loadTaxonomy(db)).engineSynonyms();
}

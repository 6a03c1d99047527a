import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidates, searchOutbox, type CandidateStatus } from "#db/schema";
import { audit, type Origin } from "~/domain/audit.server";
import { canTransition } from "./lifecycle";

export class TransitionError extends Error {
  constructor(
    readonly from: CandidateStatus | null,
    readonly to: CandidateStatus,
  ) {
    super(from ? `candidate cannot go from ${from} to ${to}` : "candidate not found");
  }
}

/**
 * Moves a candidate to `to` when the lifecycle allows it from the current state (and, when
 * `expectedFrom` is given, only from that state: a stale form changes nothing). Writes the audit
 * row and a search-outbox row in the caller's transaction. The caller has already checked that
 * the actor may act on this candidate.
 */
export async function transitionCandidate(
  db: Database,
  input: {
    candidateId: string;
    to: CandidateStatus;
    expectedFrom?: CandidateStatus | readonly CandidateStatus[];
    actor: { userId: string; organisationId?: string | null };
    origin?: Origin;
    details?: Record<string, unknown>;
  },
) {
  const [row] = await db
    .select({ status: candidates.status })
    .from(candidates)
    .where(eq(candidates.id, input.candidateId))
    .for("update");
  if (!row) throw new TransitionError(null, input.to);
  const expected =
    input.expectedFrom === undefined
      ? null
      : typeof input.expectedFrom === "string"
        ? [input.expectedFrom]
        : input.expectedFrom;
  if ((expected && !expected.includes(row.status)) || !canTransition(row.status, input.to)) {
    throw new TransitionError(row.status, input.to);
  }
  await db
    .update(candidates)
    .set({ status: input.to, updatedAt: new Date() })
    .where(and(eq(candidates.id, input.candidateId), eq(candidates.status, row.status)));
  await audit(db, {
    actorUserId: input.actor.userId,
    actorOrganisationId: input.actor.organisationId ?? null,
    action: "candidate.status_changed",
    objectType: "candidate",
    objectId: input.candidateId,
    origin: input.origin,
    details: { from: row.status, to: input.to, ...input.details },
  });
  await db.insert(searchOutbox).values({ indexName: "candidates", entityId: input.candidateId });
  return { from: row.status, to: input.to };
}

import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidates } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";

/*
 * Need to know (DESIGN.md, privacy rule 3), in one place: which candidates a caller may read,
 * and which they may change. Every by-id query on candidates goes through these conditions, so a
 * guessed id from another tenant finds nothing (404), never someone else's row.
 */

export type CandidateAccess = "read" | "write";

/** The SQL condition on `candidates` for what the caller may see (read) or change (write). */
export function candidateScope(context: AuthContext, access: CandidateAccess): SQL | null {
  const org = context.organisation;
  switch (context.role) {
    case "prison_staff":
      return org ? eq(candidates.prisonOrganisationId, org.id) : null;
    case "coach":
      // Own caseload; colleagues' candidates of the same organisation read-only.
      if (access === "write") return eq(candidates.coachUserId, context.user.id);
      return org ? eq(candidates.coachingOrganisationId, org.id) : eq(candidates.coachUserId, context.user.id);
    case "municipality_coordinator":
      return access === "read" && org?.municipalityCode
        ? eq(candidates.municipalityCode, org.municipalityCode)
        : null;
    case "candidate":
      return access === "read" && context.candidateId ? eq(candidates.id, context.candidateId) : null;
    default:
      // Employers never read candidate rows: they see the public projection only.
      // Platform admins manage organisations, not case files.
      return null;
  }
}

/** The candidate row, if the caller may see (or change) it; otherwise null (a 404 for the caller). */
export async function findScopedCandidate(
  db: Database,
  context: AuthContext,
  candidateId: string,
  access: CandidateAccess,
) {
  const scope = candidateScope(context, access);
  if (!scope || !isUuid(candidateId)) return null;
  const [row] = await db
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), scope));
  return row ?? null;
}

/** Like findScopedCandidate, but throws a 404 Response when there is nothing for the caller. */
export async function requireScopedCandidate(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  access: CandidateAccess,
) {
  const row = candidateId ? await findScopedCandidate(db, context, candidateId, access) : null;
  if (!row) throw new Response("Not Found", { status: 404 });
  return row;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string) {
  return uuidPattern.test(value);
}

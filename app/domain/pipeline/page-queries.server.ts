import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidates, memberships, organisations, users } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { findScopedCandidate } from "~/domain/candidates/access.server";
import { canTransition } from "~/domain/candidates/lifecycle";
import { municipalityByCode } from "~/domain/geo/gazetteer";
import { handoverDraft } from "./handovers.server";

/*
 * Small reads the pipeline pages need besides queries.server.ts, each scoped to the caller.
 */

/** May this coach act on the candidate's case (own caseload), rather than only read it? */
export async function coachMayAct(db: Database, context: AuthContext, candidateId: string) {
  return Boolean(await findScopedCandidate(db, context, candidateId, "write"));
}

/**
 * The coaches a placement can be handed to, exactly the set handOverPlacement accepts: coaches of
 * the caller's organisation, of the candidate's coaching organisation, or of a municipality
 * organisation of the candidate's municipality of origin; never the current job coach.
 * Only for a coach who may act on the candidate.
 */
export async function handoverCoachChoices(
  db: Database,
  context: AuthContext,
  candidateId: string,
  currentJobCoachUserId: string,
) {
  const candidate = await findScopedCandidate(db, context, candidateId, "write");
  const [row] = candidate
    ? [candidate]
    : await db
        .select({
          coachingOrganisationId: candidates.coachingOrganisationId,
          municipalityCode: candidates.municipalityCode,
        })
        .from(candidates)
        .where(eq(candidates.id, candidateId));
  if (!row || context.role !== "coach") return [];
  const orgs = [context.organisation?.id, row.coachingOrganisationId].filter((id): id is string => Boolean(id));
  const rows = await db
    .select({ userId: users.id, name: users.name, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.role, "coach"),
        isNull(users.disabledAt),
        ne(users.id, currentJobCoachUserId),
        or(
          orgs.length > 0 ? inArray(memberships.organisationId, orgs) : undefined,
          and(eq(organisations.kind, "municipality"), eq(organisations.municipalityCode, row.municipalityCode)),
        ),
      ),
    )
    .orderBy(asc(users.name));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.userId) ? false : (seen.add(r.userId), true)));
}

/**
 * The handover form of a candidate the caller may hand over (own caseload, own prison), with
 * the prefilled summary; null when not theirs (a 404).
 */
export async function handoverFormData(db: Database, context: AuthContext, candidateId: string | undefined) {
  const candidate = candidateId ? await findScopedCandidate(db, context, candidateId, "write") : null;
  if (!candidate) return null;
  const draft = await handoverDraft(db, context, candidate.id);
  if (!draft.ok) return null;
  return {
    candidate: {
      id: candidate.id,
      publicCode: candidate.publicCode,
      status: candidate.status,
      releaseDate: candidate.releaseDate,
      municipalityName: municipalityByCode(candidate.municipalityCode)?.name ?? candidate.municipalityCode,
      canHandOver: canTransition(candidate.status, "handed_over"),
    },
    summary: draft.summary,
  };
}

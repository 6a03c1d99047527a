import { and, asc, count, eq, gte, lte, type SQL } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidateIdentities, candidates } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { addDays, isoDate } from "~/utils/dates";
import type { HomeOrganisation } from "~/components/home";

/** The caller's organisations for the home page (names and roles only). */
export function homeOrganisations(context: AuthContext): HomeOrganisation[] {
  return context.memberships.map((m) => ({
    membershipId: m.membershipId,
    name: m.name,
    kind: m.kind,
    role: m.membershipRole,
    active: m.membershipId === context.organisation?.membershipId,
  }));
}

/** The organisation a role's home is about; a role home is only reached with one. */
export function activeOrganisation(context: AuthContext) {
  if (!context.organisation) throw new Response("Forbidden", { status: 403 });
  return context.organisation;
}

/** Candidates per lifecycle stage within a scope (own prison, own municipality …). */
export function candidatesByStage(db: Database, scope: SQL) {
  return db
    .select({ status: candidates.status, n: count() })
    .from(candidates)
    .where(scope)
    .groupBy(candidates.status);
}

/**
 * People within a scope who are released in the next 12 weeks, with their names (the caller
 * audits them as identity reads).
 */
export function upcomingReleases(db: Database, scope: SQL, today = new Date()) {
  return db
    .select({
      id: candidates.id,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      releaseDate: candidates.releaseDate,
      status: candidates.status,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .where(
      and(
        scope,
        gte(candidates.releaseDate, isoDate(today)),
        lte(candidates.releaseDate, isoDate(addDays(today, 12 * 7))),
      ),
    )
    .orderBy(asc(candidates.releaseDate))
    .limit(20);
}

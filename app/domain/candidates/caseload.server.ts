import { and, asc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import {
  type CandidateStatus,
  auditLog,
  candidateBasicConditions,
  candidateConstraints,
  candidateIdentities,
  candidateProfiles,
  candidates,
  invitations,
  organisations,
  users,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import type { Origin } from "~/domain/audit.server";
import { municipalityByCode } from "~/domain/geo/gazetteer";
import { candidateScope, requireScopedCandidate } from "./access.server";
import {
  BASIC_CONDITION_KINDS,
  type BasicConditionKind,
  type BasicConditionStatus,
  todayInNetherlands,
} from "./intake-schemas";

/*
 * What prison staff, coaches and municipality coordinators read about their candidates: lists
 * and detail pages. Every query is scoped through candidateScope / requireScopedCandidate, selects
 * only the columns the page shows, and every read that shows identity (names, contact details)
 * writes a `candidate.identity_read` audit row per candidate.
 */

const LIST_LIMIT = 200;
/** Releases this close are flagged in lists, so aftercare can start on time. */
export const RELEASE_SOON_DAYS = 8 * 7;

export type IdentityView =
  | "pi.list"
  | "pi.detail"
  | "coach.caseload"
  | "coach.detail"
  | "coach.intake"
  | "gemeente.list"
  | "gemeente.detail"
  | "pi.home"
  | "coach.home"
  | "gemeente.home";

/**
 * One audit row per candidate whose identity the caller is shown (ids and the view only, never
 * the values). Written in one statement.
 */
export async function auditIdentityRead(
  db: Database,
  context: AuthContext,
  candidateIds: readonly string[],
  view: IdentityView,
  origin: Origin,
) {
  if (candidateIds.length === 0) return;
  await db.insert(auditLog).values(
    candidateIds.map((id) => ({
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id ?? null,
      action: "candidate.identity_read",
      objectType: "candidate",
      objectId: id,
      result: "ok",
      ip: origin.ip,
      userAgent: origin.userAgent,
      details: { view },
    })),
  );
}

export function municipalityName(code: string) {
  return municipalityByCode(code)?.name ?? code;
}

function releaseSoon(releaseDate: string | null, today: string) {
  if (!releaseDate || releaseDate < today) return false;
  const days = (Date.parse(releaseDate) - Date.parse(today)) / 86_400_000;
  return days <= RELEASE_SOON_DAYS;
}

// ---------------------------------------------------------------------------
// Next steps

export type NextStep =
  | { step: "link_coach" }
  | { step: "plan_meeting" }
  | { step: "meeting_planned"; at: string }
  | { step: "start_intake" }
  | { step: "conditions_open"; open: number }
  | { step: "complete_intake" }
  | { step: "write_profile" }
  | { step: "await_approval" }
  | { step: "propose" }
  | { step: "aftercare" }
  | { step: "paused" }
  | { step: "handed_over" }
  | { step: "none" };

/** The next thing to do for a candidate, from their state (shown in lists). */
export function nextStepOf(c: {
  status: CandidateStatus;
  coachUserId: string | null;
  firstMeetingAt: Date | null;
  openConditions: number;
}, now = new Date()): NextStep {
  switch (c.status) {
    case "nominated":
      if (!c.coachUserId) return { step: "link_coach" };
      if (!c.firstMeetingAt) return { step: "plan_meeting" };
      if (c.firstMeetingAt > now) return { step: "meeting_planned", at: c.firstMeetingAt.toISOString() };
      return { step: "start_intake" };
    case "intake":
      return c.openConditions > 0 ? { step: "conditions_open", open: c.openConditions } : { step: "complete_intake" };
    case "profile_draft":
      return { step: "write_profile" };
    case "awaiting_approval":
      return { step: "await_approval" };
    case "published":
      return { step: "propose" };
    case "placed":
    case "aftercare":
      return { step: "aftercare" };
    case "paused":
      return { step: "paused" };
    case "handed_over":
      return { step: "handed_over" };
    default:
      return { step: "none" };
  }
}

const openConditionsCount = sql<number>`(
  select count(*)::int from ${candidateBasicConditions}
  where ${candidateBasicConditions.candidateId} = ${candidates.id}
    and ${candidateBasicConditions.status} = 'unknown'
)`;

const coachUser = alias(users, "coach_user");
const coachOrganisation = alias(organisations, "coach_organisation");
const prisonOrganisation = alias(organisations, "prison_organisation");

// ---------------------------------------------------------------------------
// Lists

/** The caller's prison's candidates (prison staff). */
export async function listPrisonCandidates(db: Database, context: AuthContext, origin: Origin, now = new Date()) {
  const scope = context.role === "prison_staff" ? candidateScope(context, "read") : null;
  if (!scope) return [];
  const rows = await db
    .select({
      id: candidates.id,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
      firstMeetingAt: candidates.firstMeetingAt,
      coachUserId: candidates.coachUserId,
      coachingOrganisationName: coachOrganisation.name,
      openConditions: openConditionsCount,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .leftJoin(coachOrganisation, eq(coachOrganisation.id, candidates.coachingOrganisationId))
    .where(scope)
    .orderBy(sql`${candidates.releaseDate} asc nulls last`, asc(candidateIdentities.lastName))
    .limit(LIST_LIMIT);
  await auditIdentityRead(db, context, rows.map((r) => r.id), "pi.list", origin);
  const today = todayInNetherlands(now);
  return rows.map(({ coachUserId, firstMeetingAt, openConditions, ...r }) => ({
    ...r,
    hasCoach: Boolean(coachUserId),
    firstMeetingAt: firstMeetingAt?.toISOString() ?? null,
    releaseSoon: releaseSoon(r.releaseDate, today),
    next: nextStepOf({ status: r.status, coachUserId, firstMeetingAt, openConditions }, now),
  }));
}

/**
 * A coach's caseload (write access) and, read-only, the rest of their organisation's candidates,
 * with status, next step and release date.
 */
export async function listCaseload(db: Database, context: AuthContext, origin: Origin, now = new Date()) {
  const scope = context.role === "coach" ? candidateScope(context, "read") : null;
  if (!scope) return { own: [], colleagues: [] };
  const rows = await db
    .select({
      id: candidates.id,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
      workExperienceAllowedFrom: candidates.workExperienceAllowedFrom,
      firstMeetingAt: candidates.firstMeetingAt,
      coachUserId: candidates.coachUserId,
      coachName: coachUser.name,
      openConditions: openConditionsCount,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .leftJoin(coachUser, eq(coachUser.id, candidates.coachUserId))
    .where(and(scope, inArray(candidates.status, ["nominated", "intake", "profile_draft", "awaiting_approval", "published", "placed", "aftercare", "paused", "handed_over"])))
    .orderBy(sql`${candidates.releaseDate} asc nulls last`, asc(candidateIdentities.lastName))
    .limit(LIST_LIMIT * 2);
  await auditIdentityRead(db, context, rows.map((r) => r.id), "coach.caseload", origin);
  const today = todayInNetherlands(now);
  const shaped = rows.map(({ coachUserId, firstMeetingAt, openConditions, ...r }) => ({
    ...r,
    mine: coachUserId === context.user.id,
    firstMeetingAt: firstMeetingAt?.toISOString() ?? null,
    releaseSoon: releaseSoon(r.releaseDate, today),
    next: nextStepOf({ status: r.status, coachUserId, firstMeetingAt, openConditions }, now),
  }));
  return {
    own: shaped.filter((r) => r.mine).map(({ coachName: _c, mine: _m, ...r }) => r),
    colleagues: shaped.filter((r) => !r.mine).map(({ mine: _m, ...r }) => r),
  };
}

/** Candidates whose municipality of origin is the coordinator's, with basic conditions. */
export async function listMunicipalityCandidates(
  db: Database,
  context: AuthContext,
  origin: Origin,
  now = new Date(),
) {
  const scope = context.role === "municipality_coordinator" ? candidateScope(context, "read") : null;
  if (!scope) return [];
  const rows = await db
    .select({
      id: candidates.id,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
      coachingOrganisationName: coachOrganisation.name,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .leftJoin(coachOrganisation, eq(coachOrganisation.id, candidates.coachingOrganisationId))
    .where(and(scope, ne(candidates.status, "withdrawn")))
    .orderBy(sql`${candidates.releaseDate} asc nulls last`, asc(candidateIdentities.lastName))
    .limit(LIST_LIMIT);
  const conditions = await basicConditionsOf(db, rows.map((r) => r.id));
  await auditIdentityRead(db, context, rows.map((r) => r.id), "gemeente.list", origin);
  const today = todayInNetherlands(now);
  return rows.map((r) => ({
    ...r,
    releaseSoon: releaseSoon(r.releaseDate, today),
    released: Boolean(r.releaseDate && r.releaseDate < today),
    conditions: BASIC_CONDITION_KINDS.map((kind) => ({
      kind,
      status: conditions.get(r.id)?.get(kind)?.status ?? ("unknown" as BasicConditionStatus),
    })),
  }));
}

async function basicConditionsOf(db: Database, candidateIds: string[]) {
  const map = new Map<string, Map<BasicConditionKind, { status: BasicConditionStatus; note: string | null }>>();
  if (candidateIds.length === 0) return map;
  const rows = await db
    .select({
      candidateId: candidateBasicConditions.candidateId,
      kind: candidateBasicConditions.kind,
      status: candidateBasicConditions.status,
      note: candidateBasicConditions.note,
    })
    .from(candidateBasicConditions)
    .where(inArray(candidateBasicConditions.candidateId, candidateIds));
  for (const row of rows) {
    let own = map.get(row.candidateId);
    if (!own) map.set(row.candidateId, (own = new Map()));
    own.set(row.kind, { status: row.status, note: row.note });
  }
  return map;
}

/** The five basic conditions of one candidate, in the fixed order, with notes. */
export async function basicConditionsFor(db: Database, candidateId: string) {
  const byKind = (await basicConditionsOf(db, [candidateId])).get(candidateId);
  return BASIC_CONDITION_KINDS.map((kind) => ({
    kind,
    status: byKind?.get(kind)?.status ?? ("unknown" as BasicConditionStatus),
    note: byKind?.get(kind)?.note ?? "",
  }));
}

// ---------------------------------------------------------------------------
// Detail pages

const identityColumns = {
  firstName: candidateIdentities.firstName,
  lastName: candidateIdentities.lastName,
  dateOfBirth: candidateIdentities.dateOfBirth,
  phone: candidateIdentities.phone,
  email: candidateIdentities.email,
};

/** One candidate of the caller's prison, for the prison staff's detail page (404 otherwise). */
export async function readPrisonCandidate(db: Database, context: AuthContext, candidateId: string | undefined, origin: Origin) {
  if (context.role !== "prison_staff") throw new Response("Not Found", { status: 404 });
  const scoped = await requireScopedCandidate(db, context, candidateId, "read");
  const [row] = await db
    .select({
      id: candidates.id,
      status: candidates.status,
      nominatedOn: candidates.nominatedOn,
      releaseDate: candidates.releaseDate,
      workExperienceAllowedFrom: candidates.workExperienceAllowedFrom,
      municipalityCode: candidates.municipalityCode,
      motivationAssessment: candidates.motivationAssessment,
      participationAgreedAt: candidates.participationAgreedAt,
      firstMeetingAt: candidates.firstMeetingAt,
      coachName: coachUser.name,
      coachingOrganisationName: coachOrganisation.name,
      ...identityColumns,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .leftJoin(coachUser, eq(coachUser.id, candidates.coachUserId))
    .leftJoin(coachOrganisation, eq(coachOrganisation.id, candidates.coachingOrganisationId))
    .where(eq(candidates.id, scoped.id));
  if (!row) throw new Response("Not Found", { status: 404 });
  await auditIdentityRead(db, context, [row.id], "pi.detail", origin);
  return {
    ...row,
    municipalityName: municipalityName(row.municipalityCode),
    participationAgreedAt: row.participationAgreedAt?.toISOString() ?? null,
    firstMeetingAt: row.firstMeetingAt?.toISOString() ?? null,
  };
}

/** Work and certificates from detention that prison staff confirmed (verified) on the profile. */
export async function verifiedDetentionRecords(db: Database, candidateId: string) {
  const [profile] = await db
    .select({ experience: candidateProfiles.experience, certificates: candidateProfiles.certificates })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.candidateId, candidateId));
  return {
    work: (profile?.experience ?? [])
      .filter((e) => e.duringDetention && e.verified)
      .map((e) => ({ title: e.title, sector: e.sector, months: e.months })),
    certificates: (profile?.certificates ?? []).filter((c) => c.verified).map((c) => c.name),
  };
}

/**
 * One candidate for the coach's overview and intake pages: their own (writable) or an
 * organisation colleague's (read-only). 404 for anyone else.
 */
export async function readCoachCandidate(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  view: "coach.detail" | "coach.intake",
  origin: Origin,
  now = new Date(),
) {
  if (context.role !== "coach") throw new Response("Not Found", { status: 404 });
  const scoped = await requireScopedCandidate(db, context, candidateId, "read");
  const [row] = await db
    .select({
      id: candidates.id,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
      workExperienceAllowedFrom: candidates.workExperienceAllowedFrom,
      municipalityCode: candidates.municipalityCode,
      motivationAssessment: candidates.motivationAssessment,
      firstMeetingAt: candidates.firstMeetingAt,
      hasAccount: sql<boolean>`${candidates.userId} is not null`,
      coachName: coachUser.name,
      prisonName: prisonOrganisation.name,
      ...identityColumns,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .leftJoin(coachUser, eq(coachUser.id, candidates.coachUserId))
    .leftJoin(prisonOrganisation, eq(prisonOrganisation.id, candidates.prisonOrganisationId))
    .where(eq(candidates.id, scoped.id));
  if (!row) throw new Response("Not Found", { status: 404 });
  const [constraints] = await db
    .select({
      vogRiskAreas: candidateConstraints.vogRiskAreas,
      areaBanMunicipalityCodes: candidateConstraints.areaBanMunicipalityCodes,
      leaveHourLimits: candidateConstraints.leaveHourLimits,
    })
    .from(candidateConstraints)
    .where(eq(candidateConstraints.candidateId, row.id));
  const [invitation] = await db
    .select({ email: invitations.email, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.candidateId, row.id),
        isNull(invitations.usedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(sql`${invitations.createdAt} desc`)
    .limit(1);
  const conditions = await basicConditionsFor(db, row.id);
  await auditIdentityRead(db, context, [row.id], view, origin);
  return {
    ...row,
    canWrite: scoped.coachUserId === context.user.id,
    municipalityName: municipalityName(row.municipalityCode),
    firstMeetingAt: row.firstMeetingAt?.toISOString() ?? null,
    conditions,
    constraints: {
      vogRiskAreas: constraints?.vogRiskAreas ?? [],
      areaBans: (constraints?.areaBanMunicipalityCodes ?? []).map((code) => ({
        code,
        name: municipalityName(code),
      })),
      leaveHourLimits: constraints?.leaveHourLimits ?? "",
    },
    openInvitation: invitation ? { email: invitation.email, expiresAt: invitation.expiresAt.toISOString() } : null,
  };
}

/** One candidate of the coordinator's municipality (404 otherwise). */
export async function readMunicipalityCandidate(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  origin: Origin,
) {
  if (context.role !== "municipality_coordinator") throw new Response("Not Found", { status: 404 });
  const scoped = await requireScopedCandidate(db, context, candidateId, "read");
  const [row] = await db
    .select({
      id: candidates.id,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
      municipalityCode: candidates.municipalityCode,
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      phone: candidateIdentities.phone,
      email: candidateIdentities.email,
      prisonName: prisonOrganisation.name,
      coachName: coachUser.name,
      coachEmail: coachUser.email,
      coachingOrganisationName: coachOrganisation.name,
    })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .leftJoin(prisonOrganisation, eq(prisonOrganisation.id, candidates.prisonOrganisationId))
    .leftJoin(coachUser, eq(coachUser.id, candidates.coachUserId))
    .leftJoin(coachOrganisation, eq(coachOrganisation.id, candidates.coachingOrganisationId))
    .where(eq(candidates.id, scoped.id));
  if (!row) throw new Response("Not Found", { status: 404 });
  const conditions = await basicConditionsFor(db, row.id);
  await auditIdentityRead(db, context, [row.id], "gemeente.detail", origin);
  return { ...row, municipalityName: municipalityName(row.municipalityCode), conditions };
}

import { and, asc, desc, eq, gte, inArray, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "#db/client.server";
import {
  candidateProfiles,
  candidates,
  checkIns,
  meetings,
  memberships,
  offers,
  organisations,
  placements,
  proposals,
  users,
  vacancies,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import type { Origin } from "~/domain/audit.server";
import { candidateScope } from "~/domain/candidates/access.server";
import { type DisclosedIdentity, identityForEmployer } from "~/domain/candidates/consent.server";
import { publicProfileOf } from "~/domain/candidates/profile.server";
import type { PublicProfile } from "~/domain/candidates/public-profile";
import { hasActiveConsent, loadProposalCase, partyOf, type Party } from "./access.server";
import { addDays, dutchToday } from "./dates";
import { PipelineError, type PipelineResult } from "./errors";
import { loadPlacementCase, placementPartyOf, type PlacementParty } from "./placements.server";
import { reasonLabel } from "./proposals.server";
import { type RetentionMonth, type RetentionState, retentionOf } from "./retention";
import { runStep } from "./run.server";
import { type CheckInState, checkInState } from "./schedule";
import { isUuid } from "./schemas";
import {
  CANDIDATE_VISIBLE_STATUSES,
  OPEN_PROPOSAL_STATUSES,
  type ProposalStatus,
  heldUpByUnavailableCandidate,
  nextProposalStepsFor,
} from "./transitions";

/*
 * What the pages read. Every function scopes by the caller (party checks as in
 * access.server.ts; lists filter by caseload, organisation or own record) and returns only what
 * that side may see:
 *   employer   the public profile (never identity fields) and, only under an active consent,
 *              the identity through consent.server's identityForEmployer (audited); never check-in
 *              notes, wellbeing or risk flags; a coach's reason for declining only as neutral words
 *   candidate  their own proposals from the introduction on, offers with the coach's advice,
 *              meetings, their placement and job coach; never coach notes
 *   coach      everything of the case, including coach-only fields
 */

// ---------------------------------------------------------------------------
// One proposal

export type MeetingView = {
  id: string;
  startsAt: Date;
  location: string | null;
  videoLink: string | null;
  status: "planned" | "cancelled" | "held";
  cancelReason: string | null;
};

export type OfferView = {
  id: string;
  status: "open" | "accepted" | "declined" | "withdrawn" | "expired";
  startDate: string;
  hoursPerWeek: number;
  contractType: string;
  wageIndication: string | null;
  firstDayDetails: string | null;
  expiresOn: string | null;
  coachAdvice: string | null;
  answeredAt: Date | null;
  answeredOnBehalf: boolean;
  createdAt: Date;
};

type ProposalBase = {
  id: string;
  status: ProposalStatus;
  /** Put it in the form as `expectedVersion`: a form made from an older version is refused as stale. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  vacancy: { id: string; title: string; status: string };
  employerName: string;
  publicCode: string;
  /**
   * False while the candidate is not available (profile not published, or placed elsewhere):
   * the steps that move the case forward are then refused, and the page says so up front.
   */
  candidateAvailable: boolean;
  /** The steps this caller can take now (buttons). */
  steps: ProposalStatus[];
  meetings: MeetingView[];
  offers: OfferView[];
  /** The reason of a rejection or a coach's decline, in words this side may read. */
  reason: string | null;
};

export type ProposalView =
  | (ProposalBase & {
      party: "employer";
      note: string | null;
      profile: PublicProfile | null;
      /** Only under an active consent for this organisation; null otherwise. */
      identity: DisclosedIdentity | null;
      coach: { name: string; email: string } | null;
    })
  | (ProposalBase & {
      party: "coach";
      note: string | null;
      candidateId: string;
      candidateStatus: string;
      /** The coach's own note when declining, or the employer's words when rejecting. */
      reasonText: string | null;
      identityShared: boolean;
    })
  | (ProposalBase & { party: "candidate"; coach: { name: string; email: string } | null });

const offerColumns = {
  id: offers.id,
  status: offers.status,
  startDate: offers.startDate,
  hoursPerWeek: offers.hoursPerWeek,
  contractType: offers.contractType,
  wageIndication: offers.wageIndication,
  firstDayDetails: offers.firstDayDetails,
  expiresOn: offers.expiresOn,
  coachAdvice: offers.coachAdvice,
  answeredAt: offers.answeredAt,
  answeredOnBehalf: offers.answeredOnBehalf,
  createdAt: offers.createdAt,
};

const meetingColumns = {
  id: meetings.id,
  startsAt: meetings.startsAt,
  location: meetings.location,
  videoLink: meetings.videoLink,
  status: meetings.status,
  cancelReason: meetings.cancelReason,
};

async function coachCard(db: Database, userId: string | null) {
  if (!userId) return null;
  const [row] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** The candidate sees a proposal once an introduction is planned (they go to it). */
const CANDIDATE_SEES: readonly ProposalStatus[] = [
  "meeting_planned",
  ...CANDIDATE_VISIBLE_STATUSES,
];

/** One proposal as the caller's side sees it. */
export async function getProposal(
  db: Database,
  context: AuthContext,
  proposalId: string,
  options: { origin?: Origin } = {},
): Promise<PipelineResult<{ proposal: ProposalView }>> {
  return runStep(
    db,
    context,
    {
      action: "proposal.read",
      objectType: "proposal",
      objectId: isUuid(proposalId) ? proposalId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadProposalCase(tx, proposalId);
      let party: Party;
      try {
        party = await partyOf(tx, context, c);
      } catch (error) {
        // A colleague coach of the same organisation may read the case, but acts on nothing.
        if (!(
          error instanceof PipelineError &&
          error.code === "forbidden" &&
          context.role === "coach"
        ))
          throw error;
        party = "coach";
      }
      if (party === "candidate" && !CANDIDATE_SEES.includes(c.proposal.status))
        throw new PipelineError("not_found");
      const meetingRows = (await tx
        .select(meetingColumns)
        .from(meetings)
        .where(eq(meetings.proposalId, c.proposal.id))
        .orderBy(asc(meetings.startsAt))) as MeetingView[];
      const offerRows = await tx
        .select(offerColumns)
        .from(offers)
        .where(eq(offers.proposalId, c.proposal.id))
        .orderBy(asc(offers.createdAt));
      const ownCoach = context.role === "coach" && c.candidate.coachUserId === context.user.id;
      const reasonKind =
        c.proposal.status === "declined_by_coach" ? "declined_by_coach" : "rejected";
      // The same rule the steps apply on the server (candidate_unavailable).
      const candidateAvailable = c.candidate.status === "published";
      const base: ProposalBase = {
        id: c.proposal.id,
        status: c.proposal.status,
        version: c.proposal.version,
        createdAt: c.proposal.createdAt,
        updatedAt: c.proposal.updatedAt,
        vacancy: { id: c.vacancy.id, title: c.vacancy.title, status: c.vacancy.status },
        employerName: c.employer.name,
        publicCode: c.candidate.publicCode,
        candidateAvailable,
        steps:
          party === "coach" && !ownCoach
            ? []
            : nextProposalStepsFor(c.proposal.status, party, candidateAvailable),
        meetings: meetingRows,
        offers: offerRows,
        reason: c.proposal.reasonCode ? reasonLabel(reasonKind, c.proposal.reasonCode) : null,
      };
      if (party === "employer") {
        const consent = await hasActiveConsent(
          tx,
          c.candidate.id,
          c.vacancy.organisationId,
          c.proposal.id,
        );
        return {
          proposal: {
            ...base,
            party,
            // The employer's own words when they asked; the coach's note when the coach proposed.
            note: c.proposal.note,
            // The coach's own note on a decline never reaches the employer; their own rejection words do.
            reason:
              c.proposal.status === "rejected"
                ? [base.reason, c.proposal.reasonText].filter(Boolean).join(": ")
                : base.reason,
            profile: await publicProfileOf(tx, c.candidate.id),
            identity: consent
              ? await identityForEmployer(
                  tx,
                  context,
                  c.candidate.id,
                  c.proposal.id,
                  options.origin,
                )
              : null,
            coach: await coachCard(tx, c.candidate.coachUserId),
            offers: offerRows.map((o) => ({ ...o, coachAdvice: null })),
          },
        };
      }
      if (party === "candidate") {
        return {
          proposal: {
            ...base,
            party,
            reason: null,
            coach: await coachCard(tx, c.candidate.coachUserId),
          },
        };
      }
      return {
        proposal: {
          ...base,
          party: "coach",
          note: c.proposal.note,
          candidateId: c.candidate.id,
          candidateStatus: c.candidate.status,
          reasonText: c.proposal.reasonText,
          identityShared: await hasActiveConsent(
            tx,
            c.candidate.id,
            c.vacancy.organisationId,
            c.proposal.id,
          ),
        },
      };
    },
  );
}

// ---------------------------------------------------------------------------
// Lists of proposals

export type ProposalListItem = {
  id: string;
  status: ProposalStatus;
  version: number;
  updatedAt: Date;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
  publicCode: string;
  headline: string | null;
  nextMeetingAt: Date | null;
  openOfferExpiresOn: string | null;
  /** Still on its way, but the candidate is not available (paused, or placed elsewhere). */
  heldUp: boolean;
};

async function listProposalsWhere(
  db: Database,
  where: SQL | undefined,
  limit = 200,
): Promise<ProposalListItem[]> {
  const rows = await db
    .select({
      id: proposals.id,
      status: proposals.status,
      version: proposals.version,
      updatedAt: proposals.updatedAt,
      vacancyId: vacancies.id,
      vacancyTitle: vacancies.title,
      employerName: organisations.name,
      publicCode: candidates.publicCode,
      headline: candidateProfiles.headline,
      candidateStatus: candidates.status,
    })
    .from(proposals)
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .innerJoin(candidates, eq(candidates.id, proposals.candidateId))
    .leftJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
    .where(where)
    .orderBy(desc(proposals.updatedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const planned = await db
    .select({ proposalId: meetings.proposalId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(inArray(meetings.proposalId, ids), eq(meetings.status, "planned")))
    .orderBy(asc(meetings.startsAt));
  const open = await db
    .select({ proposalId: offers.proposalId, expiresOn: offers.expiresOn })
    .from(offers)
    .where(and(inArray(offers.proposalId, ids), eq(offers.status, "open")));
  // Only whether the case is held up leaves this function, never the candidate's status itself.
  return rows.map(({ candidateStatus, ...r }) => ({
    ...r,
    nextMeetingAt: planned.find((m) => m.proposalId === r.id)?.startsAt ?? null,
    openOfferExpiresOn: open.find((o) => o.proposalId === r.id)?.expiresOn ?? null,
    heldUp: heldUpByUnavailableCandidate(r.status, candidateStatus === "published"),
  }));
}

/** Employer: the proposal inbox of one of their own vacancies (public codes and headlines only). */
export async function listVacancyProposals(
  db: Database,
  context: AuthContext,
  vacancyId: string,
  options: { statuses?: ProposalStatus[] } = {},
) {
  if (context.role !== "employer" || !context.organisation || !isUuid(vacancyId)) return [];
  if (!context.permissions.includes("review:proposals:own-organisation")) return [];
  return listProposalsWhere(
    db,
    and(
      eq(proposals.vacancyId, vacancyId),
      eq(vacancies.organisationId, context.organisation.id),
      options.statuses ? inArray(proposals.status, options.statuses) : undefined,
    ),
  );
}

/**
 * Employer: the proposal inbox of all their own vacancies in one read (the proposals list page),
 * grouped by vacancy id (newest first within a vacancy).
 */
export async function listOrganisationProposals(db: Database, context: AuthContext) {
  const byVacancy = new Map<string, ProposalListItem[]>();
  if (context.role !== "employer" || !context.organisation) return byVacancy;
  if (!context.permissions.includes("review:proposals:own-organisation")) return byVacancy;
  const rows = await listProposalsWhere(db, eq(vacancies.organisationId, context.organisation.id), 1000);
  for (const r of rows) {
    const list = byVacancy.get(r.vacancyId);
    if (list) list.push(r);
    else byVacancy.set(r.vacancyId, [r]);
  }
  return byVacancy;
}

/** Coach: the proposals of their own caseload (default: the ones still moving). */
export async function listCoachProposals(
  db: Database,
  context: AuthContext,
  options: { statuses?: ProposalStatus[] } = {},
) {
  const scope = context.role === "coach" ? candidateScope(context, "write") : null;
  if (!scope) return [];
  return listProposalsWhere(
    db,
    and(scope, inArray(proposals.status, options.statuses ?? [...OPEN_PROPOSAL_STATUSES])),
  );
}

/** Candidate: their own proposals from the introduction on (offers, meetings). */
export async function listCandidateProposals(db: Database, context: AuthContext) {
  if (context.role !== "candidate" || !context.candidateId) return [];
  return listProposalsWhere(
    db,
    and(
      eq(proposals.candidateId, context.candidateId),
      inArray(proposals.status, [...CANDIDATE_SEES]),
    ),
  );
}

// ---------------------------------------------------------------------------
// Meetings and offers for dashboards

export type UpcomingMeeting = MeetingView & {
  proposalId: string;
  vacancyTitle: string;
  employerName: string;
  publicCode: string;
};

/** Planned meetings from now to `days` ahead (default 7) for the caller's side. */
export async function upcomingMeetings(
  db: Database,
  context: AuthContext,
  options: { now?: Date; days?: number } = {},
): Promise<UpcomingMeeting[]> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + (options.days ?? 7) * 86_400_000);
  const side = sideScope(context);
  if (!side) return [];
  return (await db
    .select({
      ...meetingColumns,
      proposalId: proposals.id,
      vacancyTitle: vacancies.title,
      employerName: organisations.name,
      publicCode: candidates.publicCode,
    })
    .from(meetings)
    .innerJoin(proposals, eq(proposals.id, meetings.proposalId))
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .innerJoin(candidates, eq(candidates.id, proposals.candidateId))
    .where(
      and(
        side,
        eq(meetings.status, "planned"),
        gte(meetings.startsAt, now),
        lte(meetings.startsAt, until),
      ),
    )
    .orderBy(asc(meetings.startsAt))) as UpcomingMeeting[];
}

/**
 * Open offers waiting for an answer, for the caller's side (coach: caseload; candidate: own;
 * employer: own organisation). The coach's advice is for the coach and the candidate only: for an
 * employer the column is not even read (always null).
 */
export async function openOffers(db: Database, context: AuthContext) {
  const side = sideScope(context);
  if (!side) return [];
  return db
    .select({
      ...offerColumns,
      coachAdvice:
        context.role === "employer" ? sql<string | null>`null` : offerColumns.coachAdvice,
      proposalId: proposals.id,
      proposalVersion: proposals.version,
      vacancyTitle: vacancies.title,
      employerName: organisations.name,
      publicCode: candidates.publicCode,
    })
    .from(offers)
    .innerJoin(proposals, eq(proposals.id, offers.proposalId))
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .innerJoin(candidates, eq(candidates.id, proposals.candidateId))
    .where(and(side, eq(offers.status, "open")))
    .orderBy(asc(offers.expiresOn));
}

/** The caller's side of the pipeline as a condition on proposals ⋈ vacancies ⋈ candidates. */
function sideScope(context: AuthContext): SQL | undefined | null {
  switch (context.role) {
    case "coach":
      return candidateScope(context, "write");
    case "employer":
      return context.organisation &&
        context.permissions.includes("review:proposals:own-organisation")
        ? eq(vacancies.organisationId, context.organisation.id)
        : null;
    case "candidate":
      return context.candidateId ? eq(candidates.id, context.candidateId) : null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------
// Placements

export type CheckInView = {
  id: string;
  week: number;
  dueOn: string;
  state: CheckInState;
  requestedByEmployer: boolean;
};
export type CoachCheckInView = CheckInView & {
  doneAt: Date | null;
  withWhom: string | null;
  mode: string | null;
  wellbeing: number | null;
  riskFlag: "green" | "amber" | "red" | null;
  actions: string | null;
  /** Coach-only. */
  coachNotes: string | null;
};

type PlacementBase = {
  id: string;
  status: "active" | "completed" | "ended_early";
  startedOn: string;
  endedOn: string | null;
  vacancy: { id: string; title: string };
  employerName: string;
  publicCode: string;
  jobCoach: {
    userId: string;
    name: string;
    email: string;
    organisationName: string | null;
    organisationPhone: string | null;
  };
  offer: { hoursPerWeek: number; contractType: string; firstDayDetails: string | null };
  retention: Record<RetentionMonth, RetentionState>;
};

export type PlacementView =
  | (PlacementBase & {
      party: "employer";
      /** Only under an active consent; revoking hides it again at once. */
      identity: DisclosedIdentity | null;
      proposalId: string;
      checkIns: CheckInView[];
    })
  | (PlacementBase & {
      party: "jobCoach" | "coach";
      candidateId: string;
      candidateStatus: string;
      endReason: string | null;
      handoverNote: string | null;
      checkIns: CoachCheckInView[];
    })
  | (PlacementBase & { party: "candidate"; checkIns: CheckInView[] });

/** One placement as the caller's side sees it (employer: job coach's name and contact; coach: everything). */
export async function getPlacement(
  db: Database,
  context: AuthContext,
  placementId: string,
  options: { origin?: Origin; now?: Date } = {},
): Promise<PipelineResult<{ placement: PlacementView }>> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "placement.read",
      objectType: "placement",
      objectId: isUuid(placementId) ? placementId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadPlacementCase(tx, placementId);
      let party: PlacementParty;
      try {
        party = await placementPartyOf(tx, context, c);
      } catch (error) {
        if (!(
          error instanceof PipelineError &&
          error.code === "forbidden" &&
          context.role === "coach"
        ))
          throw error;
        party = "coach";
      }
      const coachOrg = alias(organisations, "coach_org");
      const [jobCoach] = await tx
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          organisationName: coachOrg.name,
          organisationPhone: coachOrg.contactPhone,
        })
        .from(users)
        .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.role, "coach")))
        .leftJoin(coachOrg, eq(coachOrg.id, memberships.organisationId))
        .where(eq(users.id, c.placement.jobCoachUserId))
        .limit(1);
      const [offer] = await tx
        .select({
          hoursPerWeek: offers.hoursPerWeek,
          contractType: offers.contractType,
          firstDayDetails: offers.firstDayDetails,
          proposalId: offers.proposalId,
        })
        .from(offers)
        .where(eq(offers.id, c.placement.offerId));
      const rows = await tx
        .select()
        .from(checkIns)
        .where(eq(checkIns.placementId, c.placement.id))
        .orderBy(asc(checkIns.dueOn), asc(checkIns.week));
      const base: PlacementBase = {
        id: c.placement.id,
        status: c.placement.status,
        startedOn: c.placement.startedOn,
        endedOn: c.placement.endedOn,
        vacancy: { id: c.vacancy.id, title: c.vacancy.title },
        employerName: c.employer.name,
        publicCode: c.candidate.publicCode,
        jobCoach: jobCoach!,
        offer: {
          hoursPerWeek: offer!.hoursPerWeek,
          contractType: offer!.contractType,
          firstDayDetails: offer!.firstDayDetails,
        },
        retention: retentionOf(c.placement, now),
      };
      const plain = rows.map((r): CheckInView => ({
        id: r.id,
        week: r.week,
        dueOn: r.dueOn,
        state: c.placement.status === "active" || r.doneAt ? checkInState(r, now) : "upcoming",
        requestedByEmployer: r.requestedByEmployerAt !== null,
      }));
      if (party === "employer") {
        const consent = await hasActiveConsent(
          tx,
          c.candidate.id,
          c.employer.id,
          offer!.proposalId,
        );
        return {
          placement: {
            ...base,
            party,
            proposalId: offer!.proposalId,
            identity: consent
              ? await identityForEmployer(
                  tx,
                  context,
                  c.candidate.id,
                  offer!.proposalId,
                  options.origin,
                )
              : null,
            checkIns: plain,
          },
        };
      }
      if (party === "candidate") return { placement: { ...base, party, checkIns: plain } };
      return {
        placement: {
          ...base,
          party,
          candidateId: c.candidate.id,
          candidateStatus: c.candidate.status,
          endReason: c.placement.endReason,
          handoverNote: c.placement.handoverNote,
          checkIns: rows.map((r, i) => ({
            ...plain[i]!,
            doneAt: r.doneAt,
            withWhom: r.withWhom,
            mode: r.mode,
            wellbeing: r.wellbeing,
            riskFlag: r.riskFlag,
            actions: r.actions,
            coachNotes: r.coachNotes,
          })),
        },
      };
    },
  );
}

export type PlacementListItem = {
  id: string;
  status: "active" | "completed" | "ended_early";
  startedOn: string;
  endedOn: string | null;
  vacancyTitle: string;
  employerName: string;
  publicCode: string;
  jobCoachName: string;
  jobCoachEmail: string;
};

/**
 * Placements for the caller: coach — where they are job coach or the candidate is on their
 * caseload; employer — their organisation's (with the job coach); candidate — their own.
 */
export async function listPlacements(
  db: Database,
  context: AuthContext,
  options: { status?: PlacementListItem["status"] } = {},
): Promise<PlacementListItem[]> {
  let side: SQL | undefined;
  if (context.role === "coach") {
    side = or(
      eq(placements.jobCoachUserId, context.user.id),
      candidateScope(context, "write") ?? undefined,
    );
  } else if (
    context.role === "employer" &&
    context.organisation &&
    context.permissions.includes("review:proposals:own-organisation")
  ) {
    side = eq(placements.employerOrganisationId, context.organisation.id);
  } else if (context.role === "candidate" && context.candidateId) {
    side = eq(placements.candidateId, context.candidateId);
  } else {
    return [];
  }
  return db
    .select({
      id: placements.id,
      status: placements.status,
      startedOn: placements.startedOn,
      endedOn: placements.endedOn,
      vacancyTitle: vacancies.title,
      employerName: organisations.name,
      publicCode: candidates.publicCode,
      jobCoachName: users.name,
      jobCoachEmail: users.email,
    })
    .from(placements)
    .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
    .innerJoin(organisations, eq(organisations.id, placements.employerOrganisationId))
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .innerJoin(users, eq(users.id, placements.jobCoachUserId))
    .where(and(side, options.status ? eq(placements.status, options.status) : undefined))
    .orderBy(desc(placements.startedOn))
    .limit(500);
}

// ---------------------------------------------------------------------------
// Prison staff: releases coming up without a job in view

/**
 * Prison staff: their prison's candidates released within `weeks` (default 12) who have no
 * placement and no offer or introduction in progress ("no job in view"), soonest first.
 */
export async function releasesWithoutJob(
  db: Database,
  context: AuthContext,
  options: { now?: Date; weeks?: number } = {},
) {
  if (context.role !== "prison_staff") return [];
  const scope = candidateScope(context, "read");
  if (!scope) return [];
  const today = dutchToday(options.now ?? new Date());
  const until = addDays(today, (options.weeks ?? 12) * 7);
  const rows = await db
    .select({
      id: candidates.id,
      publicCode: candidates.publicCode,
      status: candidates.status,
      releaseDate: candidates.releaseDate,
    })
    .from(candidates)
    .where(
      and(
        scope,
        gte(candidates.releaseDate, today),
        lte(candidates.releaseDate, until),
        inArray(candidates.status, [
          "nominated",
          "intake",
          "profile_draft",
          "awaiting_approval",
          "published",
          "paused",
        ]),
      ),
    )
    .orderBy(asc(candidates.releaseDate));
  if (rows.length === 0) return [];
  const inView = await db
    .selectDistinct({ candidateId: proposals.candidateId })
    .from(proposals)
    .where(
      and(
        inArray(
          proposals.candidateId,
          rows.map((r) => r.id),
        ),
        inArray(proposals.status, ["meeting_planned", "offer_made", "accepted", "placed"]),
      ),
    );
  const busy = new Set(inView.map((r) => r.candidateId));
  return rows.filter((r) => !busy.has(r.id));
}

import { and, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type Placement,
  candidateProfiles,
  candidates,
  checkIns,
  memberships,
  organisations,
  placements,
  users,
  vacancies,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { candidateScope } from "~/domain/candidates/access.server";
import { t } from "~/i18n";
import { transitionCandidate } from "~/domain/candidates/lifecycle.server";
import { employerRecipients, requireVerifiedEmployer, userCard } from "./access.server";
import { dutchToday } from "./dates";
import { PipelineError, type PipelineResult } from "./errors";
import { notifyPipeline } from "./notify.server";
import { actorOf, runStep } from "./run.server";
import { checkInPlan } from "./schedule";
import { endPlacementSchema, handOverPlacementSchema, isUuid, parseInput } from "./schemas";
import { dayLabel, type StepOptions } from "./steps.server";

/*
 * Placements (DESIGN.md): created when an offer is accepted (offers.server.ts calls
 * `createPlacement` in the same transaction), always with a job coach (NOT NULL; the proposing
 * coach by default), with the aftercare plan generated at once (check-ins at week 1, 2, 4, 13,
 * 26, 52). The job coach can hand the placement to another coach with a note; a placement ends
 * as completed or ended early (with a reason), and the candidate's lifecycle follows:
 *
 *   accepted offer        candidate published → placed
 *   first check-in logged placed → aftercare (checkins.server.ts)
 *   completed             placed | aftercare → closed
 *   ended early           placed | aftercare → published when the approved profile is still
 *                         confirmed, else → published → paused (the lifecycle has no direct step)
 *
 * The vacancy's filled positions count placements that started; an early end does not give the
 * position back (a filled vacancy is final in the vacancy lifecycle): the employer reopens by
 * posting the vacancy again.
 */

/** The placement's people: who may act as coach, and the employer organisation. */
export type PlacementCase = {
  placement: Placement;
  candidate: {
    id: string;
    status: string;
    publicCode: string;
    coachUserId: string | null;
    userId: string | null;
    municipalityCode: string;
    coachingOrganisationId: string | null;
  };
  vacancy: { id: string; title: string; createdByUserId: string | null };
  employer: { id: string; name: string };
};

export async function loadPlacementCase(
  db: Database,
  placementId: string,
  options: { lock?: boolean } = {},
): Promise<PlacementCase> {
  if (!isUuid(placementId)) throw new PipelineError("not_found");
  if (options.lock) {
    // Lock order: candidate before placement (and check-ins after both).
    const [peek] = await db
      .select({ candidateId: placements.candidateId })
      .from(placements)
      .where(eq(placements.id, placementId));
    if (!peek) throw new PipelineError("not_found");
    await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.id, peek.candidateId))
      .for("update");
  }
  const query = db
    .select({
      placement: placements,
      candidate: {
        id: candidates.id,
        status: candidates.status,
        publicCode: candidates.publicCode,
        coachUserId: candidates.coachUserId,
        userId: candidates.userId,
        municipalityCode: candidates.municipalityCode,
        coachingOrganisationId: candidates.coachingOrganisationId,
      },
      vacancy: {
        id: vacancies.id,
        title: vacancies.title,
        createdByUserId: vacancies.createdByUserId,
      },
      employer: { id: organisations.id, name: organisations.name },
    })
    .from(placements)
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
    .innerJoin(organisations, eq(organisations.id, placements.employerOrganisationId))
    .where(eq(placements.id, placementId));
  const [row] = options.lock ? await query.for("update", { of: placements }) : await query;
  if (!row) throw new PipelineError("not_found");
  return row;
}

export type PlacementParty = "jobCoach" | "coach" | "employer" | "candidate";

/**
 * The caller's side on a placement: its job coach, the candidate's own coach (caseload), the
 * employer organisation (verified), or the candidate. Anyone else: not_found.
 */
export async function placementPartyOf(
  db: Database,
  context: AuthContext,
  c: PlacementCase,
): Promise<PlacementParty> {
  switch (context.role) {
    case "coach": {
      if (!context.permissions.includes("log:check-ins")) throw new PipelineError("forbidden");
      if (c.placement.jobCoachUserId === context.user.id) return "jobCoach";
      const scope = candidateScope(context, "write");
      const [own] = scope
        ? await db
            .select({ id: candidates.id })
            .from(candidates)
            .where(and(eq(candidates.id, c.candidate.id), scope))
        : [];
      if (own) return "coach";
      const read = candidateScope(context, "read");
      const [colleague] = read
        ? await db
            .select({ id: candidates.id })
            .from(candidates)
            .where(and(eq(candidates.id, c.candidate.id), read))
        : [];
      throw new PipelineError(colleague ? "forbidden" : "not_found");
    }
    case "employer":
      if (context.organisation?.id !== c.placement.employerOrganisationId)
        throw new PipelineError("not_found");
      await requireVerifiedEmployer(db, context);
      return "employer";
    case "candidate":
      if (context.candidateId === c.candidate.id) return "candidate";
      throw new PipelineError("not_found");
    default:
      throw new PipelineError("not_found");
  }
}

export async function requireCoachOfPlacement(
  db: Database,
  context: AuthContext,
  c: PlacementCase,
) {
  const party = await placementPartyOf(db, context, c);
  if (party !== "jobCoach" && party !== "coach") throw new PipelineError("forbidden");
  return party;
}

/** A user who holds a coach membership (and is not disabled). */
async function isCoach(db: Database, userId: string | null | undefined) {
  if (!userId) return false;
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.userId, userId), eq(memberships.role, "coach"), isNull(users.disabledAt)),
    )
    .limit(1);
  return Boolean(row);
}

/** The job coach of a new placement: the proposing coach, else the candidate's coach. */
export async function defaultJobCoach(
  db: Database,
  proposedByUserId: string | null,
  candidateCoachUserId: string | null,
) {
  if (await isCoach(db, proposedByUserId)) return proposedByUserId!;
  if (await isCoach(db, candidateCoachUserId)) return candidateCoachUserId!;
  throw new PipelineError("no_job_coach");
}

/**
 * Inside the acceptance transaction: the placement row and its aftercare plan, audited.
 * Not a step of its own (acceptOffer is).
 */
export async function createPlacement(
  db: Database,
  input: {
    candidateId: string;
    vacancyId: string;
    offerId: string;
    employerOrganisationId: string;
    jobCoachUserId: string;
    startedOn: string;
    actor: { userId: string; organisationId: string | null };
    origin?: Origin;
    now: Date;
  },
): Promise<Placement> {
  const [placement] = await db
    .insert(placements)
    .values({
      candidateId: input.candidateId,
      vacancyId: input.vacancyId,
      offerId: input.offerId,
      employerOrganisationId: input.employerOrganisationId,
      jobCoachUserId: input.jobCoachUserId,
      startedOn: input.startedOn,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  const plan = checkInPlan(input.startedOn);
  await db.insert(checkIns).values(
    plan.map((p) => ({
      placementId: placement!.id,
      week: p.week,
      dueOn: p.dueOn,
      createdAt: input.now,
    })),
  );
  await audit(db, {
    actorUserId: input.actor.userId,
    actorOrganisationId: input.actor.organisationId,
    action: "placement.started",
    objectType: "placement",
    objectId: placement!.id,
    origin: input.origin,
    details: {
      candidateId: input.candidateId,
      vacancyId: input.vacancyId,
      offerId: input.offerId,
      jobCoachUserId: input.jobCoachUserId,
      startedOn: input.startedOn,
      checkInWeeks: plan.map((p) => p.week),
    },
  });
  return placement!;
}

export type PlacementStepResult = PipelineResult<{
  placementId: string;
  status: Placement["status"];
  jobCoachUserId: string;
}>;

/**
 * Job coach (or the candidate's own coach): hands the placement's aftercare to another coach,
 * with a handover note for them. The new coach must be a coach of the caller's organisation,
 * of the candidate's coaching organisation, or of the municipality of origin.
 */
export async function handOverPlacement(
  db: Database,
  context: AuthContext,
  input: { placementId: string; toCoachUserId: string; note: string },
  options: StepOptions = {},
): Promise<PlacementStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "placement.hand_over",
      objectType: "placement",
      objectId: isUuid(input.placementId) ? input.placementId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadPlacementCase(tx, String(input.placementId), { lock: true });
      await requireCoachOfPlacement(tx, context, c);
      const data = parseInput(handOverPlacementSchema, input);
      if (c.placement.status !== "active")
        throw new PipelineError("invalid_transition", { current: { status: c.placement.status } });
      if (data.toCoachUserId === c.placement.jobCoachUserId)
        throw new PipelineError("invalid_coach");

      const allowedOrgs = [context.organisation?.id, c.candidate.coachingOrganisationId].filter(
        (id): id is string => Boolean(id),
      );
      const [target] = await tx
        .select({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(
          and(
            eq(memberships.userId, data.toCoachUserId),
            eq(memberships.role, "coach"),
            isNull(users.disabledAt),
            or(
              allowedOrgs.length > 0 ? inArray(memberships.organisationId, allowedOrgs) : undefined,
              and(
                eq(organisations.kind, "municipality"),
                eq(organisations.municipalityCode, c.candidate.municipalityCode),
              ),
            ),
          ),
        )
        .limit(1);
      if (!target) throw new PipelineError("invalid_coach");

      const previous = c.placement.jobCoachUserId;
      const [row] = await tx
        .update(placements)
        .set({ jobCoachUserId: data.toCoachUserId, handoverNote: data.note, updatedAt: now })
        .where(eq(placements.id, c.placement.id))
        .returning();
      await audit(tx, {
        ...actorOf(context),
        action: "placement.handed_over",
        objectType: "placement",
        objectId: c.placement.id,
        origin: options.origin,
        details: { from: previous, to: data.toCoachUserId },
      });
      const coach = await userCard(tx, data.toCoachUserId);
      const from = await userCard(tx, context.user.id);
      await notifyPipeline(tx, "placement.handed_over", {
        recipients: {
          jobCoach: [data.toCoachUserId],
          employer: await employerRecipients(tx, c.employer.id, [c.vacancy.createdByUserId]),
          candidate: [c.candidate.userId],
        },
        vars: {
          code: c.candidate.publicCode,
          vacancy: c.vacancy.title,
          employer: c.employer.name,
          jobCoach: coach?.name ?? "",
          jobCoachEmail: coach?.email ?? "",
          from: from?.name ?? "",
        },
        ids: { placementId: c.placement.id },
        actorUserId: context.user.id,
      });
      return { placementId: row!.id, status: row!.status, jobCoachUserId: row!.jobCoachUserId };
    },
  );
}

/** Is the approved profile still confirmed by the candidate (so it may be published again)? */
async function profileStillFine(db: Database, candidateId: string) {
  const [row] = await db
    .select({
      confirmed: candidateProfiles.confirmedByCandidateAt,
      approved: candidateProfiles.approvedAt,
    })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.candidateId, candidateId));
  return Boolean(row?.confirmed && row.approved);
}

/**
 * Job coach (or the candidate's own coach): ends an active placement as `completed` or
 * `ended_early` (reason required) on a day between its start and today. Check-ins planned after
 * that day are dropped; the candidate's lifecycle follows (see the top of this file).
 */
export async function endPlacement(
  db: Database,
  context: AuthContext,
  input: {
    placementId: string;
    outcome: "completed" | "ended_early";
    endedOn: string;
    reason?: string | null;
  },
  options: StepOptions = {},
): Promise<
  PipelineResult<{ placementId: string; status: Placement["status"]; candidateStatus: string }>
> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "placement.end",
      objectType: "placement",
      objectId: isUuid(input.placementId) ? input.placementId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadPlacementCase(tx, String(input.placementId), { lock: true });
      await requireCoachOfPlacement(tx, context, c);
      const data = parseInput(endPlacementSchema, input);
      if (c.placement.status !== "active")
        throw new PipelineError("stale", { current: { status: c.placement.status } });
      if (data.endedOn < c.placement.startedOn) {
        throw new PipelineError("invalid_input", {
          fields: { endedOn: [t("pipeline.field.endBeforeStart")] },
        });
      }
      if (data.endedOn > dutchToday(now)) {
        throw new PipelineError("invalid_input", {
          fields: { endedOn: [t("pipeline.field.inTheFuture")] },
        });
      }
      const [row] = await tx
        .update(placements)
        .set({
          status: data.outcome,
          endedOn: data.endedOn,
          endReason: data.outcome === "ended_early" ? data.reason : (data.reason ?? null),
          updatedAt: now,
        })
        .where(and(eq(placements.id, c.placement.id), eq(placements.status, "active")))
        .returning();
      await tx
        .delete(checkIns)
        .where(
          and(
            eq(checkIns.placementId, c.placement.id),
            isNull(checkIns.doneAt),
            gt(checkIns.dueOn, data.endedOn),
          ),
        );
      await audit(tx, {
        ...actorOf(context),
        action: `placement.${data.outcome}`,
        objectType: "placement",
        objectId: c.placement.id,
        origin: options.origin,
        details: { endedOn: data.endedOn, candidateId: c.candidate.id },
      });

      const actor = { userId: context.user.id, organisationId: context.organisation?.id ?? null };
      let candidateStatus = c.candidate.status;
      if (c.candidate.status === "placed" || c.candidate.status === "aftercare") {
        if (data.outcome === "completed") {
          candidateStatus = (
            await transitionCandidate(tx, {
              candidateId: c.candidate.id,
              to: "closed",
              actor,
              origin: options.origin,
              details: { placementId: c.placement.id },
            })
          ).to;
        } else {
          await transitionCandidate(tx, {
            candidateId: c.candidate.id,
            to: "published",
            actor,
            origin: options.origin,
            details: { placementId: c.placement.id },
          });
          candidateStatus = "published";
          if (!(await profileStillFine(tx, c.candidate.id))) {
            await transitionCandidate(tx, {
              candidateId: c.candidate.id,
              to: "paused",
              actor,
              origin: options.origin,
              details: { placementId: c.placement.id, reason: "profile_not_confirmed" },
            });
            candidateStatus = "paused";
          }
        }
      }

      await notifyPipeline(
        tx,
        data.outcome === "completed" ? "placement.completed" : "placement.ended_early",
        {
          recipients: {
            employer: await employerRecipients(tx, c.employer.id, [c.vacancy.createdByUserId]),
            jobCoach: [c.placement.jobCoachUserId],
            coach: [c.candidate.coachUserId],
            candidate: [c.candidate.userId],
          },
          vars: {
            code: c.candidate.publicCode,
            vacancy: c.vacancy.title,
            employer: c.employer.name,
            ended: dayLabel(data.endedOn),
          },
          ids: { placementId: c.placement.id },
          actorUserId: context.user.id,
        },
      );
      return { placementId: row!.id, status: row!.status, candidateStatus };
    },
  );
}

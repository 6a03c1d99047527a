import { and, asc, eq, gte, isNotNull, isNull, lt, lte, max, or, sql } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidates, checkIns, organisations, placements, vacancies } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { transitionCandidate } from "~/domain/candidates/lifecycle.server";
import { t } from "~/i18n";
import { addDays, dayAsDate, daysBetween, dutchToday } from "./dates";
import { PipelineError, type PipelineResult } from "./errors";
import { notifyPipeline } from "./notify.server";
import { loadPlacementCase, placementPartyOf, requireCoachOfPlacement } from "./placements.server";
import { actorOf, runStep } from "./run.server";
import { DUE_SOON_DAYS, OVERDUE_REPEAT_DAYS, checkInState, reminderDue } from "./schedule";
import { isUuid, logCheckInSchema, parseInput, requestCheckInSchema } from "./schemas";
import { dayLabel, type StepOptions } from "./steps.server";

export { CHECK_IN_WEEKS, checkInPlan, checkInState, isOverdue, reminderDue } from "./schedule";

/*
 * Aftercare check-ins (DESIGN.md): planned at the start of a placement (placements.server.ts),
 * logged by the job coach (or the candidate's own coach) with whom, how, wellbeing 1–5, a risk
 * flag, actions and coach-only notes. Coach notes, wellbeing and the risk flag are never
 * returned to the employer or the candidate (see queries.server.ts). The employer can ask for
 * a check-in. Reminders for due and overdue check-ins come from `runReminders`, a scheduled job
 * that is safe in several processes at once.
 *
 * Lifecycle: the first logged check-in moves the candidate from `placed` to `aftercare`
 * (settling in has started and is being followed up); before that the person is "placed".
 */

export type LogCheckInResult = PipelineResult<{
  checkInId: string;
  placementId: string;
  candidateStatus: string;
}>;

/** Job coach (or the candidate's own coach): logs a planned check-in once. */
export async function logCheckIn(
  db: Database,
  context: AuthContext,
  input: {
    checkInId: string;
    withWhom: string;
    mode: string;
    wellbeing: number | string;
    riskFlag: string;
    actions?: string | null;
    coachNotes?: string | null;
    heldOn?: string | null;
  },
  options: StepOptions = {},
): Promise<LogCheckInResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "checkin.log",
      objectType: "check_in",
      objectId: isUuid(input.checkInId) ? input.checkInId : null,
      origin: options.origin,
    },
    async (tx) => {
      if (!isUuid(input.checkInId)) throw new PipelineError("not_found");
      const [peek] = await tx
        .select({ placementId: checkIns.placementId })
        .from(checkIns)
        .where(eq(checkIns.id, input.checkInId));
      if (!peek) throw new PipelineError("not_found");
      const c = await loadPlacementCase(tx, peek.placementId, { lock: true });
      await requireCoachOfPlacement(tx, context, c);
      const data = parseInput(logCheckInSchema, input);
      const [checkIn] = await tx
        .select()
        .from(checkIns)
        .where(eq(checkIns.id, input.checkInId))
        .for("update");
      if (checkIn!.doneAt) throw new PipelineError("stale", { current: { status: "done" } });
      if (c.placement.status !== "active")
        throw new PipelineError("invalid_transition", { current: { status: c.placement.status } });
      const today = dutchToday(now);
      if (data.heldOn && data.heldOn > today)
        throw new PipelineError("invalid_input", {
          fields: { heldOn: [t("pipeline.field.inTheFuture")] },
        });
      const doneAt = data.heldOn && data.heldOn !== today ? dayAsDate(data.heldOn) : now;

      await tx
        .update(checkIns)
        .set({
          doneAt,
          doneByUserId: context.user.id,
          withWhom: data.withWhom,
          mode: data.mode,
          wellbeing: data.wellbeing,
          riskFlag: data.riskFlag,
          actions: data.actions,
          coachNotes: data.coachNotes,
        })
        .where(and(eq(checkIns.id, checkIn!.id), isNull(checkIns.doneAt)));
      // Wellbeing, risk flag and notes are sensitive: ids and the week only.
      await audit(tx, {
        ...actorOf(context),
        action: "checkin.logged",
        objectType: "check_in",
        objectId: checkIn!.id,
        origin: options.origin,
        details: { placementId: c.placement.id, week: checkIn!.week },
      });
      let candidateStatus = c.candidate.status;
      if (c.candidate.status === "placed") {
        await transitionCandidate(tx, {
          candidateId: c.candidate.id,
          to: "aftercare",
          expectedFrom: "placed",
          actor: { userId: context.user.id, organisationId: context.organisation?.id ?? null },
          origin: options.origin,
          details: { placementId: c.placement.id, checkInId: checkIn!.id },
        });
        candidateStatus = "aftercare";
      }
      return { checkInId: checkIn!.id, placementId: c.placement.id, candidateStatus };
    },
  );
}

/**
 * Employer: asks the job coach for a check-in. Marks the next open check-in when it is due
 * within a week; otherwise adds an extra check-in due in a week. Asking again while a request
 * is open changes nothing (`alreadyRequested`).
 */
export async function requestCheckIn(
  db: Database,
  context: AuthContext,
  input: { placementId: string; note?: string | null },
  options: StepOptions = {},
): Promise<PipelineResult<{ checkInId: string; alreadyRequested: boolean }>> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "checkin.request",
      objectType: "placement",
      objectId: isUuid(input.placementId) ? input.placementId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadPlacementCase(tx, String(input.placementId), { lock: true });
      const party = await placementPartyOf(tx, context, c);
      if (party !== "employer") throw new PipelineError("forbidden");
      parseInput(requestCheckInSchema, input);
      if (c.placement.status !== "active")
        throw new PipelineError("invalid_transition", { current: { status: c.placement.status } });
      const today = dutchToday(now);

      const [open] = await tx
        .select()
        .from(checkIns)
        .where(
          and(
            eq(checkIns.placementId, c.placement.id),
            isNull(checkIns.doneAt),
            isNotNull(checkIns.requestedByEmployerAt),
          ),
        )
        .limit(1);
      if (open) return { checkInId: open.id, alreadyRequested: true };

      const [next] = await tx
        .select()
        .from(checkIns)
        .where(
          and(
            eq(checkIns.placementId, c.placement.id),
            isNull(checkIns.doneAt),
            lte(checkIns.dueOn, addDays(today, 7)),
          ),
        )
        .orderBy(asc(checkIns.dueOn))
        .limit(1)
        .for("update");
      let checkInId: string;
      if (next) {
        await tx
          .update(checkIns)
          .set({ requestedByEmployerAt: now })
          .where(eq(checkIns.id, next.id));
        checkInId = next.id;
      } else {
        const [last] = await tx
          .select({ week: max(checkIns.week) })
          .from(checkIns)
          .where(eq(checkIns.placementId, c.placement.id));
        const week = Math.max(
          Math.floor(Math.max(daysBetween(c.placement.startedOn, today), 0) / 7),
          (last?.week ?? 0) + 1,
        );
        const [extra] = await tx
          .insert(checkIns)
          .values({
            placementId: c.placement.id,
            week,
            dueOn: addDays(today, 7),
            requestedByEmployerAt: now,
            createdAt: now,
          })
          .returning({ id: checkIns.id });
        checkInId = extra!.id;
      }
      await audit(tx, {
        ...actorOf(context),
        action: "checkin.requested",
        objectType: "check_in",
        objectId: checkInId,
        origin: options.origin,
        details: { placementId: c.placement.id },
      });
      await notifyPipeline(tx, "checkin.requested", {
        recipients: { jobCoach: [c.placement.jobCoachUserId] },
        vars: { code: c.candidate.publicCode, vacancy: c.vacancy.title, employer: c.employer.name },
        ids: { placementId: c.placement.id },
        actorUserId: context.user.id,
      });
      return { checkInId, alreadyRequested: false };
    },
  );
}

// ---------------------------------------------------------------------------
// Reminders (scheduled)

/**
 * The SQL twin of `reminderDue` (schedule.ts): not done, placement active, and either due
 * within DUE_SOON_DAYS and never reminded, or overdue and not reminded since it became overdue
 * (reminded on or before the due day, Dutch time) nor in the last OVERDUE_REPEAT_DAYS.
 */
function needsReminder(now: Date) {
  const today = dutchToday(now);
  const overdueStart = sql`((${checkIns.dueOn} + 1)::timestamp at time zone 'Europe/Amsterdam')`;
  return and(
    isNull(checkIns.doneAt),
    eq(placements.status, "active"),
    or(
      and(
        gte(checkIns.dueOn, today),
        lte(checkIns.dueOn, addDays(today, DUE_SOON_DAYS)),
        isNull(checkIns.remindedAt),
      ),
      and(
        lt(checkIns.dueOn, today),
        or(
          isNull(checkIns.remindedAt),
          lt(checkIns.remindedAt, overdueStart),
          lte(checkIns.remindedAt, new Date(now.getTime() - OVERDUE_REPEAT_DAYS * 86_400_000)),
        ),
      ),
    ),
  );
}

export type ReminderRun = { due: number; overdue: number };

/**
 * Scheduled job: sends the job coach a reminder for each check-in that is due soon or overdue
 * (see `reminderDue`), at most once per state, and again every week while it stays overdue.
 * Safe in several processes at once: each batch claims its check-ins with FOR UPDATE SKIP
 * LOCKED and sets `remindedAt` (the idempotent marker) in the same transaction as the
 * notification, so a check-in is reminded by exactly one process.
 */
export async function runReminders(
  db: Database,
  now: Date = new Date(),
  options: { batchSize?: number } = {},
): Promise<ReminderRun> {
  const batchSize = options.batchSize ?? 100;
  const result: ReminderRun = { due: 0, overdue: 0 };
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: checkIns.id,
          week: checkIns.week,
          dueOn: checkIns.dueOn,
          doneAt: checkIns.doneAt,
          remindedAt: checkIns.remindedAt,
          placementId: placements.id,
          jobCoachUserId: placements.jobCoachUserId,
          code: candidates.publicCode,
          vacancy: vacancies.title,
          employer: organisations.name,
        })
        .from(checkIns)
        .innerJoin(placements, eq(placements.id, checkIns.placementId))
        .innerJoin(candidates, eq(candidates.id, placements.candidateId))
        .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
        .innerJoin(organisations, eq(organisations.id, placements.employerOrganisationId))
        .where(needsReminder(now))
        .orderBy(asc(checkIns.dueOn), asc(checkIns.id))
        .limit(batchSize)
        .for("update", { of: checkIns, skipLocked: true });
      let count = 0;
      for (const row of rows) {
        const kind = reminderDue(row, now);
        if (!kind) continue;
        await tx.update(checkIns).set({ remindedAt: now }).where(eq(checkIns.id, row.id));
        await audit(tx, {
          action: "checkin.reminded",
          objectType: "check_in",
          objectId: row.id,
          details: { placementId: row.placementId, week: row.week, kind, automatic: true },
        });
        await notifyPipeline(tx, kind === "due" ? "checkin.due" : "checkin.overdue", {
          recipients: { jobCoach: [row.jobCoachUserId] },
          vars: {
            code: row.code,
            vacancy: row.vacancy,
            employer: row.employer,
            week: row.week,
            due: dayLabel(row.dueOn),
          },
          ids: { placementId: row.placementId },
        });
        result[kind] += 1;
        count += 1;
      }
      return { selected: rows.length, count };
    });
    if (handled.selected < batchSize || handled.count === 0) break;
  }
  return result;
}

// ---------------------------------------------------------------------------
// The coach's dashboard

export type CoachCheckIn = {
  checkInId: string;
  placementId: string;
  week: number;
  dueOn: string;
  state: ReturnType<typeof checkInState>;
  requestedByEmployer: boolean;
  candidateId: string;
  publicCode: string;
  vacancyTitle: string;
  employerName: string;
};

/**
 * The caller's open check-ins (as job coach) on active placements, overdue first, then
 * employer requests, then by due date. `withinDays` limits the upcoming ones (default 14).
 */
export async function coachCheckIns(
  db: Database,
  context: AuthContext,
  options: { now?: Date; withinDays?: number } = {},
): Promise<CoachCheckIn[]> {
  if (context.role !== "coach") return [];
  const now = options.now ?? new Date();
  const horizon = addDays(dutchToday(now), options.withinDays ?? 14);
  const rows = await db
    .select({
      checkInId: checkIns.id,
      placementId: placements.id,
      week: checkIns.week,
      dueOn: checkIns.dueOn,
      doneAt: checkIns.doneAt,
      requestedByEmployerAt: checkIns.requestedByEmployerAt,
      candidateId: candidates.id,
      publicCode: candidates.publicCode,
      vacancyTitle: vacancies.title,
      employerName: organisations.name,
    })
    .from(checkIns)
    .innerJoin(placements, eq(placements.id, checkIns.placementId))
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
    .innerJoin(organisations, eq(organisations.id, placements.employerOrganisationId))
    .where(
      and(
        eq(placements.jobCoachUserId, context.user.id),
        eq(placements.status, "active"),
        isNull(checkIns.doneAt),
        or(lte(checkIns.dueOn, horizon), isNotNull(checkIns.requestedByEmployerAt)),
      ),
    )
    .orderBy(asc(checkIns.dueOn));
  const rank = (r: CoachCheckIn) => (r.state === "overdue" ? 0 : r.requestedByEmployer ? 1 : 2);
  return rows
    .map((r): CoachCheckIn => ({
      checkInId: r.checkInId,
      placementId: r.placementId,
      week: r.week,
      dueOn: r.dueOn,
      state: checkInState(r, now),
      requestedByEmployer: r.requestedByEmployerAt !== null,
      candidateId: r.candidateId,
      publicCode: r.publicCode,
      vacancyTitle: r.vacancyTitle,
      employerName: r.employerName,
    }))
    .sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));
}

import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  candidateBasicConditions,
  candidateProfiles,
  candidates,
  handovers,
  memberships,
  organisations,
  proposals,
  users,
  vacancies,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { candidateScope } from "~/domain/candidates/access.server";
import { canTransition } from "~/domain/candidates/lifecycle";
import { transitionCandidate } from "~/domain/candidates/lifecycle.server";
import { type MessageKey, t } from "~/i18n";
import { PipelineError, type PipelineResult } from "./errors";
import { notifyPipeline } from "./notify.server";
import { actorOf, runStep } from "./run.server";
import {
  acceptHandoverSchema,
  assignHandoverCoachSchema,
  handOverCandidateSchema,
  isUuid,
  parseInput,
} from "./schemas";
import type { StepOptions } from "./steps.server";

/*
 * Handover to the municipality of origin (DESIGN.md, issue 6): when a candidate is released
 * without a job, their coach or prison staff of their prison hands the case over with a summary
 * (basic conditions, profile, what was tried; `handoverDraft` prepares it). The candidate goes to
 * `handed_over`; the municipality's coordinators are notified. A coordinator accepts the handover
 * and can assign one of the municipality's own coaches, who then finds the candidate on their
 * caseload and starts the intake again (handed_over → intake, in the intake flow).
 */

type Handover = typeof handovers.$inferSelect;

/** The candidate, if the caller may hand them over: their own coach, or staff of their prison. */
async function handoverCandidate(
  db: Database,
  context: AuthContext,
  candidateId: string,
  lock: boolean,
) {
  if (context.role !== "coach" && context.role !== "prison_staff")
    throw new PipelineError("forbidden");
  if (!isUuid(candidateId)) throw new PipelineError("not_found");
  const scope = candidateScope(context, "write");
  if (!scope) throw new PipelineError("not_found");
  const query = db
    .select()
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), scope));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new PipelineError("not_found");
  return row;
}

/** The municipality organisation of a municipality code (verified ones first). */
async function municipalityOf(db: Database, code: string) {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      verificationStatus: organisations.verificationStatus,
    })
    .from(organisations)
    .where(and(eq(organisations.kind, "municipality"), eq(organisations.municipalityCode, code)))
    .orderBy(asc(organisations.createdAt));
  return rows.find((r) => r.verificationStatus === "verified") ?? rows[0] ?? null;
}

/**
 * A first version of the summary for the handover form: profile headline, the five basic
 * conditions and the proposals tried. The person handing over reads and completes it; only
 * what they submit is stored.
 */
export async function handoverDraft(
  db: Database,
  context: AuthContext,
  candidateId: string,
): Promise<PipelineResult<{ summary: string }>> {
  return runStep(
    db,
    context,
    {
      action: "handover.draft",
      objectType: "candidate",
      objectId: isUuid(candidateId) ? candidateId : null,
    },
    async (tx) => {
      const candidate = await handoverCandidate(tx, context, candidateId, false);
      const [profile] = await tx
        .select({ headline: candidateProfiles.headline })
        .from(candidateProfiles)
        .where(eq(candidateProfiles.candidateId, candidate.id));
      const conditions = await tx
        .select({ kind: candidateBasicConditions.kind, status: candidateBasicConditions.status })
        .from(candidateBasicConditions)
        .where(eq(candidateBasicConditions.candidateId, candidate.id));
      const tried = await tx
        .select({
          vacancy: vacancies.title,
          employer: organisations.name,
          status: proposals.status,
        })
        .from(proposals)
        .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .where(eq(proposals.candidateId, candidate.id))
        .orderBy(desc(proposals.updatedAt))
        .limit(20);
      const lines = [t("pipeline.handover.summary.intro"), ""];
      if (profile?.headline)
        lines.push(t("pipeline.handover.summary.profile", { headline: profile.headline }), "");
      lines.push(t("pipeline.handover.summary.conditions"));
      for (const kind of ["id", "housing", "income", "debts", "care"] as const) {
        const status = conditions.find((c) => c.kind === kind)?.status ?? "unknown";
        lines.push(
          t("pipeline.handover.summary.condition", {
            kind: t(`candidates.conditions.kind.${kind}` as MessageKey),
            status: t(`candidates.conditions.status.${status}` as MessageKey),
          }),
        );
      }
      lines.push("", t("pipeline.handover.summary.tried"));
      if (tried.length === 0) lines.push(t("pipeline.handover.summary.nothingTried"));
      for (const p of tried) {
        lines.push(
          t("pipeline.handover.summary.triedItem", {
            vacancy: p.vacancy,
            employer: p.employer,
            status: t(`pipeline.status.${p.status}` as MessageKey),
          }),
        );
      }
      lines.push("", t("pipeline.handover.summary.notes"), "");
      return { summary: lines.join("\n") };
    },
  );
}

export type HandoverStepResult = PipelineResult<{ handoverId: string; status: Handover["status"] }>;

/**
 * Coach (own caseload) or prison staff (own prison): hands a candidate without a job over to the
 * municipality of origin with a summary. The candidate goes to `handed_over` (not from placed,
 * aftercare, closed or withdrawn); the municipality's coordinators are notified.
 */
export async function handOverCandidate(
  db: Database,
  context: AuthContext,
  input: { candidateId: string; summary: string },
  options: StepOptions = {},
): Promise<HandoverStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "handover.create",
      objectType: "candidate",
      objectId: isUuid(input.candidateId) ? input.candidateId : null,
      origin: options.origin,
    },
    async (tx) => {
      const candidate = await handoverCandidate(tx, context, String(input.candidateId), true);
      const data = parseInput(handOverCandidateSchema, input);
      if (candidate.status === "handed_over")
        throw new PipelineError("stale", { current: { status: candidate.status } });
      if (!canTransition(candidate.status, "handed_over"))
        throw new PipelineError("invalid_transition", { current: { status: candidate.status } });
      const municipality = await municipalityOf(tx, candidate.municipalityCode);
      if (!municipality) throw new PipelineError("no_municipality");

      const [row] = await tx
        .insert(handovers)
        .values({
          candidateId: candidate.id,
          municipalityOrganisationId: municipality.id,
          summary: data.summary,
          status: "open",
          handedOverByUserId: context.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await transitionCandidate(tx, {
        candidateId: candidate.id,
        to: "handed_over",
        expectedFrom: candidate.status,
        actor: { userId: context.user.id, organisationId: context.organisation?.id ?? null },
        origin: options.origin,
        details: { handoverId: row!.id },
      });
      await audit(tx, {
        ...actorOf(context),
        action: "handover.created",
        objectType: "handover",
        objectId: row!.id,
        origin: options.origin,
        details: { candidateId: candidate.id, municipalityOrganisationId: municipality.id },
      });
      const coordinators = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(
          and(
            eq(memberships.organisationId, municipality.id),
            eq(memberships.role, "municipality_coordinator"),
          ),
        );
      await notifyPipeline(tx, "handover.created", {
        recipients: { coordinator: coordinators.map((c) => c.userId) },
        vars: { code: candidate.publicCode, organisation: context.organisation?.name ?? "" },
        ids: { handoverId: row!.id, candidateId: candidate.id },
        actorUserId: context.user.id,
      });
      return { handoverId: row!.id, status: row!.status };
    },
  );
}

/** The handover, if the caller coordinates its municipality; locked for the change. */
async function coordinatorHandover(db: Database, context: AuthContext, handoverId: string) {
  if (context.role !== "municipality_coordinator") throw new PipelineError("forbidden");
  if (!context.permissions.includes("accept:handovers")) throw new PipelineError("forbidden");
  if (!isUuid(handoverId) || !context.organisation) throw new PipelineError("not_found");
  const [row] = await db
    .select()
    .from(handovers)
    .where(
      and(
        eq(handovers.id, handoverId),
        eq(handovers.municipalityOrganisationId, context.organisation.id),
      ),
    )
    .for("update");
  if (!row) throw new PipelineError("not_found");
  return row;
}

/** Assigns one of the municipality's own coaches: they get the candidate on their caseload. */
async function assignCoach(
  db: Database,
  context: AuthContext,
  handover: Handover,
  coachUserId: string,
  now: Date,
  origin: StepOptions["origin"],
) {
  const [coach] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.userId, coachUserId),
        eq(memberships.organisationId, handover.municipalityOrganisationId),
        eq(memberships.role, "coach"),
      ),
    );
  if (!coach) throw new PipelineError("invalid_coach");
  await db
    .update(handovers)
    .set({ assignedCoachUserId: coachUserId, updatedAt: now })
    .where(eq(handovers.id, handover.id));
  const [candidate] = await db
    .update(candidates)
    .set({
      coachUserId,
      coachingOrganisationId: handover.municipalityOrganisationId,
      updatedAt: now,
    })
    .where(eq(candidates.id, handover.candidateId))
    .returning({ publicCode: candidates.publicCode });
  await audit(db, {
    ...actorOf(context),
    action: "handover.coach_assigned",
    objectType: "handover",
    objectId: handover.id,
    origin,
    details: { candidateId: handover.candidateId, coachUserId },
  });
  await notifyPipeline(db, "handover.assigned", {
    recipients: { coach: [coachUserId] },
    vars: { code: candidate!.publicCode, municipality: context.organisation?.name ?? "" },
    ids: { handoverId: handover.id, candidateId: handover.candidateId },
    actorUserId: context.user.id,
  });
}

/**
 * Municipality coordinator: accepts an open handover of their municipality (→ accepted), and
 * optionally assigns one of the municipality's own coaches at once. The person who handed it
 * over is notified.
 */
export async function acceptHandover(
  db: Database,
  context: AuthContext,
  input: { handoverId: string; assignCoachUserId?: string | null },
  options: StepOptions = {},
): Promise<HandoverStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "handover.accept",
      objectType: "handover",
      objectId: isUuid(input.handoverId) ? input.handoverId : null,
      origin: options.origin,
    },
    async (tx) => {
      const handover = await coordinatorHandover(tx, context, String(input.handoverId));
      const data = parseInput(acceptHandoverSchema, input);
      if (handover.status !== "open")
        throw new PipelineError("stale", { current: { status: handover.status } });
      const [row] = await tx
        .update(handovers)
        .set({ status: "accepted", acceptedByUserId: context.user.id, updatedAt: now })
        .where(and(eq(handovers.id, handover.id), eq(handovers.status, "open")))
        .returning();
      await audit(tx, {
        ...actorOf(context),
        action: "handover.accepted",
        objectType: "handover",
        objectId: handover.id,
        origin: options.origin,
        details: { candidateId: handover.candidateId },
      });
      const [candidate] = await tx
        .select({ publicCode: candidates.publicCode })
        .from(candidates)
        .where(eq(candidates.id, handover.candidateId));
      await notifyPipeline(tx, "handover.accepted", {
        recipients: { previous: [handover.handedOverByUserId] },
        vars: { code: candidate!.publicCode, municipality: context.organisation?.name ?? "" },
        ids: { handoverId: handover.id, candidateId: handover.candidateId },
        actorUserId: context.user.id,
      });
      if (data.assignCoachUserId)
        await assignCoach(tx, context, row!, data.assignCoachUserId, now, options.origin);
      return { handoverId: row!.id, status: row!.status };
    },
  );
}

/** Municipality coordinator: assigns (or changes) the coach of an accepted handover. */
export async function assignHandoverCoach(
  db: Database,
  context: AuthContext,
  input: { handoverId: string; coachUserId: string },
  options: StepOptions = {},
): Promise<HandoverStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "handover.assign",
      objectType: "handover",
      objectId: isUuid(input.handoverId) ? input.handoverId : null,
      origin: options.origin,
    },
    async (tx) => {
      const handover = await coordinatorHandover(tx, context, String(input.handoverId));
      const data = parseInput(assignHandoverCoachSchema, input);
      if (handover.status !== "accepted")
        throw new PipelineError("invalid_transition", { current: { status: handover.status } });
      if (handover.assignedCoachUserId === data.coachUserId)
        throw new PipelineError("stale", { current: { status: handover.status } });
      await assignCoach(tx, context, handover, data.coachUserId, now, options.origin);
      return { handoverId: handover.id, status: handover.status };
    },
  );
}

export type HandoverListItem = {
  id: string;
  status: Handover["status"];
  createdAt: Date;
  candidateId: string;
  publicCode: string;
  summary: string;
  handedOverBy: string | null;
  assignedCoachUserId: string | null;
};

/** Municipality coordinator: the handovers of their municipality, open ones first. */
export async function listHandovers(
  db: Database,
  context: AuthContext,
  options: { status?: Handover["status"] } = {},
): Promise<HandoverListItem[]> {
  if (context.role !== "municipality_coordinator" || !context.organisation) return [];
  const rows = await db
    .select({
      id: handovers.id,
      status: handovers.status,
      createdAt: handovers.createdAt,
      candidateId: handovers.candidateId,
      publicCode: candidates.publicCode,
      summary: handovers.summary,
      handedOverBy: users.name,
      assignedCoachUserId: handovers.assignedCoachUserId,
    })
    .from(handovers)
    .innerJoin(candidates, eq(candidates.id, handovers.candidateId))
    .leftJoin(users, eq(users.id, handovers.handedOverByUserId))
    .where(
      and(
        eq(handovers.municipalityOrganisationId, context.organisation.id),
        options.status ? eq(handovers.status, options.status) : undefined,
      ),
    )
    .orderBy(desc(handovers.createdAt));
  return rows.sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1));
}

/** Municipality coordinator: the coaches of their municipality (for the assignment choice). */
export async function municipalityCoaches(db: Database, context: AuthContext) {
  if (context.role !== "municipality_coordinator" || !context.organisation) return [];
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, context.organisation.id),
        inArray(memberships.role, ["coach"]),
      ),
    )
    .orderBy(asc(users.name));
}

import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { meetings } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { t } from "~/i18n";
import {
  employerRecipients,
  expectStep,
  expectVersion,
  loadProposalCase,
  requireParty,
  type ProposalCase,
} from "./access.server";
import { dutchToday } from "./dates";
import { PipelineError, type PipelineResult } from "./errors";
import { notifyPipeline } from "./notify.server";
import { actorOf, runStep } from "./run.server";
import {
  cancelMeetingSchema,
  isUuid,
  meetingHeldSchema,
  parseInput,
  planMeetingSchema,
  rescheduleMeetingSchema,
} from "./schemas";
import {
  bumpProposalVersion,
  caseVars,
  momentLabel,
  moveProposal,
  type StepOptions,
} from "./steps.server";
import type { ProposalStatus } from "./transitions";

/*
 * Introductions (issue 6): the employer plans a meeting with the coach present (interested →
 * meeting_planned); both sides can reschedule or cancel it with a reason; either side can
 * mark it as held. A cancelled meeting leaves the proposal in meeting_planned, so the employer
 * can plan a new one. Every change raises the proposal's version: a form made before it is stale.
 */

export type MeetingStepResult = PipelineResult<{
  proposalId: string;
  meetingId: string;
  status: ProposalStatus;
  version: number;
}>;

function where(meeting: { location: string | null; videoLink: string | null }) {
  return meeting.location ?? t("pipeline.meeting.video");
}

/** Is the candidate still in detention on that day (release date after it)? Coach-only knowledge. */
function duringDetention(c: ProposalCase, at: Date) {
  return c.candidate.releaseDate !== null && c.candidate.releaseDate > dutchToday(at);
}

function requireFuture(at: Date, now: Date) {
  if (at.getTime() <= now.getTime()) {
    throw new PipelineError("invalid_input", {
      fields: { startsAt: [t("pipeline.field.inThePast")] },
    });
  }
}

/**
 * Employer: plans the introduction (date and time, a place or a video link) for a proposal in
 * `interested` (→ meeting_planned), or a new one after the last was cancelled. The coach and the
 * candidate are notified; the coach's message says when the candidate is still in detention
 * that day (leave to arrange, or a video call).
 */
export async function planMeeting(
  db: Database,
  context: AuthContext,
  input: {
    proposalId: string;
    expectedVersion: number;
    startsAt: Date | string;
    location?: string | null;
    videoLink?: string | null;
  },
  options: StepOptions = {},
): Promise<MeetingStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "meeting.plan",
      objectType: "proposal",
      objectId: isUuid(input.proposalId) ? input.proposalId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadProposalCase(tx, String(input.proposalId), { lock: true });
      await requireParty(tx, context, c, ["employer"]);
      const data = parseInput(planMeetingSchema, input);
      let replanning = false;
      if (c.proposal.status === "meeting_planned") {
        expectVersion(c.proposal, data.expectedVersion);
        const [planned] = await tx
          .select({ id: meetings.id })
          .from(meetings)
          .where(and(eq(meetings.proposalId, c.proposal.id), eq(meetings.status, "planned")));
        // One planned meeting at a time: move that one instead.
        if (planned)
          throw new PipelineError("invalid_transition", {
            current: { status: c.proposal.status, version: c.proposal.version },
          });
        replanning = true;
      } else {
        expectStep(c.proposal, data.expectedVersion, "meeting_planned", "employer");
      }
      requireFuture(data.startsAt, now);
      if (c.candidate.status !== "published") throw new PipelineError("candidate_unavailable");

      const [meeting] = await tx
        .insert(meetings)
        .values({
          proposalId: c.proposal.id,
          startsAt: data.startsAt,
          location: data.location,
          videoLink: data.videoLink,
          status: "planned",
          plannedByUserId: context.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const row = replanning
        ? await bumpProposalVersion(tx, c, now)
        : await moveProposal(tx, c, "meeting_planned", {
            context,
            origin: options.origin,
            now,
            details: { meetingId: meeting!.id },
          });
      const detention = duringDetention(c, data.startsAt);
      await audit(tx, {
        ...actorOf(context),
        action: "meeting.planned",
        objectType: "meeting",
        objectId: meeting!.id,
        origin: options.origin,
        details: {
          proposalId: c.proposal.id,
          startsAt: data.startsAt.toISOString(),
          video: Boolean(data.videoLink),
          duringDetention: detention,
        },
      });
      await notifyPipeline(tx, "meeting.planned", {
        recipients: { coach: [c.candidate.coachUserId], candidate: [c.candidate.userId] },
        vars: { ...caseVars(c), when: momentLabel(data.startsAt), where: where(meeting!) },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
        append: detention ? { coach: t("pipeline.meeting.duringDetention") } : undefined,
      });
      return {
        proposalId: c.proposal.id,
        meetingId: meeting!.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

async function lockMeeting(db: Database, meetingId: string) {
  if (!isUuid(meetingId)) throw new PipelineError("not_found");
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw new PipelineError("not_found");
  const c = await loadProposalCase(db, meeting.proposalId, { lock: true });
  const [locked] = await db.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
  return { c, meeting: locked! };
}

async function meetingRecipients(db: Database, c: ProposalCase) {
  return {
    employer: await employerRecipients(db, c.vacancy.organisationId, [
      c.vacancy.createdByUserId,
      c.proposal.requestedByUserId,
    ]),
    coach: [c.candidate.coachUserId],
    candidate: [c.candidate.userId],
  };
}

/** Employer or coach: moves a planned meeting to a new time and/or place, with a reason. */
export async function rescheduleMeeting(
  db: Database,
  context: AuthContext,
  input: {
    meetingId: string;
    expectedVersion: number;
    startsAt: Date | string;
    location?: string | null;
    videoLink?: string | null;
    reason: string;
  },
  options: StepOptions = {},
): Promise<MeetingStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "meeting.reschedule",
      objectType: "meeting",
      objectId: isUuid(input.meetingId) ? input.meetingId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, meeting } = await lockMeeting(tx, String(input.meetingId));
      await requireParty(tx, context, c, ["employer", "coach"]);
      const data = parseInput(rescheduleMeetingSchema, input);
      expectVersion(c.proposal, data.expectedVersion);
      if (meeting.status !== "planned" || c.proposal.status !== "meeting_planned") {
        throw new PipelineError("invalid_transition", {
          current: { status: c.proposal.status, version: c.proposal.version },
        });
      }
      requireFuture(data.startsAt, now);
      await tx
        .update(meetings)
        .set({
          startsAt: data.startsAt,
          location: data.location,
          videoLink: data.videoLink,
          updatedAt: now,
        })
        .where(eq(meetings.id, meeting.id));
      const row = await bumpProposalVersion(tx, c, now);
      await audit(tx, {
        ...actorOf(context),
        action: "meeting.rescheduled",
        objectType: "meeting",
        objectId: meeting.id,
        origin: options.origin,
        details: {
          proposalId: c.proposal.id,
          from: meeting.startsAt.toISOString(),
          to: data.startsAt.toISOString(),
        },
      });
      await notifyPipeline(tx, "meeting.rescheduled", {
        recipients: await meetingRecipients(tx, c),
        vars: {
          ...caseVars(c),
          when: momentLabel(data.startsAt),
          where: where(data),
          reason: data.reason,
        },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
        append: duringDetention(c, data.startsAt)
          ? { coach: t("pipeline.meeting.duringDetention") }
          : undefined,
      });
      return {
        proposalId: c.proposal.id,
        meetingId: meeting.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

/** Employer or coach: cancels a planned meeting with a reason; the proposal stays in meeting_planned. */
export async function cancelMeeting(
  db: Database,
  context: AuthContext,
  input: { meetingId: string; expectedVersion: number; reason: string },
  options: StepOptions = {},
): Promise<MeetingStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "meeting.cancel",
      objectType: "meeting",
      objectId: isUuid(input.meetingId) ? input.meetingId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, meeting } = await lockMeeting(tx, String(input.meetingId));
      await requireParty(tx, context, c, ["employer", "coach"]);
      const data = parseInput(cancelMeetingSchema, input);
      expectVersion(c.proposal, data.expectedVersion);
      if (meeting.status !== "planned") {
        throw new PipelineError("invalid_transition", {
          current: { status: c.proposal.status, version: c.proposal.version },
        });
      }
      await tx
        .update(meetings)
        .set({ status: "cancelled", cancelReason: data.reason, updatedAt: now })
        .where(eq(meetings.id, meeting.id));
      const row = await bumpProposalVersion(tx, c, now);
      await audit(tx, {
        ...actorOf(context),
        action: "meeting.cancelled",
        objectType: "meeting",
        objectId: meeting.id,
        origin: options.origin,
        details: { proposalId: c.proposal.id },
      });
      await notifyPipeline(tx, "meeting.cancelled", {
        recipients: await meetingRecipients(tx, c),
        vars: { ...caseVars(c), when: momentLabel(meeting.startsAt), reason: data.reason },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return {
        proposalId: c.proposal.id,
        meetingId: meeting.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

/** Employer or coach: records that a planned meeting took place (once its time has come). */
export async function markMeetingHeld(
  db: Database,
  context: AuthContext,
  input: { meetingId: string; expectedVersion: number },
  options: StepOptions = {},
): Promise<MeetingStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "meeting.held",
      objectType: "meeting",
      objectId: isUuid(input.meetingId) ? input.meetingId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, meeting } = await lockMeeting(tx, String(input.meetingId));
      await requireParty(tx, context, c, ["employer", "coach"]);
      const data = parseInput(meetingHeldSchema, input);
      expectVersion(c.proposal, data.expectedVersion);
      if (meeting.status !== "planned" || meeting.startsAt.getTime() > now.getTime()) {
        throw new PipelineError("invalid_transition", {
          current: { status: c.proposal.status, version: c.proposal.version },
        });
      }
      await tx
        .update(meetings)
        .set({ status: "held", updatedAt: now })
        .where(eq(meetings.id, meeting.id));
      const row = await bumpProposalVersion(tx, c, now);
      await audit(tx, {
        ...actorOf(context),
        action: "meeting.held",
        objectType: "meeting",
        objectId: meeting.id,
        origin: options.origin,
        details: { proposalId: c.proposal.id },
      });
      return {
        proposalId: c.proposal.id,
        meetingId: meeting.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

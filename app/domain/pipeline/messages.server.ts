import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { memberships, messages, users } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { type MessageKey, t } from "~/i18n";
import {
  employerRecipients,
  hasActiveConsent,
  loadProposalCase,
  partyOf,
  requireParty,
  type Party,
} from "./access.server";
import { PipelineError, type PipelineResult } from "./errors";
import { maskContactDetails } from "./mask";
import { notifyPipeline } from "./notify.server";
import { actorOf, runStep } from "./run.server";
import { isUuid, parseInput, postMessageSchema } from "./schemas";
import { caseVars, type StepOptions } from "./steps.server";
import { candidateTakesPart, isClosedProposal } from "./transitions";

export { hasContactDetails, maskContactDetails, type MaskResult } from "./mask";

/*
 * One conversation thread per proposal, between the employer and the coach; the candidate
 * joins from the offer stage (and then reads the whole thread: write as if they read along).
 * Before the candidate consented to disclose their identity to this employer, phone numbers
 * and email addresses are masked on the server (the page warns with `hasContactDetails`
 * while typing); only the masked text is stored. Messages are never edited or deleted, and
 * every message is audited (ids and lengths, never the text).
 */

/** A repeated submit of the same text by the same person within this window is one message. */
const DOUBLE_SUBMIT_MS = 30_000;

export type PostMessageResult = PipelineResult<{
  messageId: string;
  masked: boolean;
  duplicate: boolean;
}>;

/** Employer, coach, or (from the offer stage) the candidate: posts a message in the thread. */
export async function postMessage(
  db: Database,
  context: AuthContext,
  input: { proposalId: string; body: string },
  options: StepOptions = {},
): Promise<PostMessageResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "message.post",
      objectType: "proposal",
      objectId: isUuid(input.proposalId) ? input.proposalId : null,
      origin: options.origin,
    },
    async (tx) => {
      // The proposal lock serialises the thread, so a double submit is seen as one.
      const c = await loadProposalCase(tx, String(input.proposalId), { lock: true });
      const party = await requireParty(tx, context, c, ["employer", "coach", "candidate"]);
      if (party === "candidate" && !candidateTakesPart(c.proposal.status))
        throw new PipelineError("not_found");
      if (isClosedProposal(c.proposal.status)) {
        throw new PipelineError("invalid_transition", {
          current: { status: c.proposal.status, version: c.proposal.version },
        });
      }
      const data = parseInput(postMessageSchema, input);
      const consent = await hasActiveConsent(
        tx,
        c.candidate.id,
        c.vacancy.organisationId,
        c.proposal.id,
      );
      const masked = consent ? { text: data.body, masked: false } : maskContactDetails(data.body);

      const [last] = await tx
        .select({
          id: messages.id,
          body: messages.body,
          createdAt: messages.createdAt,
          authorUserId: messages.authorUserId,
        })
        .from(messages)
        .where(eq(messages.proposalId, c.proposal.id))
        .orderBy(desc(messages.createdAt))
        .limit(1);
      if (
        last &&
        last.authorUserId === context.user.id &&
        last.body === masked.text &&
        Math.abs(now.getTime() - last.createdAt.getTime()) < DOUBLE_SUBMIT_MS
      ) {
        return { messageId: last.id, masked: masked.masked, duplicate: true };
      }

      const [row] = await tx
        .insert(messages)
        .values({
          proposalId: c.proposal.id,
          authorUserId: context.user.id,
          body: masked.text,
          masked: masked.masked,
          createdAt: now,
        })
        .returning({ id: messages.id });
      await audit(tx, {
        ...actorOf(context),
        action: "message.posted",
        objectType: "message",
        objectId: row!.id,
        origin: options.origin,
        details: {
          proposalId: c.proposal.id,
          party,
          masked: masked.masked,
          length: masked.text.length,
        },
      });
      await notifyPipeline(tx, "message.posted", {
        recipients: {
          employer: await employerRecipients(tx, c.vacancy.organisationId, [
            c.vacancy.createdByUserId,
            c.proposal.requestedByUserId,
          ]),
          coach: [c.candidate.coachUserId],
          candidate: candidateTakesPart(c.proposal.status) ? [c.candidate.userId] : [],
        },
        vars: { ...caseVars(c), author: t(`pipeline.message.author.${party}` as MessageKey) },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return { messageId: row!.id, masked: masked.masked, duplicate: false };
    },
  );
}

export type ThreadMessage = {
  id: string;
  body: string;
  masked: boolean;
  createdAt: Date;
  /** Which side wrote it. */
  author: Party;
  /** The writer's name for employer and coach messages; null for the candidate's (their name is identity). */
  authorName: string | null;
  mine: boolean;
};

/** The thread of a proposal, oldest first, for one of its parties. */
export async function listMessages(
  db: Database,
  context: AuthContext,
  proposalId: string,
): Promise<PipelineResult<{ messages: ThreadMessage[] }>> {
  return runStep(
    db,
    context,
    {
      action: "message.list",
      objectType: "proposal",
      objectId: isUuid(proposalId) ? proposalId : null,
    },
    async (tx) => {
      const c = await loadProposalCase(tx, proposalId);
      const party = await partyOf(tx, context, c);
      if (party === "candidate" && !candidateTakesPart(c.proposal.status))
        throw new PipelineError("not_found");
      const rows = await tx
        .select({
          id: messages.id,
          body: messages.body,
          masked: messages.masked,
          createdAt: messages.createdAt,
          authorUserId: messages.authorUserId,
          authorName: users.name,
        })
        .from(messages)
        .leftJoin(users, eq(users.id, messages.authorUserId))
        .where(eq(messages.proposalId, c.proposal.id))
        .orderBy(asc(messages.createdAt), asc(messages.id));
      const authorIds = [
        ...new Set(rows.map((r) => r.authorUserId).filter((id): id is string => Boolean(id))),
      ];
      const employerIds = new Set(
        authorIds.length === 0
          ? []
          : (
              await tx
                .select({ userId: memberships.userId })
                .from(memberships)
                .where(
                  and(
                    eq(memberships.organisationId, c.vacancy.organisationId),
                    inArray(memberships.userId, authorIds),
                  ),
                )
            ).map((m) => m.userId),
      );
      return {
        messages: rows.map((r): ThreadMessage => {
          const author: Party =
            r.authorUserId && r.authorUserId === c.candidate.userId
              ? "candidate"
              : r.authorUserId && employerIds.has(r.authorUserId)
                ? "employer"
                : "coach";
          return {
            id: r.id,
            body: r.body,
            masked: r.masked,
            createdAt: r.createdAt,
            author,
            authorName: author === "candidate" ? null : r.authorName,
            mine: r.authorUserId === context.user.id,
          };
        }),
      };
    },
  );
}

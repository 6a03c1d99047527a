import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidates, messages, organisations, proposals, vacancies } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { candidateScope } from "~/domain/candidates/access.server";
import { type MessageKey, t } from "~/i18n";
import {
  employerRecipients,
  expectStep,
  hasActiveConsent,
  loadProposalCase,
  requireParty,
  requireVerifiedEmployer,
} from "./access.server";
import { PipelineError, type PipelineResult } from "./errors";
import { maskContactDetails } from "./mask";
import { notifyPipeline } from "./notify.server";
import { runStep, actorOf } from "./run.server";
import {
  decideRequestSchema,
  isUuid,
  parseInput,
  proposeSchema,
  requestIntroductionSchema,
  reviewProposalSchema,
} from "./schemas";
import { caseVars, moveProposal, type StepOptions } from "./steps.server";
import type { ProposalStatus } from "./transitions";

/*
 * The first steps of a proposal (candidate × vacancy): a coach proposes, or an employer asks
 * for an introduction and the coach decides; the employer then says interested or not.
 * Each function is one transaction with the audit row and the notifications, checked for role,
 * ownership and state; see access.server.ts for who counts as which party.
 */

export type ProposalStepResult = PipelineResult<{
  proposalId: string;
  status: ProposalStatus;
  version: number;
}>;

const stepResult = (p: { id: string; status: ProposalStatus; version: number }) => ({
  proposalId: p.id,
  status: p.status,
  version: p.version,
});

/** An open vacancy of a verified employer with a free position, locked for share; else vacancy_unavailable. */
async function openVacancy(db: Database, vacancyId: string, organisationId?: string) {
  const [row] = await db
    .select({
      id: vacancies.id,
      title: vacancies.title,
      status: vacancies.status,
      organisationId: vacancies.organisationId,
      createdByUserId: vacancies.createdByUserId,
      positions: vacancies.positions,
      positionsFilled: vacancies.positionsFilled,
      employerName: organisations.name,
      verification: organisations.verificationStatus,
    })
    .from(vacancies)
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(
      organisationId
        ? and(eq(vacancies.id, vacancyId), eq(vacancies.organisationId, organisationId))
        : eq(vacancies.id, vacancyId),
    )
    .for("share", { of: vacancies });
  if (!row) throw new PipelineError("not_found");
  if (
    row.status !== "open" ||
    row.positionsFilled >= row.positions ||
    row.verification !== "verified"
  ) {
    throw new PipelineError("vacancy_unavailable");
  }
  return row;
}

/**
 * Coach: proposes a published candidate from their own caseload for an open vacancy, with a
 * short note on why. Creates the proposal in `proposed`; the employer is notified.
 * A second proposal for the same candidate and vacancy is `duplicate` (also under a race: the
 * unique index decides).
 */
export async function proposeCandidate(
  db: Database,
  context: AuthContext,
  input: { candidateId: string; vacancyId: string; note?: string | null },
  options: StepOptions = {},
): Promise<ProposalStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "proposal.propose",
      objectType: "candidate",
      objectId: isUuid(input.candidateId) ? input.candidateId : null,
      origin: options.origin,
    },
    async (tx) => {
      if (context.role !== "coach") throw new PipelineError("forbidden");
      if (!context.permissions.includes("propose:candidates")) throw new PipelineError("forbidden");
      if (!isUuid(input.candidateId) || !isUuid(input.vacancyId))
        throw new PipelineError("not_found");
      const data = parseInput(proposeSchema, input);
      const scope = candidateScope(context, "write");
      if (!scope) throw new PipelineError("forbidden");
      const [candidate] = await tx
        .select({ id: candidates.id, status: candidates.status, publicCode: candidates.publicCode })
        .from(candidates)
        .where(and(eq(candidates.id, data.candidateId), scope))
        .for("share");
      if (!candidate) throw new PipelineError("not_found");
      if (candidate.status !== "published") throw new PipelineError("candidate_unavailable");
      const vacancy = await openVacancy(tx, data.vacancyId);

      const [row] = await tx
        .insert(proposals)
        .values({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          status: "proposed",
          proposedByUserId: context.user.id,
          note: data.note,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [proposals.candidateId, proposals.vacancyId] })
        .returning();
      if (!row) throw new PipelineError("duplicate");
      await audit(tx, {
        ...actorOf(context),
        action: "proposal.proposed",
        objectType: "proposal",
        objectId: row.id,
        origin: options.origin,
        details: {
          from: null,
          to: "proposed",
          version: row.version,
          candidateId: candidate.id,
          vacancyId: vacancy.id,
        },
      });
      await notifyPipeline(tx, "proposal.proposed", {
        recipients: {
          employer: await employerRecipients(tx, vacancy.organisationId, [vacancy.createdByUserId]),
        },
        vars: {
          code: candidate.publicCode,
          vacancy: vacancy.title,
          employer: vacancy.employerName,
        },
        ids: { proposalId: row.id },
        actorUserId: context.user.id,
      });
      return stepResult(row);
    },
  );
}

/**
 * Employer: asks for an introduction to a published candidate found in search (by public
 * code), for one of their own open vacancies. Creates the proposal in `requested`; the
 * candidate's coach decides next.
 */
export async function requestIntroduction(
  db: Database,
  context: AuthContext,
  input: { publicCode: string; vacancyId: string; note?: string | null },
  options: StepOptions = {},
): Promise<ProposalStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "proposal.request",
      objectType: "vacancy",
      objectId: isUuid(input.vacancyId) ? input.vacancyId : null,
      origin: options.origin,
    },
    async (tx) => {
      if (context.role !== "employer") throw new PipelineError("forbidden");
      const org = await requireVerifiedEmployer(tx, context);
      const data = parseInput(requestIntroductionSchema, input);
      // Lock order everywhere: candidate, then vacancy, then proposal, then offer.
      const [candidate] = await tx
        .select({
          id: candidates.id,
          status: candidates.status,
          publicCode: candidates.publicCode,
          coachUserId: candidates.coachUserId,
        })
        .from(candidates)
        .where(eq(candidates.publicCode, data.publicCode.trim().toUpperCase()))
        .for("share");
      // Only published profiles exist for an employer: anything else is "not found".
      if (!candidate || candidate.status !== "published") throw new PipelineError("not_found");
      const vacancy = await openVacancy(tx, data.vacancyId, org.id);

      const [row] = await tx
        .insert(proposals)
        .values({
          candidateId: candidate.id,
          vacancyId: vacancy.id,
          status: "requested",
          requestedByUserId: context.user.id,
          note: data.note,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [proposals.candidateId, proposals.vacancyId] })
        .returning();
      if (!row) throw new PipelineError("duplicate");
      await audit(tx, {
        ...actorOf(context),
        action: "proposal.requested",
        objectType: "proposal",
        objectId: row.id,
        origin: options.origin,
        details: {
          from: null,
          to: "requested",
          version: row.version,
          candidateId: candidate.id,
          vacancyId: vacancy.id,
        },
      });
      await notifyPipeline(tx, "proposal.requested", {
        recipients: { coach: [candidate.coachUserId] },
        vars: {
          code: candidate.publicCode,
          vacancy: vacancy.title,
          employer: vacancy.employerName,
        },
        ids: { proposalId: row.id },
        actorUserId: context.user.id,
      });
      return stepResult(row);
    },
  );
}

/**
 * Coach: decides on an employer's request: `propose` (requested → proposed; an optional note
 * goes to the employer in the thread) or `decline` with a reason code (requested →
 * declined_by_coach; the employer sees only the neutral wording of the code, the coach's own
 * note stays with the coach).
 */
export async function decideRequest(
  db: Database,
  context: AuthContext,
  input: {
    proposalId: string;
    expectedVersion: number;
    decision: "propose" | "decline";
    reasonCode?: string | null;
    note?: string | null;
  },
  options: StepOptions = {},
): Promise<ProposalStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "proposal.decide",
      objectType: "proposal",
      objectId: isUuid(input.proposalId) ? input.proposalId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadProposalCase(tx, String(input.proposalId), { lock: true });
      await requireParty(tx, context, c, ["coach"]);
      const data = parseInput(decideRequestSchema, input);
      const to = data.decision === "propose" ? "proposed" : "declined_by_coach";
      expectStep(c.proposal, data.expectedVersion, to, "coach");
      const recipients = {
        employer: await employerRecipients(tx, c.vacancy.organisationId, [
          c.proposal.requestedByUserId,
          c.vacancy.createdByUserId,
        ]),
      };

      if (to === "proposed") {
        if (c.candidate.status !== "published") throw new PipelineError("candidate_unavailable");
        if (c.vacancy.status !== "open") throw new PipelineError("vacancy_unavailable");
        const row = await moveProposal(tx, c, "proposed", {
          context,
          origin: options.origin,
          now,
          set: { proposedByUserId: context.user.id },
        });
        if (data.note) {
          // The coach's note reaches the employer through the thread (masked like any message).
          const consent = await hasActiveConsent(
            tx,
            c.candidate.id,
            c.vacancy.organisationId,
            c.proposal.id,
          );
          const masked = consent
            ? { text: data.note, masked: false }
            : maskContactDetails(data.note);
          await tx.insert(messages).values({
            proposalId: c.proposal.id,
            authorUserId: context.user.id,
            body: masked.text,
            masked: masked.masked,
            createdAt: now,
          });
        }
        await notifyPipeline(tx, "proposal.request_proposed", {
          recipients,
          vars: caseVars(c),
          ids: { proposalId: c.proposal.id },
          actorUserId: context.user.id,
        });
        return stepResult(row);
      }

      const row = await moveProposal(tx, c, "declined_by_coach", {
        context,
        origin: options.origin,
        now,
        set: { reasonCode: data.reasonCode ?? "other", reasonText: data.note },
        details: { reasonCode: data.reasonCode },
      });
      await notifyPipeline(tx, "proposal.declined_by_coach", {
        recipients,
        vars: { ...caseVars(c), reason: reasonLabel("declined_by_coach", row.reasonCode) },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return stepResult(row);
    },
  );
}

/**
 * Employer: reviews a proposal for their own vacancy: `interested` (proposed → interested) or
 * `rejected` with a reason code (skills, availability, distance, position_filled, other) and
 * optional words for the coach. The coach is notified.
 */
export async function reviewProposal(
  db: Database,
  context: AuthContext,
  input: {
    proposalId: string;
    expectedVersion: number;
    decision: "interested" | "rejected";
    reasonCode?: string | null;
    reasonText?: string | null;
  },
  options: StepOptions = {},
): Promise<ProposalStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "proposal.review",
      objectType: "proposal",
      objectId: isUuid(input.proposalId) ? input.proposalId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadProposalCase(tx, String(input.proposalId), { lock: true });
      await requireParty(tx, context, c, ["employer"]);
      const data = parseInput(reviewProposalSchema, input);
      expectStep(c.proposal, data.expectedVersion, data.decision, "employer");
      if (data.decision === "interested" && c.candidate.status !== "published")
        throw new PipelineError("candidate_unavailable");
      const row = await moveProposal(tx, c, data.decision, {
        context,
        origin: options.origin,
        now,
        set:
          data.decision === "rejected"
            ? { reasonCode: data.reasonCode ?? "other", reasonText: data.reasonText }
            : {},
        details: data.decision === "rejected" ? { reasonCode: data.reasonCode } : {},
      });
      await notifyPipeline(
        tx,
        data.decision === "interested" ? "proposal.interested" : "proposal.rejected",
        {
          recipients: { coach: [c.candidate.coachUserId] },
          vars: { ...caseVars(c), reason: reasonLabel("rejected", row.reasonCode) },
          ids: { proposalId: c.proposal.id },
          actorUserId: context.user.id,
        },
      );
      return stepResult(row);
    },
  );
}

/** The Dutch wording of a reason code ("" when there is none). */
export function reasonLabel(
  kind: "rejected" | "declined_by_coach",
  code: string | null | undefined,
): string {
  if (!code) return "";
  const key =
    `pipeline.reason.${kind === "rejected" ? "rejected" : "declined"}.${code}` as MessageKey;
  const label = t(key);
  return label === key
    ? t(`pipeline.reason.${kind === "rejected" ? "rejected" : "declined"}.other` as MessageKey)
    : label;
}

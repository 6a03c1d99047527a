import { and, asc, eq, inArray, lt, lte, ne } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { type Proposal, candidates, meetings, offers, proposals, vacancies } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit } from "~/domain/audit.server";
import { recordConsent } from "~/domain/candidates/consent.server";
import { transitionCandidate } from "~/domain/candidates/lifecycle.server";
import { recordFilledPositions } from "~/domain/vacancies/vacancies.server";
import { t } from "~/i18n";
import {
  employerRecipients,
  expectStep,
  loadProposalCase,
  type ProposalCase,
  requireParty,
  userCard,
} from "./access.server";
import { dutchToday } from "./dates";
import { PipelineError, type PipelineResult } from "./errors";
import { notifyPipeline } from "./notify.server";
import { createPlacement, defaultJobCoach } from "./placements.server";
import { actorOf, runStep } from "./run.server";
import {
  answerOfferSchema,
  isUuid,
  offerAdviceSchema,
  offerTermsSchema,
  parseInput,
  withdrawOfferSchema,
} from "./schemas";
import { caseVars, dayLabel, moveProposal, type StepOptions } from "./steps.server";

/*
 * Offers (DESIGN.md, issue 6): the employer makes an offer after the introduction
 * (meeting_planned → offer_made) with start date, hours, contract type, wage indication,
 * first-day details and an expiry date; the coach records advice; the candidate accepts or
 * declines in their own account, or the coach records the answer on the candidate's behalf
 * with the candidate present (`answeredOnBehalf`). Accepting grants the identity-disclosure
 * consent for that employer and, in the same transaction, creates the placement with its job
 * coach and aftercare plan, counts the filled position, moves the candidate to `placed`, ends the
 * candidate's other open offers (declined: placed elsewhere) and, when the vacancy is now full,
 * the other candidates' open offers on it (withdrawn: position filled). The employer can
 * withdraw an open offer; `expireOffers` (scheduled) expires offers after their expiry day.
 *
 * Lock order, the same in every transaction that takes more than one: candidate → vacancy →
 * proposal → offer (→ placement → check-ins). Two acceptances for one candidate therefore queue
 * on the candidate row, and the second finds the candidate placed: exactly one placement.
 */

export type OfferStepResult = PipelineResult<{
  offerId: string;
  proposalId: string;
  status: Proposal["status"];
  version: number;
}>;

/** The offer and its proposal case; with `lock`, rows are locked in the global order. */
async function loadOfferCase(
  db: Database,
  offerId: string,
  options: { lock?: "proposal" | "all" } = {},
) {
  if (!isUuid(offerId)) throw new PipelineError("not_found");
  const [peek] = await db
    .select({
      proposalId: offers.proposalId,
      candidateId: proposals.candidateId,
      vacancyId: proposals.vacancyId,
    })
    .from(offers)
    .innerJoin(proposals, eq(proposals.id, offers.proposalId))
    .where(eq(offers.id, offerId));
  if (!peek) throw new PipelineError("not_found");
  if (options.lock === "all") {
    await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.id, peek.candidateId))
      .for("update");
    await db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(eq(vacancies.id, peek.vacancyId))
      .for("update");
  }
  const c = await loadProposalCase(db, peek.proposalId, { lock: Boolean(options.lock) });
  const query = db.select().from(offers).where(eq(offers.id, offerId));
  const [offer] = options.lock ? await query.for("update") : await query;
  return { c, offer: offer! };
}

function requireOpenOffer(
  c: ProposalCase,
  offer: { status: string; expiresOn: string | null },
  now: Date,
) {
  if (offer.status !== "open" || c.proposal.status !== "offer_made") {
    throw new PipelineError("stale", {
      current: { status: c.proposal.status, version: c.proposal.version },
    });
  }
  if (offer.expiresOn && offer.expiresOn < dutchToday(now)) {
    throw new PipelineError("invalid_transition", {
      current: { status: "expired", version: c.proposal.version },
    });
  }
}

/**
 * Employer: makes an offer on a proposal in meeting_planned (→ offer_made). A planned meeting
 * whose time has passed is marked held. The coach and the candidate are notified.
 */
export async function makeOffer(
  db: Database,
  context: AuthContext,
  input: {
    proposalId: string;
    expectedVersion: number;
    startDate: string;
    hoursPerWeek: number;
    contractType: string;
    wageIndication?: string | null;
    firstDayDetails?: string | null;
    expiresOn: string;
  },
  options: StepOptions = {},
): Promise<OfferStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "offer.make",
      objectType: "proposal",
      objectId: isUuid(input.proposalId) ? input.proposalId : null,
      origin: options.origin,
    },
    async (tx) => {
      const c = await loadProposalCase(tx, String(input.proposalId), { lock: true });
      await requireParty(tx, context, c, ["employer"]);
      const data = parseInput(offerTermsSchema, input);
      expectStep(c.proposal, data.expectedVersion, "offer_made", "employer");
      const today = dutchToday(now);
      if (data.expiresOn < today)
        throw new PipelineError("invalid_input", {
          fields: { expiresOn: [t("pipeline.field.inThePast")] },
        });
      if (data.startDate < today)
        throw new PipelineError("invalid_input", {
          fields: { startDate: [t("pipeline.field.inThePast")] },
        });
      if (c.candidate.status !== "published") throw new PipelineError("candidate_unavailable");
      if (
        !(c.vacancy.status === "open" || c.vacancy.status === "paused") ||
        c.vacancy.positionsFilled >= c.vacancy.positions
      ) {
        throw new PipelineError("vacancy_unavailable");
      }

      const [offer] = await tx
        .insert(offers)
        .values({
          proposalId: c.proposal.id,
          status: "open",
          startDate: data.startDate,
          hoursPerWeek: data.hoursPerWeek,
          contractType: data.contractType,
          wageIndication: data.wageIndication,
          firstDayDetails: data.firstDayDetails,
          expiresOn: data.expiresOn,
          createdByUserId: context.user.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx
        .update(meetings)
        .set({ status: "held", updatedAt: now })
        .where(
          and(
            eq(meetings.proposalId, c.proposal.id),
            eq(meetings.status, "planned"),
            lte(meetings.startsAt, now),
          ),
        );
      const row = await moveProposal(tx, c, "offer_made", {
        context,
        origin: options.origin,
        now,
        details: { offerId: offer!.id },
      });
      await audit(tx, {
        ...actorOf(context),
        action: "offer.made",
        objectType: "offer",
        objectId: offer!.id,
        origin: options.origin,
        details: {
          proposalId: c.proposal.id,
          startDate: data.startDate,
          expiresOn: data.expiresOn,
          hoursPerWeek: data.hoursPerWeek,
          contractType: data.contractType,
        },
      });
      await notifyPipeline(tx, "offer.made", {
        recipients: { coach: [c.candidate.coachUserId], candidate: [c.candidate.userId] },
        vars: { ...caseVars(c), expires: dayLabel(data.expiresOn) },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return {
        offerId: offer!.id,
        proposalId: c.proposal.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

/** Coach: records their advice on an open offer (shown to the candidate; the latest advice counts). */
export async function recordOfferAdvice(
  db: Database,
  context: AuthContext,
  input: { offerId: string; advice: string },
  options: StepOptions = {},
): Promise<PipelineResult<{ offerId: string }>> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "offer.advise",
      objectType: "offer",
      objectId: isUuid(input.offerId) ? input.offerId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, offer } = await loadOfferCase(tx, String(input.offerId), { lock: "proposal" });
      await requireParty(tx, context, c, ["coach"]);
      const data = parseInput(offerAdviceSchema, input);
      requireOpenOffer(c, offer, now);
      await tx
        .update(offers)
        .set({ coachAdvice: data.advice, updatedAt: now })
        .where(eq(offers.id, offer.id));
      await audit(tx, {
        ...actorOf(context),
        action: "offer.advice_recorded",
        objectType: "offer",
        objectId: offer.id,
        origin: options.origin,
        details: { proposalId: c.proposal.id, length: data.advice.length },
      });
      await notifyPipeline(tx, "offer.advice", {
        recipients: { candidate: [c.candidate.userId] },
        vars: caseVars(c),
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return { offerId: offer.id };
    },
  );
}

type AnswerInput = {
  offerId: string;
  expectedVersion: number;
  consent?: boolean | string;
  candidatePresent?: boolean | string;
  reason?: string | null;
};

/** The candidate answers for themselves; a coach only with the candidate present. */
async function answeringParty(
  db: Database,
  context: AuthContext,
  c: ProposalCase,
  input: AnswerInput,
) {
  const party = await requireParty(db, context, c, ["candidate", "coach"]);
  const data = parseInput(answerOfferSchema, input);
  if (party === "coach" && !data.candidatePresent) throw new PipelineError("presence_required");
  return { party, onBehalf: party === "coach", data };
}

export type AcceptOfferResult = PipelineResult<{
  offerId: string;
  proposalId: string;
  placementId: string;
  jobCoachUserId: string;
  consentId: string;
  status: Proposal["status"];
  version: number;
}>;

/**
 * Candidate (or their coach on their behalf, candidate present): accepts an open offer.
 * `consent: true` is required: accepting grants the identity-disclosure consent for this
 * employer (on this offer). One transaction: offer accepted, proposal offer_made → accepted →
 * placed, consent, placement with job coach and check-in plan, filled position, candidate
 * published → placed, other open offers closed; notifications to employer, coaches, candidate.
 */
export async function acceptOffer(
  db: Database,
  context: AuthContext,
  input: AnswerInput,
  options: StepOptions = {},
): Promise<AcceptOfferResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "offer.accept",
      objectType: "offer",
      objectId: isUuid(input.offerId) ? input.offerId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, offer } = await loadOfferCase(tx, String(input.offerId), { lock: "all" });
      const { party, onBehalf, data } = await answeringParty(tx, context, c, input);
      expectStep(c.proposal, data.expectedVersion, "accepted", party);
      requireOpenOffer(c, offer, now);
      if (!data.consent) throw new PipelineError("consent_required");
      const [candidate] = await tx
        .select({ status: candidates.status })
        .from(candidates)
        .where(eq(candidates.id, c.candidate.id));
      if (candidate?.status !== "published") throw new PipelineError("candidate_unavailable");

      const actor = { userId: context.user.id, organisationId: context.organisation?.id ?? null };
      await tx
        .update(offers)
        .set({
          status: "accepted",
          answeredAt: now,
          answeredByUserId: context.user.id,
          answeredOnBehalf: onBehalf,
          updatedAt: now,
        })
        .where(and(eq(offers.id, offer.id), eq(offers.status, "open")));
      await audit(tx, {
        ...actorOf(context),
        action: "offer.accepted",
        objectType: "offer",
        objectId: offer.id,
        origin: options.origin,
        details: { proposalId: c.proposal.id, onBehalf },
      });
      await moveProposal(tx, c, "accepted", {
        context,
        origin: options.origin,
        now,
        details: { offerId: offer.id, onBehalf },
      });
      const row = await moveProposal(tx, c, "placed", {
        context,
        origin: options.origin,
        now,
        details: { offerId: offer.id, automatic: true },
      });

      const consent = await recordConsent(tx, {
        candidateId: c.candidate.id,
        subject: { offerId: offer.id },
        grantedByUserId: context.user.id,
        origin: options.origin,
      });
      if (!consent.ok) throw new PipelineError("consent_required");

      const jobCoachUserId = await defaultJobCoach(
        tx,
        c.proposal.proposedByUserId,
        c.candidate.coachUserId,
      );
      const placement = await createPlacement(tx, {
        candidateId: c.candidate.id,
        vacancyId: c.vacancy.id,
        offerId: offer.id,
        employerOrganisationId: c.vacancy.organisationId,
        jobCoachUserId,
        startedOn: offer.startDate,
        actor,
        origin: options.origin,
        now,
      });
      const filled = await recordFilledPositions(tx, {
        vacancyId: c.vacancy.id,
        count: 1,
        scopeOrganisationId: null,
        actor,
        origin: options.origin,
      });
      if (!filled.ok) throw new PipelineError("vacancy_unavailable");
      await transitionCandidate(tx, {
        candidateId: c.candidate.id,
        to: "placed",
        expectedFrom: "published",
        actor,
        origin: options.origin,
        details: { placementId: placement.id },
      });

      await closeOtherOffers(tx, {
        where: and(eq(proposals.candidateId, c.candidate.id), ne(proposals.id, c.proposal.id)),
        to: "declined",
        reason: "placed_elsewhere",
        now,
        origin: options.origin,
      });
      if (filled.filled) {
        await closeOtherOffers(tx, {
          where: and(eq(proposals.vacancyId, c.vacancy.id), ne(proposals.id, c.proposal.id)),
          to: "withdrawn",
          reason: "position_filled",
          now,
          origin: options.origin,
        });
      }

      const jobCoach = await userCard(tx, jobCoachUserId);
      const vars = {
        ...caseVars(c),
        start: dayLabel(offer.startDate),
        jobCoach: jobCoach?.name ?? "",
        jobCoachEmail: jobCoach?.email ?? "",
      };
      await notifyPipeline(tx, "offer.accepted", {
        recipients: {
          employer: await employerRecipients(tx, c.vacancy.organisationId, [
            offer.createdByUserId,
            c.vacancy.createdByUserId,
          ]),
          coach: [c.candidate.coachUserId],
        },
        vars,
        ids: { proposalId: c.proposal.id, placementId: placement.id },
        actorUserId: context.user.id,
      });
      await notifyPipeline(tx, "placement.started", {
        recipients: { jobCoach: [jobCoachUserId], candidate: [c.candidate.userId] },
        vars,
        ids: { proposalId: c.proposal.id, placementId: placement.id },
        actorUserId: context.user.id,
      });
      return {
        offerId: offer.id,
        proposalId: c.proposal.id,
        placementId: placement.id,
        jobCoachUserId,
        consentId: consent.consentId,
        status: row.status,
        version: row.version,
      };
    },
  );
}

/**
 * Ends other open offers after an acceptance (the system's own steps on those proposals):
 * declined when the candidate took another job, withdrawn when the vacancy is now full.
 * Proposals are locked before their offers, as everywhere.
 */
async function closeOtherOffers(
  db: Database,
  input: {
    where: ReturnType<typeof and>;
    to: "declined" | "withdrawn";
    reason: "placed_elsewhere" | "position_filled";
    now: Date;
    origin?: StepOptions["origin"];
  },
) {
  const others = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(input.where, eq(proposals.status, "offer_made")))
    .orderBy(asc(proposals.id))
    .for("update");
  for (const { id } of others) {
    const c = await loadProposalCase(db, id, { lock: true });
    const [offer] = await db
      .select()
      .from(offers)
      .where(and(eq(offers.proposalId, id), eq(offers.status, "open")))
      .for("update");
    if (!offer) continue;
    await db
      .update(offers)
      .set({ status: input.to, updatedAt: input.now })
      .where(eq(offers.id, offer.id));
    await audit(db, {
      action: `offer.${input.to}`,
      objectType: "offer",
      objectId: offer.id,
      origin: input.origin,
      details: { proposalId: id, automatic: true, reason: input.reason },
    });
    await moveProposal(db, c, input.to, {
      context: null,
      origin: input.origin,
      now: input.now,
      details: { offerId: offer.id, reason: input.reason },
    });
    if (input.to === "declined") {
      await notifyPipeline(db, "offer.closed_placed_elsewhere", {
        recipients: {
          employer: await employerRecipients(db, c.vacancy.organisationId, [
            offer.createdByUserId,
            c.vacancy.createdByUserId,
          ]),
        },
        vars: caseVars(c),
        ids: { proposalId: id },
      });
    } else {
      await notifyPipeline(db, "offer.withdrawn", {
        recipients: { coach: [c.candidate.coachUserId], candidate: [c.candidate.userId] },
        vars: { ...caseVars(c), reason: t("pipeline.reason.offer.position_filled") },
        ids: { proposalId: id },
      });
    }
  }
}

/**
 * Candidate (or their coach on their behalf, candidate present): declines an open offer
 * (offer_made → declined), optionally with words for the employer.
 */
export async function declineOffer(
  db: Database,
  context: AuthContext,
  input: AnswerInput,
  options: StepOptions = {},
): Promise<OfferStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "offer.decline",
      objectType: "offer",
      objectId: isUuid(input.offerId) ? input.offerId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, offer } = await loadOfferCase(tx, String(input.offerId), { lock: "proposal" });
      const { party, onBehalf, data } = await answeringParty(tx, context, c, input);
      expectStep(c.proposal, data.expectedVersion, "declined", party);
      requireOpenOffer(c, offer, now);
      await tx
        .update(offers)
        .set({
          status: "declined",
          answeredAt: now,
          answeredByUserId: context.user.id,
          answeredOnBehalf: onBehalf,
          updatedAt: now,
        })
        .where(eq(offers.id, offer.id));
      await audit(tx, {
        ...actorOf(context),
        action: "offer.declined",
        objectType: "offer",
        objectId: offer.id,
        origin: options.origin,
        details: { proposalId: c.proposal.id, onBehalf },
      });
      const row = await moveProposal(tx, c, "declined", {
        context,
        origin: options.origin,
        now,
        set: data.reason ? { reasonText: data.reason } : {},
        details: { offerId: offer.id, onBehalf },
      });
      await notifyPipeline(tx, "offer.declined", {
        recipients: {
          employer: await employerRecipients(tx, c.vacancy.organisationId, [
            offer.createdByUserId,
            c.vacancy.createdByUserId,
          ]),
          coach: [c.candidate.coachUserId],
        },
        vars: caseVars(c),
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return {
        offerId: offer.id,
        proposalId: c.proposal.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

/** Employer: withdraws an open offer with a reason (offer_made → withdrawn). */
export async function withdrawOffer(
  db: Database,
  context: AuthContext,
  input: { offerId: string; expectedVersion: number; reason: string },
  options: StepOptions = {},
): Promise<OfferStepResult> {
  const now = options.now ?? new Date();
  return runStep(
    db,
    context,
    {
      action: "offer.withdraw",
      objectType: "offer",
      objectId: isUuid(input.offerId) ? input.offerId : null,
      origin: options.origin,
    },
    async (tx) => {
      const { c, offer } = await loadOfferCase(tx, String(input.offerId), { lock: "proposal" });
      await requireParty(tx, context, c, ["employer"]);
      const data = parseInput(withdrawOfferSchema, input);
      expectStep(c.proposal, data.expectedVersion, "withdrawn", "employer");
      if (offer.status !== "open")
        throw new PipelineError("stale", {
          current: { status: c.proposal.status, version: c.proposal.version },
        });
      await tx
        .update(offers)
        .set({ status: "withdrawn", updatedAt: now })
        .where(eq(offers.id, offer.id));
      await audit(tx, {
        ...actorOf(context),
        action: "offer.withdrawn",
        objectType: "offer",
        objectId: offer.id,
        origin: options.origin,
        details: { proposalId: c.proposal.id },
      });
      const row = await moveProposal(tx, c, "withdrawn", {
        context,
        origin: options.origin,
        now,
        set: { reasonText: data.reason },
        details: { offerId: offer.id },
      });
      await notifyPipeline(tx, "offer.withdrawn", {
        recipients: { coach: [c.candidate.coachUserId], candidate: [c.candidate.userId] },
        vars: { ...caseVars(c), reason: data.reason },
        ids: { proposalId: c.proposal.id },
        actorUserId: context.user.id,
      });
      return {
        offerId: offer.id,
        proposalId: c.proposal.id,
        status: row.status,
        version: row.version,
      };
    },
  );
}

/**
 * Scheduled job: expires open offers whose expiry day has passed (the day itself still
 * counts, Dutch time): offer expired, proposal offer_made → expired, everyone notified.
 * Safe in several processes at once: offers and their proposals are claimed with
 * FOR UPDATE SKIP LOCKED, and an offer being answered right now is simply skipped.
 */
export async function expireOffers(
  db: Database,
  now: Date = new Date(),
  options: { batchSize?: number } = {},
): Promise<{ expired: string[] }> {
  const today = dutchToday(now);
  const batchSize = options.batchSize ?? 100;
  const expired: string[] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          offerId: offers.id,
          proposalId: proposals.id,
          createdByUserId: offers.createdByUserId,
        })
        .from(offers)
        .innerJoin(proposals, eq(proposals.id, offers.proposalId))
        .where(
          and(
            eq(offers.status, "open"),
            eq(proposals.status, "offer_made"),
            lt(offers.expiresOn, today),
          ),
        )
        .orderBy(asc(offers.expiresOn))
        .limit(batchSize)
        .for("update", { of: [offers, proposals], skipLocked: true });
      for (const d of due) {
        const c = await loadProposalCase(tx, d.proposalId);
        await tx
          .update(offers)
          .set({ status: "expired", updatedAt: now })
          .where(eq(offers.id, d.offerId));
        await audit(tx, {
          action: "offer.expired",
          objectType: "offer",
          objectId: d.offerId,
          details: { proposalId: d.proposalId, automatic: true },
        });
        await moveProposal(tx, c, "expired", {
          context: null,
          now,
          details: { offerId: d.offerId },
        });
        await notifyPipeline(tx, "offer.expired", {
          recipients: {
            employer: await employerRecipients(tx, c.vacancy.organisationId, [
              d.createdByUserId,
              c.vacancy.createdByUserId,
            ]),
            coach: [c.candidate.coachUserId],
            candidate: [c.candidate.userId],
          },
          vars: caseVars(c),
          ids: { proposalId: d.proposalId },
        });
      }
      return due.map((d) => d.offerId);
    });
    expired.push(...batch);
    if (batch.length < batchSize) break;
  }
  return { expired };
}

/** Offers of a proposal, newest first (for the offer pages; the caller has checked the party). */
export async function offersOfProposals(db: Database, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return db
    .select()
    .from(offers)
    .where(inArray(offers.proposalId, proposalIds))
    .orderBy(asc(offers.createdAt));
}

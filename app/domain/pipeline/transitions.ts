import type { Proposal } from "#db/schema";

/*
 * The proposal lifecycle of DESIGN.md, exactly as drawn there and nothing more:
 *
 *   requested ─(coach)→ proposed | declined_by_coach
 *   proposed ─(employer)→ interested | rejected
 *   interested ─(employer)→ meeting_planned
 *   meeting_planned ─(employer)→ offer_made
 *   offer_made ─(candidate, or the coach on the candidate's behalf)→ accepted | declined
 *   offer_made ─(employer)→ withdrawn
 *   offer_made ─(system: the expiry job)→ expired
 *   accepted ─(system: the placement is created)→ placed
 *
 * A coach's own proposal starts in `proposed`; an employer's request starts in `requested`.
 * Client-safe: pages use it to show only the buttons that fit the current state.
 */

export type ProposalStatus = Proposal["status"];

/** Who takes a step: the three parties, or the system (jobs and follow-up steps). */
export type ProposalActor = "coach" | "employer" | "candidate" | "system";

export const proposalTransitions: Record<
  ProposalStatus,
  Partial<Record<ProposalStatus, readonly ProposalActor[]>>
> = {
  requested: { proposed: ["coach"], declined_by_coach: ["coach"] },
  declined_by_coach: {},
  proposed: { interested: ["employer"], rejected: ["employer"] },
  interested: { meeting_planned: ["employer"] },
  rejected: {},
  meeting_planned: { offer_made: ["employer"] },
  offer_made: {
    accepted: ["candidate", "coach"],
    declined: ["candidate", "coach"],
    withdrawn: ["employer"],
    expired: ["system"],
  },
  accepted: { placed: ["system"] },
  declined: {},
  withdrawn: {},
  expired: {},
  placed: {},
};

/** The statuses a proposal starts in: a coach proposes, an employer requests. */
export const INITIAL_PROPOSAL_STATUSES = [
  "proposed",
  "requested",
] as const satisfies readonly ProposalStatus[];

/** Does the lifecycle have this step at all (for any actor)? */
export function canTransitionProposal(from: ProposalStatus, to: ProposalStatus): boolean {
  return (proposalTransitions[from][to]?.length ?? 0) > 0;
}

/** May this actor take this step? */
export function mayTransitionProposal(
  from: ProposalStatus,
  to: ProposalStatus,
  actor: ProposalActor,
): boolean {
  return proposalTransitions[from][to]?.includes(actor) ?? false;
}

/** The steps this actor can take from `from` (for the buttons a page shows). */
export function nextProposalSteps(from: ProposalStatus, actor: ProposalActor): ProposalStatus[] {
  return (Object.entries(proposalTransitions[from]) as [ProposalStatus, readonly ProposalActor[]][])
    .filter(([, actors]) => actors.includes(actor))
    .map(([to]) => to);
}

/** Ended without a placement: nothing more happens on these proposals. */
export const CLOSED_PROPOSAL_STATUSES = [
  "declined_by_coach",
  "rejected",
  "declined",
  "withdrawn",
  "expired",
] as const satisfies readonly ProposalStatus[];

/** Still moving: counted as "in progress" on dashboards. */
export const OPEN_PROPOSAL_STATUSES = [
  "requested",
  "proposed",
  "interested",
  "meeting_planned",
  "offer_made",
  "accepted",
] as const satisfies readonly ProposalStatus[];

/**
 * A step into an open status moves the case forward for the candidate (the coach proposing,
 * the employer showing interest, planning an introduction or making an offer, an offer
 * accepted): refused while the candidate is not available (the profile not published, or
 * placed elsewhere). Closing steps (declining, rejecting, withdrawing) stay possible.
 */
export function stepNeedsAvailableCandidate(step: ProposalStatus): boolean {
  return (OPEN_PROPOSAL_STATUSES as readonly ProposalStatus[]).includes(step);
}

/** The steps this actor can take now, given whether the candidate is available. */
export function nextProposalStepsFor(
  from: ProposalStatus,
  actor: ProposalActor,
  candidateAvailable: boolean,
): ProposalStatus[] {
  const steps = nextProposalSteps(from, actor);
  return candidateAvailable ? steps : steps.filter((s) => !stepNeedsAvailableCandidate(s));
}

/**
 * A proposal still on its way that cannot move forward because the candidate is not available
 * (an accepted one became the candidate's own placement).
 */
export function heldUpByUnavailableCandidate(status: ProposalStatus, candidateAvailable: boolean): boolean {
  return !candidateAvailable && status !== "accepted" && stepNeedsAvailableCandidate(status);
}

export function isClosedProposal(status: ProposalStatus): boolean {
  return (CLOSED_PROPOSAL_STATUSES as readonly ProposalStatus[]).includes(status);
}

/** From the first offer on, the candidate takes part in the proposal (thread, offer page). */
export const CANDIDATE_VISIBLE_STATUSES = [
  "offer_made",
  "accepted",
  "declined",
  "withdrawn",
  "expired",
  "placed",
] as const satisfies readonly ProposalStatus[];

export function candidateTakesPart(status: ProposalStatus): boolean {
  return (CANDIDATE_VISIBLE_STATUSES as readonly ProposalStatus[]).includes(status);
}

/** Why an employer says "not for us" (the reason codes of the review form). */
export const REJECTION_REASONS = [
  "skills",
  "availability",
  "distance",
  "position_filled",
  "other",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/**
 * Why a coach does not propose a requested candidate. The employer sees only the neutral
 * wording of the code (pipeline.reason.declined.*); the coach's own note stays with the coach.
 */
export const COACH_DECLINE_REASONS = [
  "not_ready",
  "not_available",
  "not_a_match",
  "other",
] as const;
export type CoachDeclineReason = (typeof COACH_DECLINE_REASONS)[number];

import type { CandidateStatus } from "#db/schema";

/*
 * The candidate lifecycle of DESIGN.md. Only these transitions exist; every change of
 * `candidates.status` goes through `canTransition` (and, on the server, through
 * `transitionCandidate` in lifecycle.server.ts, which also audits and queues the search update).
 */
export const candidateTransitions: Record<CandidateStatus, readonly CandidateStatus[]> = {
  nominated: ["intake", "withdrawn", "handed_over"],
  intake: ["profile_draft", "paused", "withdrawn", "handed_over"],
  profile_draft: ["awaiting_approval", "paused", "withdrawn", "handed_over"],
  // Approval publishes; a refusal or a change request sends the profile back to the draft.
  awaiting_approval: ["published", "profile_draft", "withdrawn", "handed_over"],
  // A changed text goes back through approval.
  published: ["awaiting_approval", "paused", "placed", "withdrawn", "handed_over"],
  paused: ["published", "profile_draft", "withdrawn", "handed_over"],
  placed: ["aftercare", "published", "closed"],
  aftercare: ["closed", "published"],
  closed: [],
  withdrawn: [],
  // The municipality's own coach picks the case up again.
  handed_over: ["intake", "closed"],
};

export function canTransition(from: CandidateStatus, to: CandidateStatus) {
  return candidateTransitions[from].includes(to);
}

/** States in which the anonymised profile is visible to employers and in the search index. */
export const publicStatuses: readonly CandidateStatus[] = ["published"];

export function isPublic(status: CandidateStatus) {
  return publicStatuses.includes(status);
}

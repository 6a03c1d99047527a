import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
// The pages read the per-side views of app/domain/pipeline/queries.server.ts; every step is
// checked again in the domain for role, ownership/tenant and state.
export const pipelineRoutes: Record<string, RouteAccess> = {
  // Coaches: proposals of their caseload (colleagues read), proposing from the match list,
  // the offer reviewed with the candidate (advice, answer on their behalf with them present).
  "routes/coach+/voorstellen._index": { access: "permission", permission: "read:candidates:own-caseload" },
  "routes/coach+/voorstellen.nieuw": { access: "permission", permission: "propose:candidates" },
  "routes/coach+/voorstellen.$proposalId": {
    access: "permission",
    permission: "read:candidates:own-caseload",
    action: "propose:candidates",
  },
  // Coaches: placements they follow up as job coach, check-ins, hand-over, end.
  "routes/coach+/plaatsingen._index": { access: "permission", permission: "log:check-ins" },
  "routes/coach+/plaatsingen.$placementId": { access: "permission", permission: "log:check-ins" },
  // Coach (own caseload) or prison staff (own prison): hand over to the municipality of origin.
  "routes/coach+/overdracht.$candidateId": { access: "permission", permission: "read:candidates:own-caseload" },
  "routes/pi+/overdracht.$candidateId": { access: "permission", permission: "read:candidates:own-prison" },
  // Verified employers: proposal inbox, introductions, offers, the thread; placements with
  // their job coach (identity only under an active consent, decided in the domain).
  "routes/werkgever+/voorstellen._index": { access: "permission", permission: "review:proposals:own-organisation" },
  "routes/werkgever+/voorstellen.nieuw": { access: "permission", permission: "review:proposals:own-organisation" },
  "routes/werkgever+/voorstellen.$proposalId": { access: "permission", permission: "review:proposals:own-organisation" },
  "routes/werkgever+/plaatsingen._index": { access: "permission", permission: "review:proposals:own-organisation" },
  "routes/werkgever+/plaatsingen.$placementId": { access: "permission", permission: "review:proposals:own-organisation" },
  // Candidates: their own introductions and offers (answering grants the disclosure consent),
  // and their work with the job coach.
  "routes/kandidaat+/voorstellen._index": { access: "permission", permission: "read:profile:own" },
  "routes/kandidaat+/voorstellen.$proposalId": {
    access: "permission",
    permission: "read:profile:own",
    action: "manage:consents:own",
  },
  "routes/kandidaat+/werk": { access: "permission", permission: "read:profile:own" },
  // Municipality coordinators: handovers to their municipality.
  "routes/gemeente+/overdrachten._index": { access: "permission", permission: "accept:handovers" },
  "routes/gemeente+/overdrachten.$handoverId": { access: "permission", permission: "accept:handovers" },
  // Everyone signed in: their own in-app notifications.
  "routes/meldingen": { access: "user" },
  // End-to-end tests only: the movable test clock. Outside a non-production process started
  // with E2E_CLOCK=1 it answers 404 to everyone (utils/clock.server.ts).
  "routes/_resources+/e2e-clock": { access: "public" },
};

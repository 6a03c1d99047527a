import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
export const searchRoutes: Record<string, RouteAccess> = {
  // Verified employers: search anonymised profiles, suggestions for their own vacancies.
  "routes/werkgever+/zoeken": { access: "permission", permission: "read:profiles:public" },
  "routes/werkgever+/suggesties.$vacancyId": { access: "permission", permission: "read:profiles:public" },
  // Coaches: matches for a candidate they may see (sharing a vacancy needs propose:candidates),
  // and their organisation's candidates for an open vacancy.
  "routes/coach+/matches.kandidaat.$candidateId": {
    access: "permission",
    permission: "read:candidates:own-caseload",
    action: "propose:candidates",
  },
  "routes/coach+/matches.vacature.$vacancyId": { access: "permission", permission: "read:candidates:own-caseload" },
  // Candidates: the vacancies their coach shared with them.
  "routes/kandidaat+/vacatures": { access: "permission", permission: "read:profile:own" },
};

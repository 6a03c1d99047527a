import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
export const candidatesProfileRoutes: Record<string, RouteAccess> = {
  // The coach writes the anonymised profile with the candidate (own caseload only).
  "routes/coach+/kandidaten.$candidateId.profiel": {
    access: "permission",
    permission: "write:profiles:own-caseload",
  },
  // Four eyes: prison staff of the candidate's prison or a second coach of the organisation.
  "routes/goedkeuren+/_index": { access: "permission", permission: "approve:profiles" },
  "routes/goedkeuren+/$candidateId": { access: "permission", permission: "approve:profiles" },
  // Verified employers only: the anonymised projection, counted and rate-limited.
  "routes/werkgever+/profielen.$code": { access: "permission", permission: "read:profiles:public" },
  // The candidate's own profile (exactly the employer's view), consents and who looked.
  "routes/kandidaat+/profiel": { access: "permission", permission: "read:profile:own" },
  "routes/kandidaat+/toestemmingen": { access: "permission", permission: "manage:consents:own" },
  "routes/kandidaat+/inzage": { access: "permission", permission: "read:profile:own" },
};

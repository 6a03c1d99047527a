import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
export const vacanciesRoutes: Record<string, RouteAccess> = {
  // Employers: own organisation profile and own vacancies. Unverified employers may prepare
  // drafts (publishing is refused in the action, with a message); suspended ones get a 403.
  "routes/werkgever+/organisatie": { access: "permission", permission: "manage:organisation-profile" },
  "routes/werkgever+/vacatures._index": { access: "permission", permission: "write:vacancies:own-organisation" },
  "routes/werkgever+/vacatures.nieuw": { access: "permission", permission: "write:vacancies:own-organisation" },
  "routes/werkgever+/vacatures.$vacancyId": {
    access: "permission",
    permission: "write:vacancies:own-organisation",
  },
  // Coaches, prison staff, municipality coordinators (open vacancies) and platform admins (all).
  "routes/vacatures+/_index": { access: "permission", permission: "read:vacancies:open" },
  "routes/vacatures+/$vacancyId": { access: "permission", permission: "read:vacancies:open" },
};

import { accountsRoutes } from "./access/accounts";
import { candidatesIntakeRoutes } from "./access/candidates-intake";
import { candidatesProfileRoutes } from "./access/candidates-profile";
import { pipelineRoutes } from "./access/pipeline";
import { searchRoutes } from "./access/search";
import { vacanciesRoutes } from "./access/vacancies";
import type { Permission } from "./permissions";

/*
 * Who may open each route. Every route of the app is declared here; a test reads the app's
 * route manifest, fails on an undeclared route, and checks every role against each declaration.
 * The route itself enforces access with requireUser / requirePermission / requireAnonymous.
 */
export type RouteAccess =
  /** Anyone, signed in or not. */
  | { access: "public" }
  /** Anonymous visitors; a signed-in user is sent to their home. */
  | { access: "anonymous" }
  /** Any signed-in user. */
  | { access: "user" }
  /** Signed-in users holding the permission (for the page and, unless `action` says otherwise, its form). */
  | { access: "permission"; permission: Permission; action?: Permission };

const foundationRoutes: Record<string, RouteAccess> = {
  root: { access: "public" },
  "routes/_index": { access: "anonymous" },
  "routes/_resources+/healthz": { access: "public" },
  "routes/_auth+/login": { access: "anonymous" },
  "routes/_auth+/logout": { access: "public" },
  "routes/account+/_index": { access: "user" },
  "routes/admin+/_index": { access: "permission", permission: "manage:organisations" },
  "routes/admin+/organisaties": {
    access: "permission",
    permission: "manage:organisations",
    action: "verify:employers",
  },
  "routes/admin+/gebruikers": { access: "permission", permission: "manage:users" },
  "routes/admin+/mailbox": { access: "permission", permission: "read:dev-mailbox" },
  "routes/admin+/audit": { access: "permission", permission: "read:audit" },
  "routes/pi+/_index": { access: "permission", permission: "read:candidates:own-prison" },
  "routes/coach+/_index": { access: "permission", permission: "read:candidates:own-caseload" },
  "routes/gemeente+/_index": {
    access: "permission",
    permission: "read:candidates:own-municipality",
  },
  // Also for a suspended employer, who sees why they cannot act.
  "routes/werkgever+/_index": { access: "permission", permission: "manage:organisation-profile" },
  "routes/kandidaat+/_index": { access: "permission", permission: "read:profile:own" },
};

export const routeAccess: Record<string, RouteAccess> = {
  ...foundationRoutes,
  ...accountsRoutes,
  ...candidatesIntakeRoutes,
  ...candidatesProfileRoutes,
  ...vacanciesRoutes,
  ...searchRoutes,
  ...pipelineRoutes,
};

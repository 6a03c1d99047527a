import type { RouteAccess } from "../route-access";

// Route declarations of this area; merged into the one matrix in route-access.ts.
export const accountsRoutes: Record<string, RouteAccess> = {
  // The link itself is the credential; the page handles signed-in callers (wrong account, existing account).
  "routes/_auth+/uitnodiging.$token": { access: "public" },
  "routes/_auth+/wachtwoord-vergeten": { access: "anonymous" },
  "routes/_auth+/wachtwoord-herstellen.$token": { access: "public" },
  "routes/_auth+/aanmelden-werkgever": { access: "public" },
  "routes/admin+/uitnodigingen": { access: "permission", permission: "invite:any-organisation" },
  // Only an organisation's own admin (memberships.is_org_admin), into their active organisation.
  "routes/organisatie+/uitnodigen": { access: "permission", permission: "invite:own-organisation" },
};

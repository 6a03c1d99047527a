import type { AuthContext } from "~/auth/session.server";
import type { HomeOrganisation } from "~/components/home";

/** The caller's organisations for the home page (names and roles only). */
export function homeOrganisations(context: AuthContext): HomeOrganisation[] {
  return context.memberships.map((m) => ({
    membershipId: m.membershipId,
    name: m.name,
    kind: m.kind,
    role: m.membershipRole,
    active: m.membershipId === context.organisation?.membershipId,
  }));
}

/** The organisation a role's home is about; a role home is only reached with one. */
export function activeOrganisation(context: AuthContext) {
  if (!context.organisation) throw new Response("Forbidden", { status: 403 });
  return context.organisation;
}

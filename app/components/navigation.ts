import type { Permission, Role } from "~/auth/permissions";
import { roleHome } from "~/auth/permissions";
import { type MessageKey, t } from "~/i18n";

export type NavItem = { to: string; label: string; end?: boolean };

/*
 * The sections of each role's area. An item shows when the caller holds its permission;
 * the server checks the same permission again on the page itself.
 */
const sections: Record<Role, { to: string; key: MessageKey; permission?: Permission }[]> = {
  platform_admin: [
    { to: "/admin/organisaties", key: "nav.admin.organisations", permission: "manage:organisations" },
    { to: "/admin/gebruikers", key: "nav.admin.users", permission: "manage:users" },
    { to: "/admin/uitnodigingen", key: "nav.admin.invitations", permission: "invite:any-organisation" },
    { to: "/vacatures", key: "vacancy.nav.browse", permission: "read:vacancies:open" },
    { to: "/admin/audit", key: "nav.admin.audit", permission: "read:audit" },
    { to: "/admin/mailbox", key: "nav.admin.mailbox", permission: "read:dev-mailbox" },
  ],
  prison_staff: [
    { to: "/pi/kandidaten", key: "candidates.nav.pi", permission: "read:candidates:own-prison" },
    { to: "/pi/kandidaten/nieuw", key: "candidates.nav.nominate", permission: "nominate:candidates" },
    { to: "/goedkeuren", key: "approval.nav", permission: "approve:profiles" },
    { to: "/vacatures", key: "vacancy.nav.browse", permission: "read:vacancies:open" },
  ],
  coach: [
    { to: "/coach/kandidaten", key: "candidates.nav.coach", permission: "read:candidates:own-caseload" },
    { to: "/coach/voorstellen", key: "pipeline.nav.coachProposals", permission: "read:candidates:own-caseload" },
    { to: "/coach/plaatsingen", key: "pipeline.nav.coachPlacements", permission: "log:check-ins" },
    { to: "/goedkeuren", key: "approval.nav", permission: "approve:profiles" },
    { to: "/vacatures", key: "vacancy.nav.browse", permission: "read:vacancies:open" },
  ],
  municipality_coordinator: [
    { to: "/gemeente/kandidaten", key: "candidates.nav.gemeente", permission: "read:candidates:own-municipality" },
    { to: "/gemeente/overdrachten", key: "pipeline.nav.handovers", permission: "accept:handovers" },
    { to: "/vacatures", key: "vacancy.nav.browse", permission: "read:vacancies:open" },
  ],
  employer: [
    { to: "/werkgever/vacatures", key: "employer.nav.vacancies", permission: "write:vacancies:own-organisation" },
    { to: "/werkgever/organisatie", key: "nav.employer.organisation", permission: "manage:organisation-profile" },
    { to: "/werkgever/zoeken", key: "search.nav.employerSearch", permission: "read:profiles:public" },
    { to: "/werkgever/voorstellen", key: "pipeline.nav.employerProposals", permission: "review:proposals:own-organisation" },
    { to: "/werkgever/plaatsingen", key: "pipeline.nav.employerPlacements", permission: "review:proposals:own-organisation" },
  ],
  candidate: [
    { to: "/kandidaat/voorstellen", key: "pipeline.nav.candidateProposals", permission: "read:profile:own" },
    { to: "/kandidaat/werk", key: "pipeline.nav.candidateWork", permission: "read:profile:own" },
    { to: "/kandidaat/profiel", key: "profile.nav.mine", permission: "read:profile:own" },
    { to: "/kandidaat/vacatures", key: "search.nav.candidateVacancies", permission: "read:profile:own" },
    { to: "/kandidaat/toestemmingen", key: "consent.nav", permission: "manage:consents:own" },
    { to: "/kandidaat/inzage", key: "profile.nav.views", permission: "read:profile:own" },
  ],
};

export function navigationFor(role: Role, permissions: readonly Permission[]): NavItem[] {
  const items: NavItem[] = [{ to: roleHome[role], label: t("nav.home"), end: true }];
  for (const s of sections[role]) {
    if (!s.permission || permissions.includes(s.permission)) items.push({ to: s.to, label: t(s.key) });
  }
  // Any organisation's own admin may invite colleagues.
  if (permissions.includes("invite:own-organisation")) {
    items.push({ to: "/organisatie/uitnodigen", label: t("nav.inviteColleague") });
  }
  items.push({ to: "/account", label: t("nav.account") });
  return items;
}

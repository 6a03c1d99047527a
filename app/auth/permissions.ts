/*
 * Who may do what: one data-only matrix (role × permission) and one resolver.
 * `requirePermission` (session.server) enforces it on the server; `userHasPermission`
 * only decides what the UI shows.
 */

export const roles = [
  "platform_admin",
  "prison_staff",
  "coach",
  "municipality_coordinator",
  "employer",
  "candidate",
] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  // platform
  "manage:organisations",
  "verify:employers",
  "read:audit",
  "invite:any-organisation",
  "read:dev-mailbox",
  "manage:users",
  // own organisation
  "invite:own-organisation",
  // prison staff
  "nominate:candidates",
  "read:candidates:own-prison",
  "confirm:detention-work",
  // coaches
  "read:candidates:own-caseload",
  "write:profiles:own-caseload",
  "invite:candidates:own-caseload",
  "propose:candidates",
  "log:check-ins",
  // four eyes: prison staff or a second coach
  "approve:profiles",
  // municipality
  "read:candidates:own-municipality",
  "accept:handovers",
  // vacancies
  "read:vacancies:open",
  "write:vacancies:own-organisation",
  "publish:vacancies:own-organisation",
  "manage:organisation-profile",
  // employers, verified only
  "read:profiles:public",
  "review:proposals:own-organisation",
  // candidates
  "read:profile:own",
  "manage:consents:own",
] as const;
export type Permission = (typeof permissions)[number];

export const roleMatrix: Record<Role, readonly Permission[]> = {
  platform_admin: [
    "manage:organisations",
    "verify:employers",
    "read:audit",
    "invite:any-organisation",
    "read:dev-mailbox",
    "manage:users",
    "read:vacancies:open",
  ],
  prison_staff: [
    "nominate:candidates",
    "read:candidates:own-prison",
    "confirm:detention-work",
    "approve:profiles",
    "read:vacancies:open",
  ],
  coach: [
    "read:candidates:own-caseload",
    "write:profiles:own-caseload",
    "invite:candidates:own-caseload",
    "propose:candidates",
    "log:check-ins",
    "approve:profiles",
    "read:vacancies:open",
  ],
  municipality_coordinator: [
    "read:candidates:own-municipality",
    "accept:handovers",
    "read:vacancies:open",
  ],
  employer: [
    "write:vacancies:own-organisation",
    "publish:vacancies:own-organisation",
    "manage:organisation-profile",
    "read:profiles:public",
    "review:proposals:own-organisation",
  ],
  candidate: ["read:profile:own", "manage:consents:own"],
};

/** What an organisation's own admin may do on top of the role. */
export const orgAdminPermissions: readonly Permission[] = ["invite:own-organisation"];

/** Withheld from employers until a platform admin has verified their organisation. */
export const verifiedEmployerOnly: readonly Permission[] = [
  "publish:vacancies:own-organisation",
  "read:profiles:public",
  "review:proposals:own-organisation",
];

export type PermissionSubject = {
  role: Role;
  isOrgAdmin: boolean;
  organisationVerification: "unverified" | "verified" | "suspended" | null;
};

export function resolvePermissions(subject: PermissionSubject): ReadonlySet<Permission> {
  const granted = new Set<Permission>(roleMatrix[subject.role]);
  if (subject.isOrgAdmin) for (const p of orgAdminPermissions) granted.add(p);
  if (subject.role === "employer" && subject.organisationVerification !== "verified") {
    for (const p of verifiedEmployerOnly) granted.delete(p);
  }
  if (subject.organisationVerification === "suspended") {
    for (const p of orgAdminPermissions) granted.delete(p);
    granted.delete("write:vacancies:own-organisation");
  }
  return granted;
}

export function userHasPermission(
  user: { permissions: readonly Permission[] } | null | undefined,
  permission: Permission,
) {
  return Boolean(user?.permissions.includes(permission));
}

/** Membership roles map onto matrix roles (owners and recruiters are both employers). */
export function roleOfMembership(
  membershipRole:
    | "platform_admin"
    | "prison_staff"
    | "coach"
    | "municipality_coordinator"
    | "employer_owner"
    | "employer_recruiter",
): Role {
  return membershipRole === "employer_owner" || membershipRole === "employer_recruiter"
    ? "employer"
    : membershipRole;
}

/** The home page of each role. */
export const roleHome: Record<Role, string> = {
  platform_admin: "/admin",
  prison_staff: "/pi",
  coach: "/coach",
  municipality_coordinator: "/gemeente",
  employer: "/werkgever",
  candidate: "/kandidaat",
};

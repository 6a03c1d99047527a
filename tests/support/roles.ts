import type { Database } from "#db/client.server";
import { createSession, SESSION_COOKIE } from "~/auth/session.server";
import { createCandidate, createMember, createUser, type Member } from "./factories";

/** The callers the route-permission matrix is checked for. */
export const callers = [
  "anonymous",
  "platform_admin",
  "prison_staff",
  "coach",
  "municipality_coordinator",
  "employer",
  "employer_unverified",
  "candidate",
] as const;
export type Caller = (typeof callers)[number];

export async function cookieFor(db: Database, userId: string, membershipId: string | null) {
  const { token } = await createSession(db, userId, membershipId);
  return `${SESSION_COOKIE}=${token}`;
}

/** One signed-in user per role (and an unverified employer), each with a session cookie. */
export async function createRoleWorld(db: Database) {
  const admin = await createMember(db, { role: "platform_admin" });
  const prison = await createMember(db, { role: "prison_staff" });
  const coach = await createMember(db, { role: "coach" });
  const municipality = await createMember(db, { role: "municipality_coordinator" });
  const employer = await createMember(db, { role: "employer_owner", isOrgAdmin: true });
  const unverified = await createMember(db, {
    role: "employer_owner",
    isOrgAdmin: true,
    organisation: { verificationStatus: "unverified", verifiedAt: null },
  });
  const candidateUser = await createUser(db);
  const candidate = await createCandidate(db, {
    candidate: { userId: candidateUser.id },
    coach: { user: coach.user, organisation: coach.organisation },
    prison: prison.organisation,
  });
  const member = (m: Member) => cookieFor(db, m.user.id, m.membership.id);
  const cookies: Record<Caller, string | null> = {
    anonymous: null,
    platform_admin: await member(admin),
    prison_staff: await member(prison),
    coach: await member(coach),
    municipality_coordinator: await member(municipality),
    employer: await member(employer),
    employer_unverified: await member(unverified),
    candidate: await cookieFor(db, candidateUser.id, null),
  };
  return { admin, prison, coach, municipality, employer, unverified, candidate, candidateUser, cookies };
}

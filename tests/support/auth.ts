import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type Membership,
  type MembershipRole,
  type Organisation,
  type User,
  candidates,
  memberships,
  organisations,
  users,
} from "#db/schema";
import { SESSION_COOKIE, createSession } from "~/auth/session.server";
import {
  createCandidate,
  createMembership,
  createOrganisation,
  createUser,
  organisationKindForRole,
} from "./factories";

/*
 * Signed-in callers for route tests: a user (created, or found by email), a membership with
 * the role, and a real session through createSession. Pass the cookie to a Request:
 *
 *   const cookie = await loginAs(t.db, { role: "coach" });
 *   await loader({ request: new Request(url, { headers: { cookie } }), params: {}, context: {} });
 */

export type LoginAsOptions = {
  /** The role to act as; "candidate" creates a candidate record linked to the user. */
  role: MembershipRole | "candidate";
  /** Reuses the user with this email when there is one (lowercased). */
  email?: string;
  name?: string;
  /** Hashed once per distinct password (see factories). */
  password?: string;
  /** The organisation of the membership; without it one of the role's kind is created. */
  organisationId?: string;
  isOrgAdmin?: boolean;
  /** Overrides for a newly created organisation (e.g. `verificationStatus: "unverified"`). */
  organisation?: Partial<typeof organisations.$inferInsert>;
};

export type SignedIn = {
  /** The `cookie` request header value. */
  cookie: string;
  token: string;
  sessionId: string;
  user: User;
  /** null for a candidate. */
  organisation: Organisation | null;
  membership: Membership | null;
  candidateId: string | null;
};

/** Signs in as a role and returns everything a test may need (ids, token, cookie header). */
export async function signIn(db: Database, options: LoginAsOptions): Promise<SignedIn> {
  const email = options.email?.trim().toLowerCase();
  let [user] = email ? await db.select().from(users).where(eq(users.email, email)) : [];
  user ??= await createUser(db, {
    ...(email ? { email } : {}),
    ...(options.name ? { name: options.name } : {}),
    ...(options.password ? { password: options.password } : {}),
  });

  if (options.role === "candidate") {
    let [candidate] = await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.userId, user.id));
    candidate ??= (await createCandidate(db, { candidate: { userId: user.id } })).candidate;
    const { token, session } = await createSession(db, user.id, null);
    return {
      cookie: cookieHeader(token),
      token,
      sessionId: session.id,
      user,
      organisation: null,
      membership: null,
      candidateId: candidate.id,
    };
  }

  let organisation: Organisation | undefined;
  if (options.organisationId) {
    [organisation] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.id, options.organisationId));
    if (!organisation) throw new Error(`signIn: no organisation ${options.organisationId}`);
  } else {
    organisation = await createOrganisation(db, {
      kind: organisationKindForRole[options.role],
      ...options.organisation,
    });
  }
  let [membership] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, user.id),
        eq(memberships.organisationId, organisation.id),
        eq(memberships.role, options.role),
      ),
    );
  membership ??= await createMembership(db, {
    userId: user.id,
    organisationId: organisation.id,
    role: options.role,
    isOrgAdmin: options.isOrgAdmin ?? false,
  });
  const { token, session } = await createSession(db, user.id, membership.id);
  return {
    cookie: cookieHeader(token),
    token,
    sessionId: session.id,
    user,
    organisation,
    membership,
    candidateId: null,
  };
}

/** Signs in as a role and returns the `cookie` header value. */
export async function loginAs(db: Database, options: LoginAsOptions): Promise<string> {
  return (await signIn(db, options)).cookie;
}

/** The `cookie` header for a session token. */
export function cookieHeader(token: string) {
  return `${SESSION_COOKIE}=${token}`;
}

/** The session token a response sets, or null. */
export function sessionTokenFrom(response: Response): string | null {
  const header = response.headers.get("set-cookie") ?? "";
  const match = new RegExp(`${SESSION_COOKIE}=([a-z2-7]{32})`).exec(header);
  return match?.[1] ?? null;
}

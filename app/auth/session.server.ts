import { redirect } from "@remix-run/node";
import { eq, lt, or, sql } from "drizzle-orm";
import { type Database, getDb } from "#db/client.server";
import { memberships, notifications, organisations, sessions, users, candidates } from "#db/schema";
import type { MembershipRole } from "#db/schema";
import { audit, requestOrigin } from "~/domain/audit.server";
import {
  type Permission,
  type Role,
  resolvePermissions,
  roleHome,
  roleOfMembership,
} from "./permissions";
import { oncePerRequest } from "./request-scope.server";
import { generateToken, hashToken } from "./tokens.server";

/*
 * Sessions after Lucia's guide: a random token in the cookie, only its SHA-256 in the
 * database, sliding expiry with an absolute lifetime, a fresh session on every login.
 */

export const SESSION_COOKIE = "werkbrug_session";
const DAY = 24 * 60 * 60 * 1000;
/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 7 * DAY;
/** …and in any case this long after sign-in. */
export const SESSION_ABSOLUTE_MS = 30 * DAY;

export type SessionRow = typeof sessions.$inferSelect;

export async function createSession(
  db: Database,
  userId: string,
  activeMembershipId: string | null,
  now = new Date(),
) {
  const token = generateToken();
  const absoluteExpiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const [session] = await db
    .insert(sessions)
    .values({
      id: hashToken(token),
      userId,
      activeMembershipId,
      createdAt: now,
      expiresAt: new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
    })
    .returning();
  return { token, session: session! };
}

/** Looks a token up; ends expired sessions and slides the expiry of active ones. */
export async function validateSessionToken(db: Database, token: string, now = new Date()) {
  return (await validateSession(db, token, now))?.session ?? null;
}

/** The session and its (enabled) user in one query. */
async function validateSession(db: Database, token: string, now: Date) {
  const row = await loadSessionRow(db, hashToken(token), false);
  return row ? await checkSession(db, row, now) : null;
}

const membershipsJson = sql<OrganisationContext[] | string>`(
  select coalesce(json_agg(json_build_object(
    'membershipId', m.id, 'id', o.id, 'name', o.name, 'kind', o.kind, 'membershipRole', m.role,
    'isOrgAdmin', m.is_org_admin, 'verificationStatus', o.verification_status,
    'municipalityCode', o.municipality_code) order by o.name, m.id), '[]'::json)
  from ${memberships} m join ${organisations} o on o.id = m.organisation_id
  where m.user_id = ${users.id})`;
const candidateIdOfUser = sql<string | null>`(select c.id from ${candidates} c where c.user_id = ${users.id} limit 1)`;
const unreadOfUser = sql<number | string>`(select count(*) from ${notifications} n where n.user_id = ${users.id} and n.read_at is null)`;

/**
 * The session row with its user; with `everything`, in the same round trip, what a page needs
 * to know about the caller: memberships with their organisations, the candidate record and
 * the unread-notification count for the header (one query per request instead of four).
 */
async function loadSessionRow(db: Database, id: string, everything: boolean) {
  const statements = preparedSessionQueries(db);
  const [row] = await (everything ? statements.withContext : statements.sessionOnly).execute({ id });
  return row as
    | (typeof row & { memberships?: OrganisationContext[] | string; candidateId?: string | null; unread?: number | string })
    | undefined;
}

/** Built once per database: the query runs on every request, its SQL text never changes. */
function prepareSessionQueries(db: Database) {
  const base = {
    session: sessions,
    user: { id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt },
  };
  const byId = eq(sessions.id, sql.placeholder("id"));
  return {
    sessionOnly: db.select(base).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(byId).prepare("session_only"),
    withContext: db
      .select({ ...base, memberships: membershipsJson, candidateId: candidateIdOfUser, unread: unreadOfUser })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(byId)
      .prepare("session_with_context"),
  };
}

const sessionQueries = new WeakMap<Database, ReturnType<typeof prepareSessionQueries>>();
function preparedSessionQueries(db: Database) {
  let statements = sessionQueries.get(db);
  if (!statements) sessionQueries.set(db, (statements = prepareSessionQueries(db)));
  return statements;
}

/** Ends an expired session (or one of a disabled user); slides the expiry of an active one. */
async function checkSession(
  db: Database,
  row: NonNullable<Awaited<ReturnType<typeof loadSessionRow>>>,
  now: Date,
) {
  const { session } = row;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt || row.user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, session.id));
    return null;
  }
  // Extend when less than half the idle window is left (one write per half window, not per request).
  if (session.expiresAt.getTime() - now.getTime() < SESSION_IDLE_MS / 2) {
    const expiresAt = new Date(
      Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()),
    );
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, session.id));
    session.expiresAt = expiresAt;
  }
  return { session, user: { id: row.user.id, email: row.user.email, name: row.user.name } };
}

export async function invalidateSession(db: Database, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Database, now = new Date()) {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)));
}

// ---------------------------------------------------------------------------
// Cookies

function isSecureRequest(request: Request) {
  const url = new URL(request.url);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return !local || url.protocol === "https:";
}

export function sessionCookie(request: Request, token: string, expiresAt: Date) {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${expiresAt.toUTCString()}`,
  ];
  if (isSecureRequest(request)) parts.push("Secure");
  return parts.join("; ");
}

export function clearSessionCookie(request: Request) {
  const parts = [`${SESSION_COOKIE}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (isSecureRequest(request)) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      return /^[a-z2-7]{32}$/.test(value) ? value : null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// The façade routes use

export type OrganisationContext = {
  membershipId: string;
  id: string;
  name: string;
  kind: (typeof organisations.$inferSelect)["kind"];
  membershipRole: MembershipRole;
  isOrgAdmin: boolean;
  verificationStatus: "unverified" | "verified" | "suspended";
  municipalityCode: string | null;
};

export type AuthContext = {
  sessionId: string;
  user: { id: string; email: string; name: string };
  role: Role;
  /** The organisation the user works in now (null for a candidate). */
  organisation: OrganisationContext | null;
  /** All memberships, for switching. */
  memberships: OrganisationContext[];
  /** The candidate record of a candidate user. */
  candidateId: string | null;
  permissions: Permission[];
  /** Unread in-app notifications at the time of the request (the header's badge). */
  unreadNotifications: number;
};

/** Builds the caller's context, or null for an anonymous visitor or an ended session. */
export async function getAuthContext(request: Request): Promise<AuthContext | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  return oncePerRequest(request, `auth:${token}`, () => getAuthContextForToken(token));
}

export async function getAuthContextForToken(token: string): Promise<AuthContext | null> {
  const db = getDb();
  const row = await loadSessionRow(db, hashToken(token), true);
  if (!row) return null;
  const valid = await checkSession(db, row, new Date());
  if (!valid) return null;
  const { session, user } = valid;
  // json arrives parsed from one driver and as text from another
  const all: OrganisationContext[] =
    typeof row.memberships === "string" ? JSON.parse(row.memberships) : (row.memberships ?? []);
  const candidateId = row.candidateId ?? null;
  const active =
    all.find((m) => m.membershipId === session.activeMembershipId) ??
    (candidateId ? null : (all[0] ?? null));
  if (!active && !candidateId) return null;
  const role: Role = active ? roleOfMembership(active.membershipRole) : "candidate";
  const permissions = [
    ...resolvePermissions({
      role,
      isOrgAdmin: active?.isOrgAdmin ?? false,
      organisationVerification: active?.verificationStatus ?? null,
    }),
  ];
  return {
    sessionId: session.id,
    user,
    role,
    organisation: active,
    memberships: all,
    candidateId: active ? null : candidateId,
    permissions,
    unreadNotifications: Number(row.unread ?? 0),
  };
}

export async function getUserId(request: Request) {
  return (await getAuthContext(request))?.user.id ?? null;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  const params = new URLSearchParams();
  if (redirectTo !== "/") params.set("redirectTo", redirectTo);
  const search = params.toString();
  return redirect(`/login${search ? `?${search}` : ""}`, {
    headers: { "set-cookie": clearSessionCookie(request) },
  });
}

/** The signed-in caller; an anonymous visitor is sent to the login page. */
export async function requireUser(request: Request): Promise<AuthContext> {
  const context = await getAuthContext(request);
  if (!context) throw loginRedirect(request);
  return context;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/** The signed-in caller holding `permission`; anyone else gets a 403 (and it is audited). */
export async function requirePermission(
  request: Request,
  permission: Permission,
): Promise<AuthContext> {
  const context = await requireUser(request);
  if (!context.permissions.includes(permission)) {
    await audit(getDb(), {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "access.denied",
      objectType: "permission",
      objectId: permission,
      result: "denied",
      origin: requestOrigin(request),
      details: { path: new URL(request.url).pathname },
    });
    forbidden();
  }
  return context;
}

/** For pages only an anonymous visitor needs (login): a signed-in user goes home. */
export async function requireAnonymous(request: Request) {
  const context = await getAuthContext(request);
  if (context) throw redirect(homeOf(context));
}

export function homeOf(context: Pick<AuthContext, "role">) {
  return roleHome[context.role];
}


/** A redirect target from a form or query string, kept on this site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) {
    return fallback;
  }
  return to;
}


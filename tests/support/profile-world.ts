import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidateProfiles, candidates, type Organisation } from "#db/schema";
import { getAuthContextForToken, createSession, SESSION_COOKIE } from "~/auth/session.server";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";
import { createCandidate, createMember, createUser, type Member } from "./factories";

/*
 * Helpers for the profile, publication, consent and view tests: a small world of tenants,
 * signed-in callers, and direct calls of route modules (a thrown Response is returned).
 */

export type Caller = { cookie: string; token: string; userId: string };

export async function callerFor(db: Database, userId: string, membershipId: string | null): Promise<Caller> {
  const { token } = await createSession(db, userId, membershipId);
  return { cookie: `${SESSION_COOKIE}=${token}`, token, userId };
}

export const memberCaller = (db: Database, m: Member) => callerFor(db, m.user.id, m.membership.id);

export async function contextOf(caller: Caller) {
  const context = await getAuthContextForToken(caller.token);
  if (!context) throw new Error("no session");
  return context;
}

type Fields = Record<string, string | string[] | undefined>;

function headers(caller?: Caller | null) {
  const h = new Headers({ "user-agent": "vitest", origin: "http://localhost", [CLIENT_IP_HEADER]: "203.0.113.9" });
  if (caller) h.set("cookie", caller.cookie);
  return h;
}

export function get(path: string, caller?: Caller | null) {
  return new Request(`http://localhost${path}`, { headers: headers(caller) });
}

export function post(path: string, fields: Fields, caller?: Caller | null) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: headers(caller) });
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

/** Runs a loader or action; thrown Responses come back as the result. */
export async function call(fn: unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await (fn as RouteFn)({ request, params, context: {} });
    if (!(result instanceof Response)) throw new Error("route did not return a Response");
    return result;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

export async function body<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A complete, leak-free profile form as the coach's editor posts it. */
export function profileForm(overrides: Fields = {}): Fields {
  return {
    intent: "save",
    headline: "Orderpicker met heftruckcertificaat",
    summary: "Werkt nauwkeurig en houdt van een vaste structuur in het magazijn.",
    motivation: "Ik wil na mijn detentie meteen aan het werk en iets opbouwen.",
    sectors: ["logistiek"],
    "occupations[0]": "orderpicker",
    "occupations[1]": "",
    skills: "orderpicken\nscannen",
    certificates: ["VCA", "heftruckcertificaat"],
    otherCertificates: "",
    licences: ["B"],
    "languages[0].language": "Nederlands",
    "languages[0].level": "moedertaal",
    "languages[1].language": "",
    "languages[1].level": "",
    educationLevel: "mbo-2",
    "experience[0].title": "Medewerker magazijn",
    "experience[0].sector": "logistiek",
    "experience[0].months": "10",
    "experience[0].duringDetention": "on",
    "experience[1].title": "",
    "experience[1].sector": "",
    "experience[1].months": "",
    hoursMin: "24",
    hoursMax: "40",
    shifts: ["dag", "avond"],
    transport: ["fiets", "ov"],
    region: "Lelystad",
    travelKm: "30",
    availableDuringDetentionFrom: "2027-03-14",
    availableAfterReleaseFrom: "2027-06-02",
    ...overrides,
  };
}

/**
 * Two prisons, two coaching organisations (two coaches in the first, one in the second), a
 * candidate in intake with an account, coached by coachA1 from prisonA.
 */
export async function createPublicationWorld(db: Database) {
  const staffA = await createMember(db, { role: "prison_staff", organisation: { name: "PI Proefstad" } });
  const staffB = await createMember(db, { role: "prison_staff", organisation: { name: "PI Anderstad" } });
  const coachA1 = await createMember(db, { role: "coach", organisation: { name: "Proef Jobcoaching" } });
  const coachA2 = await createMember(db, { role: "coach", organisation: coachA1.organisation });
  const coachB = await createMember(db, { role: "coach", organisation: { name: "Andere Jobcoaching" } });
  const admin = await createMember(db, { role: "platform_admin" });
  const employer = await createMember(db, { role: "employer_owner" });
  return { staffA, staffB, coachA1, coachA2, coachB, admin, employer };
}

/** A candidate in `status` with an account (unless `account: false`), coached by `coach`. */
export async function createCoachedCandidate(
  db: Database,
  options: { coach: Member; prison: Organisation; status?: (typeof candidates.$inferSelect)["status"]; account?: boolean; identity?: NonNullable<Parameters<typeof createCandidate>[1]>["identity"] },
) {
  const user = options.account === false ? null : await createUser(db);
  const created = await createCandidate(db, {
    candidate: { status: options.status ?? "intake", userId: user?.id ?? null },
    coach: { user: options.coach.user, organisation: options.coach.organisation },
    prison: options.prison,
    identity: options.identity,
    profile: {
      headline: "",
      summary: "",
      motivation: "",
      confirmedByCandidateAt: null,
      approvedAt: null,
      publishedAt: null,
    },
  });
  const caller = user ? await callerFor(db, user.id, null) : null;
  return { ...created, user, caller };
}

export async function statusOf(db: Database, candidateId: string) {
  const [row] = await db.select({ status: candidates.status }).from(candidates).where(eq(candidates.id, candidateId));
  return row?.status;
}

export async function profileRowOf(db: Database, candidateId: string) {
  const [row] = await db.select().from(candidateProfiles).where(eq(candidateProfiles.candidateId, candidateId));
  return row!;
}

import { eq } from "drizzle-orm";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import {
  candidateBasicConditions,
  candidateConstraints,
  candidates,
  invitations,
} from "#db/schema";
import * as coachCaseload from "~/routes/coach+/kandidaten._index";
import * as coachDetail from "~/routes/coach+/kandidaten.$candidateId._index";
import * as coachIntake from "~/routes/coach+/kandidaten.$candidateId.intake";
import * as gemeenteDetail from "~/routes/gemeente+/kandidaten.$candidateId._index";
import * as gemeenteList from "~/routes/gemeente+/kandidaten._index";
import * as piDetail from "~/routes/pi+/kandidaten.$candidateId._index";
import * as piList from "~/routes/pi+/kandidaten._index";
import * as piWork from "~/routes/pi+/kandidaten.$candidateId.werk";
import { useTestDatabase } from "#tests/support/db";
import { type CreatedCandidate, createCandidate, createMember, createUser } from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";

/*
 * Need to know (DESIGN.md, privacy rule 3) on every by-id route of nomination and intake:
 * a caller from another tenant gets 404 on GET and POST — never the candidate's data, and
 * nothing changes. Roles without the route's permission get 403. Coach colleagues of the same
 * organisation read, but cannot change anything.
 */

const t = useTestDatabase();

type RouteFn = (args: LoaderFunctionArgs) => Promise<unknown>;

async function run(fn: RouteFn, request: Request, params: Record<string, string> = {}) {
  try {
    return (await fn({ request, params, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: { cookie } });

function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: { cookie, origin: "http://localhost" } });
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const localIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);
const conditions = Object.fromEntries(
  ["id", "housing", "income", "debts", "care"].flatMap((k) => [[`${k}.status`, "arranged"], [`${k}.note`, "Geregeld"]]),
);

type ById = {
  name: string;
  route: { loader: RouteFn; action?: RouteFn };
  path: (id: string) => string;
  /** Valid forms, so a refusal is about scope and not about input. */
  forms: Record<string, string | string[]>[];
};

let target: CreatedCandidate;
let cookies: Record<string, string>;
let routes: ById[];
let coachMembershipId: string;

beforeAll(async () => {
  const prisonA = await createMember(t.db, { role: "prison_staff" });
  const prisonB = await createMember(t.db, { role: "prison_staff" });
  const coach = await createMember(t.db, { role: "coach" });
  const colleague = await createMember(t.db, { role: "coach", organisation: coach.organisation });
  const otherCoach = await createMember(t.db, { role: "coach" });
  const municipalityCoach = await createMember(t.db, {
    role: "coach",
    organisation: { kind: "municipality", municipalityCode: "0995" },
  });
  const ownMunicipality = await createMember(t.db, { role: "municipality_coordinator", organisation: { municipalityCode: "0995" } });
  const otherMunicipality = await createMember(t.db, { role: "municipality_coordinator", organisation: { municipalityCode: "0034" } });
  const employer = await createMember(t.db, { role: "employer_owner", isOrgAdmin: true });
  const admin = await createMember(t.db, { role: "platform_admin" });
  coachMembershipId = otherCoach.membership.id;

  target = await createCandidate(t.db, {
    candidate: { status: "intake", municipalityCode: "0995" },
    identity: { firstName: "Kanarie", lastName: "Geheimnaam" },
    coach,
    prison: prisonA.organisation,
  });
  await t.db.insert(candidateConstraints).values({ candidateId: target.candidate.id, leaveHourLimits: "Geheime-beperking" });
  // Another candidate, with its own account, to sign in as "a candidate other than self".
  const selfUser = await createUser(t.db);
  await createCandidate(t.db, { candidate: { userId: selfUser.id }, coach: otherCoach, prison: prisonB.organisation });

  const cookie = (m: { user: { id: string }; membership: { id: string } }) => cookieFor(t.db, m.user.id, m.membership.id);
  cookies = {
    prisonA: await cookie(prisonA),
    prisonB: await cookie(prisonB),
    coach: await cookie(coach),
    colleague: await cookie(colleague),
    otherCoach: await cookie(otherCoach),
    municipalityCoach: await cookie(municipalityCoach),
    ownMunicipality: await cookie(ownMunicipality),
    otherMunicipality: await cookie(otherMunicipality),
    employer: await cookie(employer),
    admin: await cookie(admin),
    candidate: await cookieFor(t.db, selfUser.id, null),
  };

  routes = [
    {
      name: "pi detail",
      route: piDetail,
      path: (id) => `/pi/kandidaten/${id}`,
      forms: [
        { intent: "link-coach", coachMembershipId },
        { intent: "plan-meeting", meetingAt: localIn(5) },
        { intent: "dates", releaseDate: inDays(200) },
      ],
    },
    {
      name: "pi detention work",
      route: piWork,
      path: (id) => `/pi/kandidaten/${id}/werk`,
      forms: [{ intent: "confirm-work", workshop: "hout", title: "Timmerman", months: "3", certificates: ["VCA"] }],
    },
    {
      name: "coach overview",
      route: coachDetail,
      path: (id) => `/coach/kandidaten/${id}`,
      forms: [{ intent: "complete-intake" }, { intent: "invite", email: "kanarie@proef.werkbrug.test" }],
    },
    {
      name: "coach intake",
      route: coachIntake,
      path: (id) => `/coach/kandidaten/${id}/intake`,
      forms: [
        { intent: "conditions", ...conditions },
        { intent: "constraints", vogRiskAreas: ["geld"], areaBanMunicipalityCodes: ["0034"], leaveHourLimits: "" },
      ],
    },
    { name: "gemeente detail", route: gemeenteDetail, path: (id) => `/gemeente/kandidaten/${id}`, forms: [] },
  ];
});

async function snapshot() {
  const [candidate] = await t.db.select().from(candidates).where(eq(candidates.id, target.candidate.id));
  const constraints = await t.db.select().from(candidateConstraints).where(eq(candidateConstraints.candidateId, target.candidate.id));
  const basic = await t.db.select().from(candidateBasicConditions).where(eq(candidateBasicConditions.candidateId, target.candidate.id));
  const invites = await t.db.select().from(invitations).where(eq(invitations.candidateId, target.candidate.id));
  return JSON.stringify({ candidate, constraints, basic, invites });
}

async function expectNoLeak(response: Response) {
  const text = await response.clone().text();
  expect(text).not.toContain("Geheimnaam");
  expect(text).not.toContain("Geheime-beperking");
  expect(text).not.toContain(target.identity.phone ?? "-");
}

/** Who may NOT see the target on each route, and what they get: 404 (scoped) or 403 (no permission). */
const outsiders: Record<string, Record<string, 403 | 404>> = {
  "pi detail": { prisonB: 404, coach: 403, otherCoach: 403, ownMunicipality: 403, employer: 403, candidate: 403, admin: 403 },
  "pi detention work": { prisonB: 404, coach: 403, ownMunicipality: 403, employer: 403, candidate: 403, admin: 403 },
  "coach overview": { otherCoach: 404, municipalityCoach: 404, prisonA: 403, prisonB: 403, ownMunicipality: 403, employer: 403, candidate: 403, admin: 403 },
  "coach intake": { otherCoach: 404, municipalityCoach: 404, prisonA: 403, ownMunicipality: 403, employer: 403, candidate: 403, admin: 403 },
  "gemeente detail": { otherMunicipality: 404, prisonA: 403, coach: 403, employer: 403, candidate: 403, admin: 403 },
};

describe("scoping of nomination and intake routes", () => {
  it("refuses every outsider on every by-id route, GET and POST, and changes nothing", async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const r of routes) {
      for (const [caller, status] of Object.entries(outsiders[r.name]!)) {
        const id = target.candidate.id;
        const read = await run(r.route.loader, get(r.path(id), cookies[caller]!), { candidateId: id });
        if (read.status !== status) failures.push(`GET ${r.name} as ${caller}: ${read.status}`);
        await expectNoLeak(read);
        for (const form of r.route.action ? r.forms : []) {
          const write = await run(r.route.action!, post(r.path(id), cookies[caller]!, form), { candidateId: id });
          if (write.status !== status) failures.push(`POST ${r.name} (${form.intent}) as ${caller}: ${write.status}`);
          await expectNoLeak(write);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it("gives 404 for unknown and malformed ids, never a 500", async () => {
    const insiders: Record<string, string> = {
      "pi detail": "prisonA",
      "pi detention work": "prisonA",
      "coach overview": "coach",
      "coach intake": "coach",
      "gemeente detail": "ownMunicipality",
    };
    for (const r of routes) {
      for (const id of [crypto.randomUUID(), "not-a-uuid", "' or 1=1 --"]) {
        const read = await run(r.route.loader, get(r.path(encodeURIComponent(id)), cookies[insiders[r.name]!]!), { candidateId: id });
        expect(read.status, `${r.name} ${id}`).toBe(404);
        if (r.route.action && r.forms[0]) {
          const write = await run(r.route.action, post(r.path(encodeURIComponent(id)), cookies[insiders[r.name]!]!, r.forms[0]), { candidateId: id });
          expect(write.status, `${r.name} POST ${id}`).toBe(404);
        }
      }
    }
  });

  it("lets the tenants in: own prison, own coach, own municipality", async () => {
    const id = target.candidate.id;
    for (const [name, caller] of [
      ["pi detail", "prisonA"],
      ["pi detention work", "prisonA"],
      ["coach overview", "coach"],
      ["coach intake", "coach"],
      ["gemeente detail", "ownMunicipality"],
    ] as const) {
      const r = routes.find((x) => x.name === name)!;
      const response = await run(r.route.loader, get(r.path(id), cookies[caller]!), { candidateId: id });
      expect(response.status, name).toBe(200);
    }
  });

  it("lets coach colleagues of the same organisation read, but not change anything", async () => {
    const id = target.candidate.id;
    const before = await snapshot();
    for (const r of routes.filter((x) => x.name.startsWith("coach"))) {
      const read = await run(r.route.loader, get(r.path(id), cookies.colleague!), { candidateId: id });
      expect(read.status).toBe(200);
      const data = (await read.json()) as { canWrite?: boolean; candidate: { canWrite?: boolean } };
      expect(data.canWrite ?? data.candidate.canWrite).toBe(false);
      for (const form of r.forms) {
        const write = await run(r.route.action!, post(r.path(id), cookies.colleague!, form), { candidateId: id });
        expect([403, 404], `${r.name} ${form.intent}`).toContain(write.status);
      }
    }
    const start = await run(coachDetail.action, post(`/coach/kandidaten/${id}`, cookies.colleague!, { intent: "start-intake" }), { candidateId: id });
    expect([403, 404]).toContain(start.status);
    expect(await snapshot()).toBe(before);
  });

  it("keeps other tenants' candidates out of the lists", async () => {
    const lists: [{ loader: RouteFn }, string, string, boolean][] = [
      [piList, "/pi/kandidaten", "prisonA", true],
      [piList, "/pi/kandidaten", "prisonB", false],
      [coachCaseload, "/coach/kandidaten", "coach", true],
      [coachCaseload, "/coach/kandidaten", "colleague", true],
      [coachCaseload, "/coach/kandidaten", "otherCoach", false],
      [coachCaseload, "/coach/kandidaten", "municipalityCoach", false],
      [gemeenteList, "/gemeente/kandidaten", "ownMunicipality", true],
      [gemeenteList, "/gemeente/kandidaten", "otherMunicipality", false],
    ];
    for (const [route, path, caller, sees] of lists) {
      const response = await run(route.loader, get(path, cookies[caller]!));
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.includes(target.candidate.id), `${path} as ${caller}`).toBe(sees);
      expect(text.includes("Geheimnaam"), `${path} as ${caller}`).toBe(sees);
      // Hidden constraints never appear in a list.
      expect(text).not.toContain("Geheime-beperking");
    }
  });
});

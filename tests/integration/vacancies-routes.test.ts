import { and, count, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisations, searchOutbox, vacancies } from "#db/schema";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";
import { dutchToday } from "~/domain/vacancies/dates";
import * as newVacancyRoute from "~/routes/werkgever+/vacatures.nieuw";
import * as vacancyRoute from "~/routes/werkgever+/vacatures.$vacancyId";
import * as listRoute from "~/routes/werkgever+/vacatures._index";
import * as profileRoute from "~/routes/werkgever+/organisatie";
import * as homeRoute from "~/routes/werkgever+/_index";
import * as browseRoute from "~/routes/vacatures+/_index";
import * as readRoute from "~/routes/vacatures+/$vacancyId";
import { VacancyDetails, type VacancyDetailsData } from "~/routes/vacatures+/__vacancy-details";
import { createMember, createVacancy, type Member } from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";
import { useTestDatabase } from "#tests/support/db";

/*
 * The vacancy and organisation routes as the browser uses them: forms with bad input get a 400
 * with field errors and save nothing; the verification gate answers with a plain message;
 * another employer's vacancy is a 404; readers see open vacancies only.
 */

const t = useTestDatabase();

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

async function run(fn: unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await (fn as RouteFn)({ request, params, context: {} });
    if (!(result instanceof Response)) throw new Error("route did not return a Response");
    return result;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

function headers(cookie: string) {
  return new Headers({ cookie, "user-agent": "vitest", [CLIENT_IP_HEADER]: "203.0.113.7" });
}
const get = (path: string, cookie: string) => new Request(`http://localhost${path}`, { headers: headers(cookie) });
function post(path: string, cookie: string, fields: Record<string, string | string[]>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return new Request(`http://localhost${path}`, { method: "POST", body, headers: headers(cookie) });
}

const inDays = (days: number) => {
  const d = new Date(`${dutchToday()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** A complete, valid vacancy form. */
function validForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    intent: "create",
    title: "Orderpicker",
    sector: "logistiek",
    kind: "work_experience",
    description: "Je verzamelt bestellingen met een handscanner en maakt ze klaar voor verzending.",
    requiredSkills: "orderpicken\nwerken met handscanner",
    preferredSkills: "",
    certificates: ["VCA", "heftruckcertificaat"],
    otherCertificates: "EHBO",
    licences: ["B", "BE"],
    hoursMin: "24",
    hoursMax: "36",
    shifts: ["dag", "avond"],
    contractType: "werkervaringsplaats",
    wageIndication: "€ 14 per uur",
    placeName: "lelystad",
    maxDistanceKm: "30",
    startDate: inDays(14),
    expiresOn: inDays(60),
    positions: "2",
    supportOffered: ["buddy", "flexibele_start"],
    ...overrides,
  };
}

type ActionJson = {
  result?: { status?: string; error?: Record<string, string[] | null> };
  warnings?: { rule: string; field: string; match: string }[];
  checked?: boolean;
};

let employer: Member;
let employerCookie: string;
let otherCookie: string;
let unverified: Member;
let unverifiedCookie: string;
let suspendedCookie: string;
let coachCookie: string;
let adminCookie: string;

beforeAll(async () => {
  employer = await createMember(t.db, { role: "employer_owner", isOrgAdmin: true });
  employerCookie = await cookieFor(t.db, employer.user.id, employer.membership.id);
  const other = await createMember(t.db, { role: "employer_owner" });
  otherCookie = await cookieFor(t.db, other.user.id, other.membership.id);
  unverified = await createMember(t.db, {
    role: "employer_owner",
    organisation: { verificationStatus: "unverified", verifiedAt: null },
  });
  unverifiedCookie = await cookieFor(t.db, unverified.user.id, unverified.membership.id);
  const suspended = await createMember(t.db, { role: "employer_owner", organisation: { verificationStatus: "suspended" } });
  suspendedCookie = await cookieFor(t.db, suspended.user.id, suspended.membership.id);
  const coach = await createMember(t.db, { role: "coach" });
  coachCookie = await cookieFor(t.db, coach.user.id, coach.membership.id);
  const admin = await createMember(t.db, { role: "platform_admin" });
  adminCookie = await cookieFor(t.db, admin.user.id, admin.membership.id);
});

async function rowCounts() {
  const [v] = await t.db.select({ n: count() }).from(vacancies);
  const [a] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.objectType, "vacancy"));
  const [o] = await t.db.select({ n: count() }).from(searchOutbox);
  return { vacancies: v!.n, audits: a!.n, outbox: o!.n };
}

async function createThroughForm(cookie: string, overrides: Record<string, string | string[]> = {}) {
  const response = await run(newVacancyRoute.action, post("/werkgever/vacatures/nieuw", cookie, validForm(overrides)));
  expect(response.status).toBe(302);
  const id = response.headers.get("location")!.match(/vacatures\/([0-9a-f-]{36})/)![1]!;
  return id;
}

describe("new vacancy form", () => {
  it("saves a valid vacancy as a draft with coordinates, occupation code and one certificate list", async () => {
    const before = await rowCounts();
    const id = await createThroughForm(employerCookie);
    const [row] = await t.db.select().from(vacancies).where(eq(vacancies.id, id));
    expect(row).toMatchObject({
      status: "draft",
      organisationId: employer.organisation.id,
      title: "Orderpicker",
      occupationCode: "wb:orderpicker",
      kind: "work_experience",
      placeName: "Lelystad",
      municipalityCode: "0995",
      requiredSkills: ["orderpicken", "werken met handscanner"],
      preferredSkills: [],
      certificates: ["VCA", "heftruckcertificaat", "EHBO"],
      licences: ["B", "BE"],
      shifts: ["dag", "avond"],
      hoursMin: 24,
      hoursMax: 36,
      positions: 2,
      vogRequired: false,
      vogRiskAreas: [],
      supportOffered: ["buddy", "flexibele_start"],
    });
    expect(row!.lat).toBeCloseTo(52.508, 2);
    expect(await rowCounts()).toEqual({
      vacancies: before.vacancies + 1,
      audits: before.audits + 1,
      outbox: before.outbox + 1,
    });
  });

  const edgeCases: [string, Record<string, string | string[]>, string, RegExp][] = [
    ["hours range reversed", { hoursMin: "40", hoursMax: "20" }, "hoursMax", /minstens zo groot/],
    ["start date in the past", { startDate: inDays(-1) }, "startDate", /verleden/],
    ["expiry date in the past", { expiresOn: inDays(-3) }, "expiresOn", /verleden/],
    ["VOG areas without VOG required", { vogRiskAreas: ["geld", "personen"] }, "vogRiskAreas", /geen VOG/],
    ["VOG required without areas", { vogRequired: "on" }, "vogRiskAreas", /minstens één risicogebied/],
    ["unknown place", { placeName: "Lelystat" }, "placeName", /kennen de plaats "Lelystat" niet\. Bedoelt u: Lelystad/],
    ["unknown place without anything close", { placeName: "Qwxzyv" }, "placeName", /Controleer de spelling/],
    ["positions < 1", { positions: "0" }, "positions", /1 tot en met/],
    ["positions not a number", { positions: "twee" }, "positions", /1 tot en met/],
    ["over-long title", { title: "a".repeat(121) }, "title", /hoogstens 120/],
    ["over-long description", { description: "b".repeat(5001) }, "description", /hoogstens 5000/],
    ["over-long skill line", { requiredSkills: "c".repeat(81) }, "requiredSkills", /hoogstens 80/],
    ["too many skill lines", { requiredSkills: Array.from({ length: 26 }, (_, i) => `vaardigheid ${i}`).join("\n") }, "requiredSkills", /te veel regels/],
    ["hours above 60", { hoursMax: "61" }, "hoursMax", /van 1 tot en met 60/],
    ["distance 0", { maxDistanceKm: "0" }, "maxDistanceKm", /1 tot en met 300/],
    ["not a real date", { startDate: "2027-02-30" }, "startDate", /geldige datum/],
    ["unknown sector", { sector: "mijnbouw" }, "sector", /Kies een sector/],
    ["unknown licence", { licences: ["B", "Z"] }, "licences", /mogelijkheden/],
    ["missing title", { title: "" }, "title", /Vul de functie in/],
    ["missing description", { description: "  " }, "description", /omschrijving/],
  ];

  it.each(edgeCases)("%s → 400 with a field error, nothing saved", async (_name, overrides, field, message) => {
    const before = await rowCounts();
    const response = await run(newVacancyRoute.action, post("/werkgever/vacatures/nieuw", employerCookie, validForm(overrides)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ActionJson;
    expect(body.result?.error?.[field]?.join(" ")).toMatch(message);
    expect(await rowCounts()).toEqual(before);
  });

  it("reports several problems at once", async () => {
    const response = await run(
      newVacancyRoute.action,
      post("/werkgever/vacatures/nieuw", employerCookie, validForm({ title: "", placeName: "Lelystat", positions: "0" })),
    );
    expect(response.status).toBe(400);
    const errors = ((await response.json()) as ActionJson).result!.error!;
    expect(Object.keys(errors).filter((k) => errors[k]?.length).sort()).toEqual(["placeName", "positions", "title"]);
  });

  it("keeps markup as plain text: stored as typed, rendered escaped", async () => {
    const description = 'Je werkt <b>hard</b>. <script>window.hacked = true</script><img src=x onerror="alert(1)">';
    const id = await createThroughForm(employerCookie, { description, title: "Inpakker <i>nacht</i>" });
    const [row] = await t.db.select().from(vacancies).where(eq(vacancies.id, id));
    expect(row!.description).toBe(description);
    const html = renderToStaticMarkup(createElement(VacancyDetails, { vacancy: row as unknown as VacancyDetailsData }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;window.hacked = true&lt;/script&gt;");
  });

  it("checks the wording without saving anything (preview) and never blocks saving", async () => {
    const before = await rowCounts();
    const text = "Wij zoeken een jong team-lid, max 30 jaar, met een blanco strafblad.";
    const response = await run(
      newVacancyRoute.action,
      post("/werkgever/vacatures/nieuw", employerCookie, validForm({ intent: "preview", description: text })),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as ActionJson;
    expect(body.checked).toBe(true);
    expect([...new Set(body.warnings!.map((w) => w.rule))].sort()).toEqual(["age", "record_phrase", "vog_not_ticked"]);
    expect(await rowCounts()).toEqual(before);

    // Saving the same text works, and the page shows the same tips after saving.
    const id = await createThroughForm(employerCookie, { description: text });
    const page = await run(vacancyRoute.loader, get(`/werkgever/vacatures/${id}`, employerCookie), { vacancyId: id });
    const data = (await page.json()) as { warnings: { rule: string }[] };
    expect([...new Set(data.warnings.map((w) => w.rule))].sort()).toEqual(["age", "record_phrase", "vog_not_ticked"]);
  });
});

describe("vacancy page: edit and lifecycle", () => {
  it("edits, publishes, pauses, resumes, fills and closes through the page's intents", async () => {
    const id = await createThroughForm(employerCookie, { positions: "2" });
    const path = `/werkgever/vacatures/${id}`;
    const page = await run(vacancyRoute.loader, get(path, employerCookie), { vacancyId: id });
    const { version } = (await page.json()) as { version: string };

    const update = await run(
      vacancyRoute.action,
      post(path, employerCookie, validForm({ intent: "update", version, title: "Heftruckchauffeur", vogRequired: "on", vogRiskAreas: ["goederen"] })),
      { vacancyId: id },
    );
    expect(update.status).toBe(302);
    expect(update.headers.get("location")).toBe(`${path}?gedaan=updated`);
    // The same (now stale) version again is refused.
    const stale = await run(vacancyRoute.action, post(path, employerCookie, validForm({ intent: "update", version })), { vacancyId: id });
    expect(stale.status).toBe(409);

    const step = async (fields: Record<string, string>, expectedStatus: number) => {
      const response = await run(vacancyRoute.action, post(path, employerCookie, fields), { vacancyId: id });
      expect(response.status, JSON.stringify(fields)).toBe(expectedStatus);
      return response;
    };
    await step({ intent: "publish", from: "draft" }, 302);
    await step({ intent: "publish", from: "draft" }, 409);
    await step({ intent: "pause", from: "open" }, 302);
    await step({ intent: "resume", from: "paused" }, 302);
    await step({ intent: "fill", count: "3" }, 400);
    await step({ intent: "fill", count: "1" }, 302);
    const last = await step({ intent: "fill", count: "1" }, 302);
    expect(last.headers.get("location")).toBe(`${path}?gedaan=filled`);
    await step({ intent: "close", from: "filled", reason: "other" }, 409);
    await step({ intent: "explode" }, 400);

    const [row] = await t.db.select().from(vacancies).where(eq(vacancies.id, id));
    expect(row).toMatchObject({ status: "filled", title: "Heftruckchauffeur", vogRequired: true, vogRiskAreas: ["goederen"], positionsFilled: 2 });
    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, "vacancy"), eq(auditLog.objectId, id)))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual([
      "vacancy.created",
      "vacancy.updated",
      "vacancy.published",
      "vacancy.paused",
      "vacancy.resumed",
      "vacancy.positions_filled",
      "vacancy.positions_filled",
      "vacancy.filled",
    ]);
    const [outbox] = await t.db.select({ n: count() }).from(searchOutbox).where(eq(searchOutbox.entityId, id));
    expect(outbox!.n).toBe(7);
  });

  it("lets an unverified employer save a draft, and refuses publishing with a plain message", async () => {
    const id = await createThroughForm(unverifiedCookie);
    const response = await run(
      vacancyRoute.action,
      post(`/werkgever/vacatures/${id}`, unverifiedCookie, { intent: "publish", from: "draft" }),
      { vacancyId: id },
    );
    expect(response.status).toBe(403);
    const body = (await response.json()) as ActionJson;
    expect(body.result?.error?.[""]?.[0]).toMatch(/nog niet gecontroleerd/);
    const [row] = await t.db.select({ status: vacancies.status }).from(vacancies).where(eq(vacancies.id, id));
    expect(row!.status).toBe("draft");
  });

  it("gives a suspended employer a 403 on every vacancy page", async () => {
    for (const fn of [listRoute.loader, newVacancyRoute.loader, newVacancyRoute.action]) {
      const response = await run(fn, fn === newVacancyRoute.action ? post("/werkgever/vacatures/nieuw", suspendedCookie, validForm()) : get("/werkgever/vacatures", suspendedCookie));
      expect(response.status).toBe(403);
    }
  });

  it("answers another employer's vacancy with 404, for the page and every form", async () => {
    const id = await createThroughForm(employerCookie);
    const path = `/werkgever/vacatures/${id}`;
    expect((await run(vacancyRoute.loader, get(path, otherCookie), { vacancyId: id })).status).toBe(404);
    for (const fields of [
      validForm({ intent: "update" }),
      { intent: "publish", from: "draft" },
      { intent: "close", from: "draft" },
      { intent: "fill", count: "1" },
    ]) {
      const response = await run(vacancyRoute.action, post(path, otherCookie, fields), { vacancyId: id });
      expect(response.status).toBe(404);
    }
    expect((await run(vacancyRoute.loader, get("/werkgever/vacatures/nope", employerCookie), { vacancyId: "nope" })).status).toBe(404);
    const list = (await (await run(listRoute.loader, get("/werkgever/vacatures", otherCookie))).json()) as { vacancies: { id: string }[] };
    expect(list.vacancies.map((v) => v.id)).not.toContain(id);
    const [row] = await t.db.select({ status: vacancies.status }).from(vacancies).where(eq(vacancies.id, id));
    expect(row!.status).toBe("draft");
  });
});

describe("browsing open vacancies", () => {
  it("shows coaches open vacancies only, and admins every vacancy", async () => {
    const open = await createVacancy(t.db, { organisationId: employer.organisation.id, status: "open", sector: "groen", title: "Hovenier" });
    const draft = await createVacancy(t.db, { organisationId: employer.organisation.id, status: "draft", sector: "groen", title: "Hovenier concept" });
    const coachList = (await (await run(browseRoute.loader, get("/vacatures?sector=groen", coachCookie))).json()) as {
      vacancies: { id: string }[];
    };
    expect(coachList.vacancies.map((v) => v.id)).toEqual([open.id]);
    expect((await run(readRoute.loader, get(`/vacatures/${draft.id}`, coachCookie), { vacancyId: draft.id })).status).toBe(404);
    expect((await run(readRoute.loader, get(`/vacatures/${open.id}`, coachCookie), { vacancyId: open.id })).status).toBe(200);
    expect((await run(readRoute.loader, get(`/vacatures/${draft.id}`, adminCookie), { vacancyId: draft.id })).status).toBe(200);
    const adminList = (await (await run(browseRoute.loader, get("/vacatures?sector=groen&stap=draft", adminCookie))).json()) as {
      vacancies: { id: string }[];
    };
    expect(adminList.vacancies.map((v) => v.id)).toEqual([draft.id]);
  });

  it("filters by place and radius, and answers an unknown place with suggestions", async () => {
    const zwolle = await createVacancy(t.db, {
      organisationId: employer.organisation.id,
      status: "open",
      sector: "productie",
      placeName: "Zwolle",
      municipalityCode: "0193",
      lat: 52.5125,
      lon: 6.09444,
    });
    const lelystad = await createVacancy(t.db, { organisationId: employer.organisation.id, status: "open", sector: "productie" });
    const near = (await (await run(browseRoute.loader, get("/vacatures?sector=productie&plaats=Kampen&straal=20", coachCookie))).json()) as {
      vacancies: { id: string; distanceKm: number }[];
      placeError: string | null;
    };
    expect(near.placeError).toBeNull();
    expect(near.vacancies.map((v) => v.id)).toEqual([zwolle.id]);
    const unknown = (await (await run(browseRoute.loader, get("/vacatures?sector=productie&plaats=Zwole", coachCookie))).json()) as {
      vacancies: { id: string }[];
      placeError: string | null;
    };
    expect(unknown.placeError).toMatch(/Bedoelt u: Zwolle/);
    // Without a usable place the other filters still apply.
    expect(unknown.vacancies.map((v) => v.id).sort()).toEqual([zwolle.id, lelystad.id].sort());
    const badRadius = (await (await run(browseRoute.loader, get("/vacatures?plaats=Zwolle&straal=9999", coachCookie))).json()) as {
      radiusError: string | null;
      filters: { straal: string };
    };
    expect(badRadius.radiusError).toMatch(/1 tot en met 300/);
    expect(badRadius.filters.straal).toBe("25");
  });
});

describe("employer dashboard", () => {
  it("lists open vacancies with proposal counts", async () => {
    const member = await createMember(t.db, { role: "employer_owner" });
    const cookie = await cookieFor(t.db, member.user.id, member.membership.id);
    const open = await createVacancy(t.db, { organisationId: member.organisation.id, status: "open", sector: "logistiek" });
    const data = (await (await run(homeRoute.loader, get("/werkgever", cookie))).json()) as {
      openVacancies: { id: string; proposals: Record<string, number> }[];
    };
    expect(data.openVacancies).toEqual([
      expect.objectContaining({ id: open.id, proposals: { proposed: 0, interested: 0, meeting_planned: 0, offer_made: 0, placed: 0 } }),
    ]);
  });
});

describe("organisation profile", () => {
  const profileForm = (overrides: Record<string, string> = {}) => ({
    name: "Proef Groen B.V.",
    kvkNumber: "12345678",
    sector: "groen",
    size: "10-49",
    address: "Tuinweg 1, 8200 AA",
    placeName: "dronten",
    contactName: "Sanne de Vries",
    contactEmail: "Sanne@Proef.example",
    contactPhone: "0320 123 456",
    fairChanceStatement: "Bij ons telt wat je kunt.",
    ...overrides,
  });

  it("saves the profile of an unverified employer with coordinates from the gazetteer", async () => {
    const response = await run(profileRoute.action, post("/werkgever/organisatie", unverifiedCookie, profileForm()));
    expect(response.status).toBe(200);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, unverified.organisation.id));
    expect(org).toMatchObject({
      name: "Proef Groen B.V.",
      kvkNumber: "12345678",
      sector: "groen",
      size: "10-49",
      placeName: "Dronten",
      municipalityCode: "0303",
      contactEmail: "sanne@proef.example",
      fairChanceStatement: "Bij ons telt wat je kunt.",
    });
    expect(org!.lat).toBeCloseTo(52.525, 2);
    const [entry] = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, "organisation.profile_updated"), eq(auditLog.objectId, unverified.organisation.id)));
    expect((entry!.details as { changed: string[] }).changed).toEqual(expect.arrayContaining(["name", "kvkNumber", "placeName", "lat"]));
    expect(JSON.stringify(entry!.details)).not.toContain("Sanne");
  });

  it.each([
    ["a KvK number of 7 digits", { kvkNumber: "1234567" }, "kvkNumber", /precies 8 cijfers/],
    ["letters in the KvK number", { kvkNumber: "1234567a" }, "kvkNumber", /precies 8 cijfers/],
    ["an unknown place", { placeName: "Drontn" }, "placeName", /Bedoelt u: Dronten/],
    ["an invalid email", { contactEmail: "sanne@" }, "contactEmail", /klopt niet/],
    ["an unknown size", { size: "enorm" }, "size", /aantal medewerkers/],
    ["a very long statement", { fairChanceStatement: "x".repeat(1001) }, "fairChanceStatement", /hoogstens 1000/],
  ])("refuses %s with a field error", async (_name, overrides, field, message) => {
    const response = await run(profileRoute.action, post("/werkgever/organisatie", unverifiedCookie, profileForm(overrides)));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ActionJson;
    expect(body.result?.error?.[field]?.join(" ")).toMatch(message);
  });

  it("accepts a KvK number written with spaces or dots", async () => {
    const response = await run(profileRoute.action, post("/werkgever/organisatie", unverifiedCookie, profileForm({ kvkNumber: "1234 5679" })));
    expect(response.status).toBe(200);
    const [org] = await t.db.select({ kvk: organisations.kvkNumber }).from(organisations).where(eq(organisations.id, unverified.organisation.id));
    expect(org!.kvk).toBe("12345679");
  });

  it("refuses a KvK number another organisation has", async () => {
    const response = await run(
      profileRoute.action,
      post("/werkgever/organisatie", unverifiedCookie, profileForm({ kvkNumber: employer.organisation.kvkNumber! })),
    );
    expect(response.status).toBe(409);
    expect(((await response.json()) as ActionJson).result?.error?.kvkNumber?.[0]).toMatch(/andere organisatie/);
  });

  it("keeps name and KvK number as verified once the organisation is verified", async () => {
    const response = await run(
      profileRoute.action,
      post("/werkgever/organisatie", employerCookie, profileForm({ name: "Andere Naam B.V.", kvkNumber: "87654321" })),
    );
    expect(response.status).toBe(200);
    const [org] = await t.db.select().from(organisations).where(eq(organisations.id, employer.organisation.id));
    expect(org).toMatchObject({ name: employer.organisation.name, kvkNumber: employer.organisation.kvkNumber, sector: "groen" });
    const page = (await (await run(profileRoute.loader, get("/werkgever/organisatie", employerCookie))).json()) as { locked: boolean };
    expect(page.locked).toBe(true);
  });

  it("shows wording tips for the fair-chance statement", async () => {
    await run(
      profileRoute.action,
      post("/werkgever/organisatie", employerCookie, profileForm({ fairChanceStatement: "Wij zoeken mensen met een blanco strafblad." })),
    );
    const page = (await (await run(profileRoute.loader, get("/werkgever/organisatie", employerCookie))).json()) as {
      warnings: { rule: string }[];
    };
    expect(page.warnings.map((w) => w.rule)).toEqual(["record_phrase"]);
  });
});

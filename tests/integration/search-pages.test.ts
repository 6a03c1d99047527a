import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, notifications, sharedVacancies } from "#db/schema";
import { EmbeddedSearchEngine, createEmbeddedEngine } from "#search/embedded";
import { SearchEngineError, type BaseDocument, type IndexName, type SearchParams, type SearchResult } from "#search/engine";
import { getSearchRuntime, setSearchRuntime, startSearch, type SearchRuntime } from "#search/runtime.server";
import * as coachCandidateRoute from "~/routes/coach+/matches.kandidaat.$candidateId";
import * as coachVacancyRoute from "~/routes/coach+/matches.vacature.$vacancyId";
import * as candidateRoute from "~/routes/kandidaat+/vacatures";
import * as searchRoute from "~/routes/werkgever+/zoeken";
import * as suggestionsRoute from "~/routes/werkgever+/suggesties.$vacancyId";
import { useTestDatabase } from "#tests/support/db";
import { createCandidate, createMember, createUser, createVacancy, type Member } from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";
import { getRequest, postRequest, run } from "#tests/support/routes";

/*
 * The search and match pages through their loaders and actions, on a real database and the
 * embedded engine: filters, facets, sort and pagination; scoping per role; the database
 * fallback when the engine fails; and no identity or coach-only field in any employer response.
 */

const t = useTestDatabase();

const isoInDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const LELYSTAD = { regionName: "Lelystad", regionMunicipalityCode: "0995", lat: 52.50833, lon: 5.475 };
const ALMERE_BUITEN = { regionName: "Almere Buiten", regionMunicipalityCode: "0034", lat: 52.395, lon: 5.27639 };
const ZWOLLE = { regionName: "Zwolle", regionMunicipalityCode: "0193", lat: 52.5125, lon: 6.09444 };

type World = Awaited<ReturnType<typeof buildWorld>>;
let w: World;

const experience = (title: string, sector: string, months: number, duringDetention = false) => ({
  title,
  sector,
  months,
  duringDetention,
  verified: duringDetention,
});

async function buildWorld() {
  const db = t.db;
  const employer = await createMember(db, { role: "employer_owner", isOrgAdmin: true });
  const otherEmployer = await createMember(db, { role: "employer_owner" });
  const unverified = await createMember(db, {
    role: "employer_owner",
    organisation: { verificationStatus: "unverified", verifiedAt: null },
  });
  const coach = await createMember(db, { role: "coach" });
  const colleague = await createMember(db, { role: "coach", organisation: coach.organisation });
  const otherCoach = await createMember(db, { role: "coach" });
  const candidateUser = await createUser(db);
  const c = (m: Member) => ({ user: m.user, organisation: m.organisation });

  const forklift = await createCandidate(db, {
    candidate: { userId: candidateUser.id },
    coach: c(coach),
    identity: { firstName: "Zwaantje", lastName: "Geheimnaam", phone: "0612398765", email: "zwaantje@geheim.test", address: "Verstopstraat 9, Lelystad", dateOfBirth: "1987-02-03" },
    profile: {
      ...LELYSTAD,
      headline: "Ervaren chauffeur in het magazijn",
      sectors: ["logistiek"],
      occupationCodes: ["wb:heftruckchauffeur"],
      skills: ["heftruck rijden", "orderpicken"],
      certificates: [{ name: "VCA", verified: true }, { name: "heftruckcertificaat", verified: true }],
      licences: ["B"],
      experience: [experience("Vorkheftruckchauffeur", "logistiek", 24)],
      hoursMin: 32,
      hoursMax: 40,
      travelKm: 30,
      availableDuringDetentionFrom: isoInDays(10),
      availableAfterReleaseFrom: isoInDays(70),
    },
    constraints: { vogRiskAreas: ["geld"], areaBanMunicipalityCodes: ["0034"], leaveHourLimits: "Niet na 20.00 uur" },
  });
  const picker = await createCandidate(db, {
    coach: c(colleague),
    profile: {
      ...ALMERE_BUITEN,
      headline: "Orderpicker die graag doorpakt",
      sectors: ["logistiek"],
      occupationCodes: ["wb:orderpicker"],
      skills: ["orderpicken", "scannen"],
      certificates: [],
      licences: [],
      experience: [experience("Orderpicker in de werkzaal", "logistiek", 12, true)],
      hoursMin: 24,
      hoursMax: 40,
      travelKm: 25,
      availableDuringDetentionFrom: null,
      availableAfterReleaseFrom: isoInDays(20),
    },
  });
  const welder = await createCandidate(db, {
    coach: c(otherCoach),
    profile: {
      ...ZWOLLE,
      headline: "Lasser met groot rijbewijs",
      sectors: ["techniek"],
      occupationCodes: ["wb:lasser"],
      skills: ["mig-lassen", "tekening lezen"],
      certificates: [{ name: "lasdiploma", verified: false }],
      licences: ["B", "C"],
      experience: [experience("Lasser", "techniek", 36)],
      hoursMin: 36,
      hoursMax: 40,
      travelKm: 40,
      availableDuringDetentionFrom: null,
      availableAfterReleaseFrom: isoInDays(5),
    },
  });
  const cleaner = await createCandidate(db, {
    coach: c(coach),
    profile: {
      ...LELYSTAD,
      headline: "Schoonmaker, nauwkeurig en op tijd",
      sectors: ["schoonmaak"],
      occupationCodes: ["wb:schoonmaker"],
      skills: ["schoonmaken"],
      certificates: [],
      licences: [],
      experience: [experience("Schoonmaker", "schoonmaak", 8)],
      hoursMin: 16,
      hoursMax: 24,
      travelKm: 15,
      availableDuringDetentionFrom: null,
      availableAfterReleaseFrom: isoInDays(150),
    },
  });
  // A draft profile never shows up anywhere.
  const draft = await createCandidate(db, {
    candidate: { status: "profile_draft" },
    coach: c(coach),
    profile: { ...LELYSTAD, headline: "Concept magazijnmedewerker", sectors: ["logistiek"], experience: [experience("Magazijnmedewerker", "logistiek", 6)] },
  });
  // Enough warehouse workers to page through.
  const warehouse = [];
  for (let i = 0; i < 12; i++) {
    warehouse.push(
      await createCandidate(db, {
        coach: c(colleague),
        profile: {
          ...LELYSTAD,
          lat: LELYSTAD.lat + i * 0.01,
          headline: `Magazijnmedewerker ${i + 1}`,
          sectors: ["logistiek"],
          occupationCodes: ["wb:magazijnmedewerker"],
          skills: ["inpakken"],
          certificates: [],
          licences: [],
          experience: [experience("Magazijnmedewerker", "logistiek", 6 + i)],
          hoursMin: 24,
          hoursMax: 40,
          travelKm: 40,
          availableDuringDetentionFrom: null,
          availableAfterReleaseFrom: isoInDays(30),
        },
      }),
    );
  }
  const ownVacancy = await createVacancy(db, {
    organisationId: employer.organisation.id,
    title: "Heftruckchauffeur",
    occupationCode: "wb:heftruckchauffeur",
    sector: "logistiek",
    requiredSkills: ["heftruck rijden"],
    preferredSkills: [],
    certificates: ["VCA"],
    licences: [],
    hoursMin: 32,
    hoursMax: 40,
    placeName: "Lelystad",
    municipalityCode: "0995",
    lat: LELYSTAD.lat,
    lon: LELYSTAD.lon,
    maxDistanceKm: 25,
    startDate: isoInDays(30),
  });
  const almereVacancy = await createVacancy(db, {
    organisationId: otherEmployer.organisation.id,
    title: "Heftruckchauffeur",
    occupationCode: "wb:heftruckchauffeur",
    sector: "logistiek",
    requiredSkills: [],
    preferredSkills: [],
    certificates: [],
    licences: [],
    hoursMin: 32,
    hoursMax: 40,
    placeName: "Almere Buiten",
    municipalityCode: "0034",
    lat: ALMERE_BUITEN.lat,
    lon: ALMERE_BUITEN.lon,
    maxDistanceKm: 30,
    startDate: isoInDays(30),
  });
  const moneyVacancy = await createVacancy(db, {
    organisationId: otherEmployer.organisation.id,
    title: "Heftruckchauffeur kassa-depot",
    occupationCode: "wb:heftruckchauffeur",
    sector: "logistiek",
    requiredSkills: [],
    preferredSkills: [],
    certificates: [],
    licences: [],
    hoursMin: 32,
    hoursMax: 40,
    placeName: "Lelystad",
    municipalityCode: "0995",
    lat: LELYSTAD.lat,
    lon: LELYSTAD.lon,
    maxDistanceKm: 25,
    startDate: isoInDays(30),
    vogRequired: true,
    vogRiskAreas: ["geld"],
  });
  const cookie = (m: Member) => cookieFor(db, m.user.id, m.membership.id);
  return {
    employer,
    otherEmployer,
    coach,
    colleague,
    otherCoach,
    forklift,
    picker,
    welder,
    cleaner,
    draft,
    warehouse,
    ownVacancy,
    almereVacancy,
    moneyVacancy,
    cookies: {
      employer: await cookie(employer),
      otherEmployer: await cookie(otherEmployer),
      unverified: await cookie(unverified),
      coach: await cookie(coach),
      colleague: await cookie(colleague),
      otherCoach: await cookie(otherCoach),
      candidate: await cookieFor(db, candidateUser.id, null),
    },
  };
}

beforeAll(async () => {
  w = await buildWorld();
  await startSearch(t.db, createEmbeddedEngine());
});

afterAll(() => setSearchRuntime(undefined));

type SearchData = Awaited<ReturnType<Awaited<ReturnType<typeof searchRoute.loader>>["json"]>>;

async function search(query: string, cookie = w.cookies.employer) {
  const response = await run(searchRoute.loader as never, getRequest(`/werkgever/zoeken${query}`, { cookie }));
  expect(response.status).toBe(200);
  const text = await response.text();
  return { data: JSON.parse(text) as SearchData, text };
}

const codes = (data: SearchData) => data.hits.map((h) => h.code);

describe("employer search (loader)", () => {
  it("finds by free text with Dutch synonyms, compounds and a typo", async () => {
    const { data } = await search("?q=heftruck");
    expect(codes(data)[0]).toBe(w.forklift.candidate.publicCode);
    const typo = await search("?q=heftruk");
    expect(codes(typo.data)).toContain(w.forklift.candidate.publicCode);
    const warehouse = await search("?q=magazijn");
    expect(warehouse.data.total).toBeGreaterThanOrEqual(12);
    expect(codes(warehouse.data)).not.toContain(w.draft.candidate.publicCode);
  });

  it("filters by sector, licence, certificate, hours, availability month and detention work", async () => {
    expect(codes((await search("?sector=techniek")).data)).toEqual([w.welder.candidate.publicCode]);
    expect(codes((await search("?rijbewijs=C")).data)).toEqual([w.welder.candidate.publicCode]);
    expect(codes((await search("?certificaat=heftruckcertificaat")).data)).toEqual([w.forklift.candidate.publicCode]);
    expect(codes((await search("?uren=20")).data)).toEqual([w.cleaner.candidate.publicCode]);
    expect(codes((await search("?detentie=1")).data)).toEqual([w.picker.candidate.publicCode]);
    const month = isoInDays(40).slice(0, 7);
    expect(codes((await search(`?beschikbaar=${month}&sector=techniek`)).data)).toEqual([w.welder.candidate.publicCode]);
    expect((await search(`?beschikbaar=${month}&sector=schoonmaak`)).data.total).toBe(0);
    expect((await search(`?beschikbaar=${isoInDays(200).slice(0, 7)}&sector=schoonmaak`)).data.total).toBe(1);
    // Within a facet the choices add up (OR); across facets they narrow (AND).
    const two = (await search("?sector=techniek&sector=schoonmaak")).data;
    expect(codes(two).sort()).toEqual([w.welder.candidate.publicCode, w.cleaner.candidate.publicCode].sort());
    expect((await search("?sector=techniek&rijbewijs=CE")).data.total).toBe(0);
  });

  it("returns facet counts for the current result set", async () => {
    const { data } = await search("");
    expect(data.facets).not.toBeNull();
    const sectors = Object.fromEntries(data.facets!.sectors.map((s) => [s.value, s.count]));
    expect(sectors).toMatchObject({ logistiek: 14, techniek: 1, schoonmaak: 1 });
    expect(data.facets!.detention).toBe(1);
    expect(data.facets!.licences.find((l) => l.value === "C")?.count).toBe(1);
    expect(data.facets!.months.length).toBeGreaterThan(0);
    expect(data.facets!.months[0]!.label).toMatch(/^[a-z]+ \d{4}$/);
  });

  it("measures distance from a place or the employer's own vacancy, and sorts by it", async () => {
    const near = (await search("?plaats=Lelystad&km=10&sorteer=afstand")).data;
    expect(near.origin?.label).toBe("Lelystad");
    expect(codes(near)).not.toContain(w.picker.candidate.publicCode); // Almere Buiten, ~18 km
    expect(codes(near)).not.toContain(w.welder.candidate.publicCode); // Zwolle
    const distances = near.hits.map((h) => h.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect((await search("?plaats=Lelystad&km=10&detentie=1")).data.total).toBe(0);
    const wider = (await search("?plaats=lelystad&km=25&detentie=1")).data;
    expect(codes(wider)).toEqual([w.picker.candidate.publicCode]);
    expect(wider.hits[0]!.distanceKm).toBeGreaterThan(15);

    const fromVacancy = (await search(`?vacature=${w.ownVacancy.id}&sorteer=afstand`)).data;
    expect(fromVacancy.origin).toMatchObject({ km: 25 });
    const forklift = fromVacancy.hits.find((h) => h.code === w.forklift.candidate.publicCode)!;
    const kinds = forklift.explanation.map((e) => `${e.kind}:${e.text}`);
    expect(kinds).toContain("meets:Heeft de certificaten die nodig zijn: VCA.");
    expect(kinds.some((k) => k.startsWith("meets:Heeft gewerkt als Vorkheftruckchauffeur (24 maanden)"))).toBe(true);
    const cleaner = fromVacancy.hits.find((h) => h.code === w.cleaner.candidate.publicCode)!;
    expect(cleaner.explanation.filter((e) => e.kind === "missing").map((e) => e.text)).toEqual(
      expect.arrayContaining(["Mist een certificaat: VCA.", "Nog te leren: heftruck rijden."]),
    );

    // Another employer's vacancy is never an origin (and says nothing about it).
    const foreign = (await search(`?vacature=${w.almereVacancy.id}`)).data;
    expect(foreign.origin).toBeNull();
    expect(foreign.notices.map((n) => n.text).join(" ")).toContain("hoort niet bij uw organisatie");
  });

  it("suggests places for a misspelt one and searches without distance", async () => {
    const { data } = await search("?plaats=Lelystd");
    expect(data.origin).toBeNull();
    expect(data.placeSuggestions).toContain("Lelystad");
  });

  it("pages through results without overlap", async () => {
    const first = (await search("?q=magazijnmedewerker")).data;
    expect(first.hits).toHaveLength(10);
    expect(first.pageCount).toBeGreaterThanOrEqual(2);
    const second = (await search("?q=magazijnmedewerker&pagina=2")).data;
    expect(second.page).toBe(2);
    expect(second.hits.length).toBeGreaterThan(0);
    expect(codes(second).filter((c) => codes(first).includes(c))).toEqual([]);
    const beyond = (await search("?q=magazijnmedewerker&pagina=40")).data;
    expect(beyond.hits).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it("explains every hit in plain Dutch with the month only", async () => {
    const { data } = await search("?q=lasser&rijbewijs=C");
    const hit = data.hits[0]!;
    expect(hit.explanation.map((e) => e.text)).toEqual(
      expect.arrayContaining(["Heeft gewerkt als Lasser (36 maanden).", "Heeft het rijbewijs dat nodig is: C."]),
    );
    expect(hit.explanation.some((e) => /^Kan beginnen vanaf [a-z]+ \d{4}\.$/.test(e.text))).toBe(true);
    expect(hit.availableLabel).toMatch(/^[a-z]+ \d{4}$/);
    for (const h of (await search("")).data.hits) expect(h.explanation.length).toBeGreaterThan(0);
  });

  it("turns bad parameters into defaults instead of an error", async () => {
    const { data } = await search(
      "?pagina=abc&uren=999&sector=ruimtevaart&sector=bouw&beschikbaar=2027-13&sorteer=x&vacature=niet-een-id&km=-5&rijbewijs=Z&detentie=misschien",
    );
    expect(data.state).toMatchObject({ pagina: 1, sector: ["bouw"], sorteer: "relevantie", rijbewijs: [], detentie: false });
    expect(data.state.uren).toBeUndefined();
    expect(data.state.beschikbaar).toBeUndefined();
    expect(data.state.vacature).toBeUndefined();
    expect(data.state.km).toBeUndefined();
  });
});

describe("scoping", () => {
  it("refuses unverified employers and other roles", async () => {
    for (const cookie of [w.cookies.unverified, w.cookies.coach, w.cookies.candidate]) {
      expect((await run(searchRoute.loader as never, getRequest("/werkgever/zoeken", { cookie }))).status).toBe(403);
      const request = getRequest(`/werkgever/suggesties/${w.ownVacancy.id}`, { cookie });
      expect((await run(suggestionsRoute.loader as never, request, { vacancyId: w.ownVacancy.id })).status).toBe(403);
    }
  });

  it("gives suggestions only for the employer's own vacancies", async () => {
    const own = await run(
      suggestionsRoute.loader as never,
      getRequest(`/werkgever/suggesties/${w.ownVacancy.id}`, { cookie: w.cookies.employer }),
      { vacancyId: w.ownVacancy.id },
    );
    expect(own.status).toBe(200);
    const data = (await own.json()) as { suggestions: Array<{ code: string; explanation: Array<{ kind: string; text: string }> }> };
    expect(data.suggestions[0]?.code).toBe(w.forklift.candidate.publicCode);
    // The cleaner lacks VCA: a hard constraint, so never suggested.
    expect(data.suggestions.map((s) => s.code)).not.toContain(w.cleaner.candidate.publicCode);
    for (const s of data.suggestions) expect(s.explanation.every((e) => e.kind !== "hidden")).toBe(true);

    for (const id of [w.almereVacancy.id, crypto.randomUUID(), "geen-id"]) {
      const response = await run(
        suggestionsRoute.loader as never,
        getRequest(`/werkgever/suggesties/${id}`, { cookie: w.cookies.employer }),
        { vacancyId: id },
      );
      expect(response.status).toBe(404);
    }
  });

  it("shows a coach only candidates of their own organisation for a vacancy", async () => {
    const load = async (cookie: string, vacancyId: string) =>
      run(coachVacancyRoute.loader as never, getRequest(`/coach/matches/vacature/${vacancyId}`, { cookie }), { vacancyId });
    const response = await load(w.cookies.coach, w.ownVacancy.id);
    expect(response.status).toBe(200);
    const data = (await response.json()) as { hits: Array<{ candidateId: string; mine: boolean; explanation: Array<{ kind: string }> }> };
    const ids = data.hits.map((h) => h.candidateId);
    expect(ids).toContain(w.forklift.candidate.id);
    expect(ids).not.toContain(w.welder.candidate.id);
    expect(data.hits.find((h) => h.candidateId === w.forklift.candidate.id)!.mine).toBe(true);
    expect(data.hits[0]!.explanation.some((e) => e.kind === "hidden")).toBe(true);
    // The other organisation's coach sees their own candidates only.
    const other = (await (await load(w.cookies.otherCoach, w.ownVacancy.id)).json()) as { hits: Array<{ candidateId: string }> };
    expect(other.hits.map((h) => h.candidateId)).not.toContain(w.forklift.candidate.id);
    // Showing names is an identity read: audited per candidate.
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "candidate.identity_read"), eq(auditLog.objectId, w.forklift.candidate.id)));
    expect(audits.some((a) => (a.details as { view?: string }).view === "coach.matches")).toBe(true);
    expect((await load(w.cookies.coach, crypto.randomUUID())).status).toBe(404);
  });

  it("lets a coach see vacancies for candidates of their organisation only, with hidden constraints applied", async () => {
    const load = (cookie: string, candidateId: string) =>
      run(coachCandidateRoute.loader as never, getRequest(`/coach/matches/kandidaat/${candidateId}`, { cookie }), { candidateId });
    const response = await load(w.cookies.coach, w.forklift.candidate.id);
    expect(response.status).toBe(200);
    const data = (await response.json()) as {
      candidate: { canShare: boolean; hidden: { vogRiskAreas: string[]; areaBans: string[]; leaveHourLimits: string } };
      hits: Array<{ id: string; explanation: Array<{ kind: string; text: string }> }>;
    };
    expect(data.candidate.canShare).toBe(true);
    expect(data.candidate.hidden).toEqual({ vogRiskAreas: ["geld"], areaBans: ["Almere"], leaveHourLimits: "Niet na 20.00 uur" });
    const ids = data.hits.map((h) => h.id);
    expect(ids).toContain(w.ownVacancy.id);
    expect(ids).not.toContain(w.almereVacancy.id); // area ban
    expect(ids).not.toContain(w.moneyVacancy.id); // VOG risk area
    const hidden = data.hits[0]!.explanation.filter((e) => e.kind === "hidden").map((e) => e.text);
    expect(hidden.join(" ")).toContain("Niet na 20.00 uur");

    expect((await load(w.cookies.otherCoach, w.forklift.candidate.id)).status).toBe(404);
    const colleague = (await (await load(w.cookies.colleague, w.forklift.candidate.id)).json()) as typeof data;
    expect(colleague.candidate.canShare).toBe(false);
  });
});

describe("sharing a vacancy with a candidate", () => {
  const share = (cookie: string, candidateId: string, fields: Record<string, string>) =>
    run(
      coachCandidateRoute.action as never,
      postRequest(`/coach/matches/kandidaat/${candidateId}`, { intent: "share", ...fields }, { cookie }),
      { candidateId },
    );

  it("writes the share, an audit row and a notification, and the candidate sees it explained", async () => {
    const response = await share(w.cookies.coach, w.forklift.candidate.id, { vacancyId: w.ownVacancy.id, note: "Dit lijkt me wat voor jou!" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: "shared" });
    const rows = await t.db.select().from(sharedVacancies).where(eq(sharedVacancies.candidateId, w.forklift.candidate.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ vacancyId: w.ownVacancy.id, sharedByUserId: w.coach.user.id });
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "vacancy.shared"), eq(auditLog.result, "ok")));
    expect(audits.map((a) => a.objectId)).toContain(w.forklift.candidate.id);
    const userId = w.forklift.candidate.userId!;
    expect((await t.db.select().from(notifications).where(eq(notifications.userId, userId))).map((n) => n.kind)).toContain("vacancy.shared");
    expect((await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, "notification"))).length).toBeGreaterThan(0);

    const again = await share(w.cookies.coach, w.forklift.candidate.id, { vacancyId: w.ownVacancy.id });
    expect(await again.json()).toMatchObject({ outcome: "already_shared" });

    const page = await run(candidateRoute.loader as never, getRequest("/kandidaat/vacatures", { cookie: w.cookies.candidate }));
    expect(page.status).toBe(200);
    const data = (await page.json()) as { vacancies: Array<{ id: string; note: string; open: boolean; explanation: Array<{ kind: string; text: string }> }> };
    expect(data.vacancies).toHaveLength(1);
    expect(data.vacancies[0]).toMatchObject({ id: w.ownVacancy.id, note: "Dit lijkt me wat voor jou!", open: true });
    const texts = data.vacancies[0]!.explanation.map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(["Heeft de certificaten die nodig zijn: VCA."]));
    // The candidate never sees the hidden constraints.
    expect(data.vacancies[0]!.explanation.every((e) => e.kind !== "hidden")).toBe(true);
  });

  it("refuses what the hidden constraints rule out, and colleagues and bad input", async () => {
    const banned = await share(w.cookies.coach, w.forklift.candidate.id, { vacancyId: w.almereVacancy.id });
    expect(banned.status).toBe(409);
    const rows = await t.db
      .select()
      .from(sharedVacancies)
      .where(and(eq(sharedVacancies.candidateId, w.forklift.candidate.id), eq(sharedVacancies.vacancyId, w.almereVacancy.id)));
    expect(rows).toEqual([]);
    expect((await share(w.cookies.colleague, w.forklift.candidate.id, { vacancyId: w.ownVacancy.id })).status).toBe(404);
    expect((await share(w.cookies.otherCoach, w.forklift.candidate.id, { vacancyId: w.ownVacancy.id })).status).toBe(404);
    expect((await share(w.cookies.coach, w.forklift.candidate.id, { vacancyId: "x" })).status).toBe(400);
    expect((await share(w.cookies.coach, w.forklift.candidate.id, { vacancyId: crypto.randomUUID() })).status).toBe(404);
    const employer = await share(w.cookies.employer, w.forklift.candidate.id, { vacancyId: w.ownVacancy.id });
    expect(employer.status).toBe(403);
  });
});

/** The embedded engine, with every search failing as an unreachable server (or a bug) would. */
class BrokenEngine extends EmbeddedSearchEngine {
  constructor(private readonly failure: Error) {
    super();
  }
  override async search<D extends BaseDocument>(_index: IndexName, _params: SearchParams): Promise<SearchResult<D>> {
    throw this.failure;
  }
}

describe("when the engine fails", () => {
  let working: SearchRuntime;
  beforeAll(() => {
    working = getSearchRuntime();
  });
  afterAll(() => setSearchRuntime(working));

  for (const failure of [new SearchEngineError("verbinding geweigerd", "unavailable"), new SearchEngineError("te traag", "timeout"), new Error("onverwacht")]) {
    it(`answers from the database with a notice (${failure.message})`, async () => {
      setSearchRuntime({ ...working, engine: new BrokenEngine(failure) });
      const { data } = await search("?rijbewijs=C");
      expect(data.fallback).toBe(true);
      expect(data.facets).toBeNull();
      expect(data.notices[0]).toMatchObject({ tone: "warning" });
      expect(data.notices[0]!.text).toContain("eenvoudige lijst uit de database");
      expect(codes(data)).toEqual([w.welder.candidate.publicCode]);
      expect(data.hits[0]!.explanation.map((e) => e.text)).toContain("Heeft het rijbewijs dat nodig is: C.");
    });
  }

  it("keeps filters, text, distance and paging in the fallback", async () => {
    setSearchRuntime({ ...working, engine: new BrokenEngine(new SearchEngineError("weg", "unavailable")) });
    expect(codes((await search("?q=lasser")).data)).toEqual([w.welder.candidate.publicCode]);
    expect(codes((await search("?detentie=1")).data)).toEqual([w.picker.candidate.publicCode]);
    expect(codes((await search("?certificaat=VCA")).data)).toEqual([w.forklift.candidate.publicCode]);
    expect(codes((await search("?uren=20")).data)).toEqual([w.cleaner.candidate.publicCode]);
    const near = (await search("?plaats=Lelystad&km=10&sorteer=afstand")).data;
    expect(codes(near)).not.toContain(w.picker.candidate.publicCode);
    const distances = near.hits.map((h) => h.distanceKm!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const first = (await search("?q=magazijnmedewerker")).data;
    const second = (await search("?q=magazijnmedewerker&pagina=2")).data;
    expect(first.total).toBeGreaterThanOrEqual(12);
    expect(first.hits).toHaveLength(10);
    expect(codes(second).filter((c) => codes(first).includes(c))).toEqual([]);
    expect(codes(first)).not.toContain(w.draft.candidate.publicCode);
  });

  it("still gives suggestions, coach matches and shared vacancies with hard constraints", async () => {
    setSearchRuntime({ ...working, engine: new BrokenEngine(new SearchEngineError("weg", "unavailable")) });
    const suggestions = await run(
      suggestionsRoute.loader as never,
      getRequest(`/werkgever/suggesties/${w.ownVacancy.id}`, { cookie: w.cookies.employer }),
      { vacancyId: w.ownVacancy.id },
    );
    const s = (await suggestions.json()) as { fallback: boolean; suggestions: Array<{ code: string; explanation: unknown[] }> };
    expect(s.fallback).toBe(true);
    expect(s.suggestions[0]?.code).toBe(w.forklift.candidate.publicCode);
    expect(s.suggestions.map((x) => x.code)).not.toContain(w.cleaner.candidate.publicCode);
    expect(s.suggestions[0]!.explanation.length).toBeGreaterThan(0);

    const coachPage = await run(
      coachCandidateRoute.loader as never,
      getRequest(`/coach/matches/kandidaat/${w.forklift.candidate.id}`, { cookie: w.cookies.coach }),
      { candidateId: w.forklift.candidate.id },
    );
    const c = (await coachPage.json()) as { fallback: boolean; hits: Array<{ id: string }> };
    expect(c.fallback).toBe(true);
    const ids = c.hits.map((h) => h.id);
    expect(ids).toContain(w.ownVacancy.id);
    expect(ids).not.toContain(w.almereVacancy.id);
    expect(ids).not.toContain(w.moneyVacancy.id);

    const coachVacancy = await run(
      coachVacancyRoute.loader as never,
      getRequest(`/coach/matches/vacature/${w.ownVacancy.id}`, { cookie: w.cookies.coach }),
      { vacancyId: w.ownVacancy.id },
    );
    const v = (await coachVacancy.json()) as { fallback: boolean; hits: Array<{ candidateId: string }> };
    expect(v.fallback).toBe(true);
    expect(v.hits.map((h) => h.candidateId)).toContain(w.forklift.candidate.id);
    expect(v.hits.map((h) => h.candidateId)).not.toContain(w.welder.candidate.id);

    const mine = await run(candidateRoute.loader as never, getRequest("/kandidaat/vacatures", { cookie: w.cookies.candidate }));
    expect(mine.status).toBe(200);
  });
});

describe("privacy of employer responses", () => {
  it("never carries identity, ids, coordinates, exact dates or coach-only fields", async () => {
    const bodies: string[] = [];
    const queries = ["", "?q=heftruck", "?plaats=Lelystad&sorteer=afstand", `?vacature=${w.ownVacancy.id}`, "?q=magazijn&pagina=2"];
    for (const q of queries) bodies.push((await search(q)).text);
    const suggestions = await run(
      suggestionsRoute.loader as never,
      getRequest(`/werkgever/suggesties/${w.ownVacancy.id}`, { cookie: w.cookies.employer }),
      { vacancyId: w.ownVacancy.id },
    );
    bodies.push(await suggestions.text());
    // …also from the database fallback.
    const working = getSearchRuntime();
    setSearchRuntime({ ...working, engine: new BrokenEngine(new SearchEngineError("weg", "unavailable")) });
    try {
      for (const q of queries) bodies.push((await search(q)).text);
      const fallback = await run(
        suggestionsRoute.loader as never,
        getRequest(`/werkgever/suggesties/${w.ownVacancy.id}`, { cookie: w.cookies.employer }),
        { vacancyId: w.ownVacancy.id },
      );
      bodies.push(await fallback.text());
    } finally {
      setSearchRuntime(working);
    }
    const people = [w.forklift, w.picker, w.welder, w.cleaner, ...w.warehouse];
    const forbidden = [
      ...people.flatMap((p) => [p.candidate.id, p.identity.firstName + " " + p.identity.lastName, p.identity.lastName, p.identity.phone!, p.identity.email!, p.identity.address!, p.identity.dateOfBirth]),
      w.forklift.profile.availableDuringDetentionFrom!,
      w.forklift.profile.availableAfterReleaseFrom!,
      w.coach.user.id,
      w.coach.organisation.id,
      "Niet na 20.00 uur",
    ];
    const forbiddenKeys = ["coachingOrganisationId", "coachUserId", "vogExpected", "vogRiskAreas", "areaBanMunicipalityCodes", "_geo", "\"lat\"", "\"lng\"", "availableFromDay"];
    for (const body of bodies) {
      for (const value of forbidden) expect(body).not.toContain(value);
      for (const key of forbiddenKeys) expect(body).not.toContain(key);
      expect(body).not.toMatch(/"kind":"hidden"/);
    }
  });
});

import path from "node:path";
import { readConfig } from "@remix-run/dev/dist/config.js";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEmbeddedEngine } from "#search/embedded";
import { getSearchRuntime, setSearchRuntime, startSearch } from "#search/runtime.server";
import { consents, offers, organisations, proposals } from "#db/schema";
import { candidatesProfileRoutes } from "~/auth/access/candidates-profile";
import { CLIENT_IP_HEADER } from "~/domain/audit.server";
import { useTestDatabase } from "#tests/support/db";
import { createCandidate, createMember, createOrganisation, createUser, createVacancy } from "#tests/support/factories";
import { type Caller, memberCaller } from "#tests/support/profile-world";

/*
 * PII canary. Candidates whose identity carries unique canary strings (names, phone, email,
 * address, date of birth, prison, detention and release dates, their account's name and
 * email) sit in every state, in other tenants, with proposals, offers and a consent for
 * ANOTHER employer. Then a verified employer, an unverified employer and an anonymous visitor
 * request every page and data route of the app, the way a browser does: through the Remix
 * request handler (server-rendered HTML with every loader of the match, and `?_data=` for
 * each route of the match), with every route parameter filled with the canaries' ids and
 * codes and other tenants' ids, and also POST every action. No response body may contain a
 * canary.
 *
 * A positive control proves the detector works: the canary's own coach does see the name.
 */

const t = useTestDatabase();

const CANARIES = {
  firstName: "Kanariefirst",
  lastName: "Kanarielastqz",
  phone: "0698765412",
  email: "kanarie.mail.qz@pii-canary.test",
  address: "Kanariestraat 77, 9999 QZ Kanariedorp",
  prisonName: "PI Kanarieberg",
  prisonOrganisation: "Penitentiaire Inrichting Kanarienest",
  accountName: "Kanarieaccount Naamqz",
  accountEmail: "kanarie.account.qz@pii-canary.test",
  dateOfBirth: "1983-11-29",
  detentionStart: "2019-02-13",
  releaseDate: "2031-04-19",
};

/** Strings that must never appear, in the forms they could take on a page. */
const NEEDLES = [
  CANARIES.firstName,
  CANARIES.lastName,
  CANARIES.phone,
  "06-98765412",
  "98765412",
  CANARIES.email,
  "kanarie.mail.qz",
  "Kanariestraat",
  "Kanariedorp",
  "9999 QZ",
  "Kanarieberg",
  "Kanarienest",
  "Kanarieaccount",
  "Naamqz",
  "kanarie.account.qz",
  CANARIES.dateOfBirth,
  "29-11-1983",
  "29 november 1983",
  CANARIES.detentionStart,
  "13-02-2019",
  "13 februari 2019",
  CANARIES.releaseDate,
  "19-04-2031",
  "19 april 2031",
].map((n) => n.toLowerCase());

type Who = "employer" | "employer_unverified" | "anonymous";
let callers: Record<Who, Caller | null>;
let coachCaller: Caller;
let build: ServerBuild;
let handler: ReturnType<typeof createRequestHandler>;
let routeList: { id: string; path: string }[] = [];
const pool: string[] = [];
const codes: string[] = [];
let publishedCode = "";
let publishedCandidateId = "";
const importFailures: string[] = [];

async function assembleBuild(): Promise<ServerBuild> {
  const config = await readConfig(process.cwd());
  const serverRoutes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  for (const route of Object.values(config.routes)) {
    let module: Record<string, unknown>;
    try {
      module = (await import(/* @vite-ignore */ path.join(config.appDirectory, route.file))) as Record<string, unknown>;
    } catch (error) {
      importFailures.push(`${route.id}: ${String(error)}`);
      continue;
    }
    const base = { id: route.id, parentId: route.parentId, path: route.path, index: route.index, caseSensitive: route.caseSensitive };
    serverRoutes[route.id] = { ...base, module: module as never };
    assetRoutes[route.id] = {
      ...base,
      module: `/build/${route.id}.js`,
      imports: [],
      hasAction: typeof module.action === "function",
      hasLoader: typeof module.loader === "function",
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: typeof module.ErrorBoundary === "function",
    };
  }
  const entry = (await import("~/entry.server")) as unknown as ServerBuild["entry"]["module"];
  return {
    mode: "production",
    entry: { module: entry },
    routes: serverRoutes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assetRoutes, url: "/build/manifest.js", version: "canary" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: config.future as ServerBuild["future"],
    isSpaMode: false,
  };
}

function fullPath(routes: ServerBuild["routes"], id: string): string {
  const route = routes[id]!;
  const parent = route.parentId && route.parentId !== "root" ? fullPath(routes, route.parentId) : "";
  return [parent, route.path ?? ""].filter(Boolean).join("/");
}

beforeAll(async () => {
  const db = t.db;
  // Tenants: the canaries' prison and coaching organisation, and two employers.
  const prison = await createOrganisation(db, { kind: "prison", name: CANARIES.prisonOrganisation });
  const coach = await createMember(db, { role: "coach" });
  const employer = await createMember(db, { role: "employer_owner", isOrgAdmin: true });
  const otherEmployer = await createMember(db, { role: "employer_owner" });
  const unverified = await createMember(db, {
    role: "employer_owner",
    isOrgAdmin: true,
    organisation: { verificationStatus: "unverified", verifiedAt: null },
  });
  await createMember(db, { role: "platform_admin" });
  const ownVacancy = await createVacancy(db, { organisationId: employer.organisation.id });
  const otherVacancy = await createVacancy(db, { organisationId: otherEmployer.organisation.id });

  const statuses = ["published", "awaiting_approval", "profile_draft", "intake", "nominated", "paused", "placed", "withdrawn"] as const;
  for (const [i, status] of statuses.entries()) {
    const account = await createUser(db, {
      name: `${CANARIES.accountName} ${i}`,
      email: `${i}.${CANARIES.accountEmail}`,
    });
    const c = await createCandidate(db, {
      candidate: { status, userId: account.id, releaseDate: CANARIES.releaseDate, nominatedOn: "2024-01-10" },
      coach: { user: coach.user, organisation: coach.organisation },
      prison,
      identity: {
        firstName: CANARIES.firstName,
        lastName: `${CANARIES.lastName}${"abcdefgh"[i]}`,
        dateOfBirth: CANARIES.dateOfBirth,
        phone: CANARIES.phone,
        email: CANARIES.email,
        address: CANARIES.address,
        prisonName: CANARIES.prisonName,
        detentionStart: CANARIES.detentionStart,
        detentionEnd: CANARIES.releaseDate,
      },
      constraints: { vogRiskAreas: ["geld"], areaBanMunicipalityCodes: ["0034"], leaveHourLimits: "tot 18:00" },
      profile: { availableAfterReleaseFrom: CANARIES.releaseDate },
    });
    pool.push(c.candidate.id, account.id);
    codes.push(c.candidate.publicCode);
    if (status === "published") {
      publishedCode = c.candidate.publicCode;
      publishedCandidateId = c.candidate.id;
    }
    // A proposal from the employer (no consent for it) and one from another employer (with
    // consent and an offer: for that employer only).
    if (["published", "placed", "paused"].includes(status)) {
      const [own] = await db
        .insert(proposals)
        .values({ candidateId: c.candidate.id, vacancyId: ownVacancy.id, status: "interested", proposedByUserId: coach.user.id })
        .returning();
      const [theirs] = await db
        .insert(proposals)
        .values({ candidateId: c.candidate.id, vacancyId: otherVacancy.id, status: "offer_made", proposedByUserId: coach.user.id })
        .returning();
      const [offer] = await db
        .insert(offers)
        .values({ proposalId: theirs!.id, startDate: "2031-05-01", hoursPerWeek: 32, contractType: "tijdelijk" })
        .returning();
      const [consent] = await db
        .insert(consents)
        .values({ candidateId: c.candidate.id, organisationId: otherEmployer.organisation.id, proposalId: theirs!.id, offerId: offer!.id })
        .returning();
      pool.push(own!.id, theirs!.id, offer!.id, consent!.id);
    }
  }
  pool.push(
    prison.id,
    coach.organisation.id,
    coach.user.id,
    otherEmployer.organisation.id,
    otherEmployer.user.id,
    otherVacancy.id,
    ownVacancy.id,
    employer.organisation.id,
    crypto.randomUUID(),
  );
  const [anyOrg] = await db.select({ id: organisations.id }).from(organisations).limit(1);
  pool.push(anyOrg!.id);

  callers = {
    employer: await memberCaller(db, employer),
    employer_unverified: await memberCaller(db, unverified),
    anonymous: null,
  };
  coachCaller = await memberCaller(db, coach);

  // The employer search and suggestions go through the real (embedded) engine, loaded from
  // the database like at start-up, so the walk covers the index path and not just the fallback.
  await startSearch(db, createEmbeddedEngine());

  build = await assembleBuild();
  handler = createRequestHandler(build, "production");
  routeList = Object.keys(build.routes).map((id) => ({ id, path: `/${fullPath(build.routes, id)}` }));
}, 120_000);

function request(url: string, who: Caller | null, init: RequestInit = {}) {
  const headers = new Headers({ "user-agent": "pii-canary", host: "localhost", origin: "http://localhost", [CLIENT_IP_HEADER]: "198.51.100.7" });
  if (who) headers.set("cookie", who.cookie);
  return new Request(`http://localhost${url}`, { ...init, headers });
}

/** Every way to fill a route's parameters: the id pool, the public codes, and nonsense. */
function fills(routePath: string): string[] {
  const names = [...routePath.matchAll(/:(\w+)\??/g)].map((m) => m[1]!);
  const splat = routePath.endsWith("/*");
  if (names.length === 0) return [splat ? routePath.replace(/\*$/, "x") : routePath];
  const values = (name: string) =>
    name.toLowerCase().includes("token") ? ["a".repeat(32)] : [...pool, ...codes, "WB-ZZZZZZ", "x"];
  const urls: string[] = [];
  const first = values(names[0]!);
  for (const v of first) {
    // Further parameters: the same value, and each id of the pool (bounded).
    const rest = names.slice(1);
    const variants = rest.length === 0 ? [[]] : [rest.map(() => v), ...pool.slice(0, 12).map((p) => rest.map(() => p))];
    for (const variant of variants) {
      let i = 0;
      const all = [v, ...variant];
      urls.push(routePath.replace(/:(\w+)\??/g, () => encodeURIComponent(all[i++]!)).replace(/\*$/, "x"));
    }
  }
  return [...new Set(urls)];
}

/** The route ids of the match for a URL, for its `?_data=` requests. */
function matchIds(url: string): string[] {
  const segments = url.split("?")[0]!.split("/").filter(Boolean);
  const parents = new Set(Object.values(build.routes).map((r) => r.parentId));
  const ids = new Set<string>(["root"]);
  for (const r of routeList) {
    const parts = r.path.split("/").filter(Boolean);
    if (parts.length > segments.length) continue;
    const matches = parts.every((p, i) => p.startsWith(":") || p === "*" || p === segments[i]);
    // A layout matches a prefix; a page only the whole URL.
    if (matches && (parts.length === segments.length || parents.has(r.id))) ids.add(r.id);
  }
  return [...ids];
}

type Leak = { who: Who; method: string; url: string; status: number; needle: string };

async function check(who: Who, method: string, url: string, init: RequestInit, leaks: Leak[], statuses: Map<string, number>) {
  const response = await handler(request(url, callers[who], { method, ...init }));
  const text = (await response.text()).toLowerCase();
  statuses.set(`${who} ${method} ${url}`, response.status);
  for (const needle of NEEDLES) {
    if (text.includes(needle)) leaks.push({ who, method, url, status: response.status, needle });
  }
  return { status: response.status, text };
}

afterAll(() => setSearchRuntime(undefined));

describe("PII canary", () => {
  it("no canary in any search index document", async () => {
    const { engine } = getSearchRuntime();
    const candidates = await engine.search("candidates", { limit: 1000 });
    const vacancies = await engine.search("vacancies", { limit: 1000 });
    // The published canary candidates are in the index: the check is not empty.
    expect(candidates.hits.map((h) => h.code)).toContain(publishedCode);
    const text = JSON.stringify([candidates.hits, vacancies.hits]).toLowerCase();
    for (const needle of NEEDLES) expect(text, needle).not.toContain(needle);
  });

  it("the detector works: the canary's own coach does see the name", async () => {
    const response = await handler(request(`/coach/kandidaten/${publishedCandidateId}/profiel`, coachCaller));
    expect(response.status).toBe(200);
    expect((await response.text()).toLowerCase()).toContain(CANARIES.firstName.toLowerCase());
  });

  it("the verified employer really sees the anonymised profile (the walk is not empty)", async () => {
    const response = await handler(request(`/werkgever/profielen/${publishedCode}`, callers.employer));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(publishedCode);
    expect(html).toContain("Orderpicker met heftruckcertificaat");
    const data = await handler(request(`/werkgever/profielen/${publishedCode}?_data=${encodeURIComponent("routes/werkgever+/profielen.$code")}`, callers.employer));
    expect(data.status).toBe(200);
    expect(((await data.json()) as { profile: { code: string } }).profile.code).toBe(publishedCode);
  });

  it(
    "no canary in any page, data response or action response for employers and anonymous visitors",
    async () => {
      expect(importFailures).toEqual([]);
      // Errors of unfinished routes elsewhere are reported, not thrown: this test is about leaks.
      const errors: string[] = [];
      vi.mocked(console.error).mockImplementation((...args: unknown[]) => {
        errors.push(args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === "object" ? JSON.stringify(a) : String(a))).join(" ").slice(0, 400));
      });
      const leaks: Leak[] = [];
      const statuses = new Map<string, number>();
      let requests = 0;
      for (const who of ["employer", "employer_unverified", "anonymous"] as const) {
        for (const route of routeList) {
          if (route.id.endsWith("/logout")) continue;
          const module = build.routes[route.id]!.module as { loader?: unknown; action?: unknown };
          for (const url of fills(route.path)) {
            await check(who, "GET", url, {}, leaks, statuses);
            requests++;
            for (const id of matchIds(url)) {
              await check(who, "GET", `${url}${url.includes("?") ? "&" : "?"}_data=${encodeURIComponent(id)}`, {}, leaks, statuses);
              requests++;
            }
            if (module.action) {
              await check(who, "POST", `${url}?_data=${encodeURIComponent(route.id)}`, { body: new FormData() }, leaks, statuses);
              const form = new FormData();
              form.set("intent", "x");
              for (const value of [...pool.slice(0, 3), ...codes.slice(0, 1)]) {
                form.append("candidateId", value);
                form.append("proposalId", value);
              }
              await check(who, "POST", url, { body: form }, leaks, statuses);
              requests += 2;
            }
          }
        }
        // Lazy route discovery's manifest endpoint.
        await check(who, "GET", `/__manifest?version=canary&p=${encodeURIComponent(`/werkgever/profielen/${publishedCode}`)}`, {}, leaks, statuses);
      }
      // Sanity: the walk reached the anonymised profile and the app's pages.
      expect(requests).toBeGreaterThan(500);
      expect(statuses.get(`employer GET /werkgever/profielen/${publishedCode}`)).toBe(200);
      expect(leaks.slice(0, 20)).toEqual([]);

      // My routes must not fail with a server error on any of these requests.
      const mine = [...statuses.entries()].filter(
        ([key, status]) =>
          status >= 500 &&
          Object.keys(candidatesProfileRoutes).some((id) => {
            const p = routeList.find((r) => r.id === id)?.path.split("/:")[0];
            return p && key.split(" ")[2]!.startsWith(p);
          }),
      );
      if (mine.length) console.warn(errors.slice(0, 3).join("\n"));
      expect(mine).toEqual([]);
      const serverErrors = [...statuses.entries()].filter(([, s]) => s >= 500).map(([k, s]) => `${s} ${k}`);
      if (serverErrors.length) {
        console.warn(`pii-canary: ${serverErrors.length} server errors elsewhere (not leaks):\n${serverErrors.slice(0, 15).join("\n")}\n${errors.slice(0, 5).join("\n")}`);
      }
    },
    600_000,
  );
});

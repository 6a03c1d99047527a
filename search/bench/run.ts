import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { eq, sql } from "drizzle-orm";
import { openDatabase, type Database } from "#db/client.server";
import { candidateProfiles, searchOutbox } from "#db/schema";
import { SESSION_COOKIE } from "~/auth/session.server";
import { CURATED_PLACES } from "~/domain/geo/curated-places";
import { runEmployerSearch } from "~/domain/search/employer-search.server";
import { explainMatch } from "~/domain/search/explanation";
import { fallbackCandidatesForVacancy } from "~/domain/search/fallback.server";
import { parseEmployerSearch, toSearchParams, PAGE_SIZE, type EmployerSearchState } from "~/domain/search/url-state";
import { curatedOccupations } from "~/domain/taxonomy/curated";
import { loadTaxonomy, seedCuratedOccupations } from "~/domain/taxonomy/taxonomy.server";
import { SECTORS } from "~/domain/vacancies/options";
import { EMPLOYER_CANDIDATE_ATTRIBUTES, type CandidateDocument, type VacancyDocument } from "../documents";
import { createEmbeddedEngine } from "../embedded";
import { geoSort } from "../engine";
import { percentileNearestRank } from "../eval/metrics";
import { f } from "../filter";
import { matchCandidatesForVacancy } from "../matching";
import { applySearchSettings, setSearchRuntime, startSearchWorker, type SearchRuntime } from "../runtime.server";
import { loadAllIntoEngine, resolverOf } from "../sync.server";
import { createRandom, seedBenchWorld, type Random } from "./world";

/*
 * `npm run bench`: a synthetic world in a fresh embedded database (PGlite in a temp dir), then
 * - reindex: every public document from the database into a new embedded index;
 * - match: vacancy → top 20 candidates with explanations (the employer's suggestions), in-process;
 * - search: the employer search as the page asks it (free text + filters + facets + page);
 * - baseline: the same matches as the plain SQL query of the database fallback;
 * - sync lag: commit (profile change + outbox row) → searchable, through the outbox worker;
 * - HTTP: the BUILT app (`node server.js` on the seeded data dir) under 16 connections on
 *   loopback for a bounded time, signed in as a verified employer;
 * - memory: peak RSS of the server process (and of this process).
 */

export type BenchOptions = {
  candidates: number;
  vacancies: number;
  httpSeconds: number;
  build: boolean;
  http: boolean;
  keep: boolean;
  /** Write a CPU profile of the server process under load into this directory (`node --cpu-prof`). */
  serverCpuProf?: string;
  /** Only the HTTP phase, on a data dir an earlier `--keep` run left (it holds `bench-http.json`). */
  httpOnly?: string;
  log: (line: string) => void;
};

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const p = (values: number[], q: number) => (values.length ? round(percentileNearestRank(values, q), 2) : 0);

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

// ---------------------------------------------------------------------------
// Employer search queries, drawn like real use: words (some misspelt), filters, distance, paging

const WORDS = [
  ...new Set(curatedOccupations.flatMap((o) => [o.title, ...o.synonyms.slice(0, 2)]).filter((w) => !w.includes(" "))),
  "heftruck",
  "magazijn",
  "lassen",
  "schoonmaak",
  "chauffeur",
];

function misspell(r: Random, word: string) {
  if (word.length < 6) return word;
  const i = r.int(1, word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

export function randomSearchState(r: Random, ownVacancyIds: string[]): EmployerSearchState {
  const params = new URLSearchParams();
  if (r.chance(0.8)) params.set("q", r.chance(0.15) ? misspell(r, r.pick(WORDS)) : r.pick(WORDS));
  if (r.chance(0.3)) params.append("sector", r.pick(SECTORS));
  if (r.chance(0.2)) params.append("rijbewijs", r.pick(["B", "B", "C", "CE"]));
  if (r.chance(0.15)) params.append("certificaat", r.pick(["VCA", "heftruckcertificaat", "HACCP"]));
  if (r.chance(0.2)) params.set("uren", String(r.pick([16, 24, 32])));
  if (r.chance(0.1)) params.set("detentie", "1");
  if (r.chance(0.15)) params.set("beschikbaar", new Date(Date.now() + r.int(30, 200) * 86_400_000).toISOString().slice(0, 7));
  if (r.chance(0.5)) {
    if (ownVacancyIds.length && r.chance(0.3)) params.set("vacature", r.pick(ownVacancyIds));
    else params.set("plaats", r.pick(CURATED_PLACES).name);
    params.set("km", String(r.pick([10, 25, 40])));
    if (r.chance(0.5)) params.set("sorteer", "afstand");
  }
  if (r.chance(0.2)) params.set("pagina", String(r.int(2, 3)));
  return parseEmployerSearch(params);
}

/** The engine request the search page makes for a state (the loader's query, without the page around it). */
export function engineQuery(state: EmployerSearchState, vacancyPoints: Map<string, { lat: number; lon: number }>) {
  const place =
    (state.vacature ? vacancyPoints.get(state.vacature) : undefined) ??
    (state.plaats ? CURATED_PLACES.find((x) => x.name === state.plaats) : undefined);
  const filter = f.and(
    f.eq("status", "published"),
    state.sector.length ? f.in("sectors", state.sector) : undefined,
    state.rijbewijs.length ? f.all("licences", state.rijbewijs) : undefined,
    state.certificaat.length ? f.all("certificates", state.certificaat) : undefined,
    state.uren !== undefined ? f.and(f.lte("hoursMin", state.uren), f.gte("hoursMax", state.uren)) : undefined,
    state.detentie ? f.eq("hasDetentionExperience", true) : undefined,
    place ? f.geoRadius(place.lat, place.lon, (state.km ?? 25) * 1000) : undefined,
  );
  return {
    ...(state.q ? { q: state.q } : {}),
    filter,
    ...(place && state.sorteer === "afstand" ? { sort: [geoSort(place.lat, place.lon)] } : state.q ? {} : { sort: ["publishedAt:desc"] }),
    facets: ["sectors", "licences", "certificates", "availableFromMonth", "hasDetentionExperience"],
    limit: PAGE_SIZE,
    offset: (state.pagina - 1) * PAGE_SIZE,
    attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES,
  };
}

// ---------------------------------------------------------------------------
// The HTTP run

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function readRssMb(pid: number): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: round(kb("VmRSS") / 1024), peak: round(kb("VmHWM") / 1024) };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/** CPU time (user + system, ms) a process has used so far, from /proc (0 where there is none). */
function readCpuMs(pid: number): number {
  try {
    // the fields after the command name, which is in brackets and may hold spaces
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return (ticks * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return 0;
  }
}
/** Linux reports process times in clock ticks of 1/100 s on every common platform. */
const CLOCK_TICKS_PER_S = 100;

async function waitForHealth(base: string, child: ChildProcess, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`de server stopte (code ${child.exitCode})`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("de server werd niet gezond op tijd");
}

/**
 * The Node flags of `npm run start:prod` (package.json): the bench runs the server as a
 * deployment does. (A heap limit changes how far V8 lets the heap grow before it collects:
 * with the 1 GB of start:prod the server peaked at about 500 MB under load, without a limit,
 * where V8 takes about a quarter of the machine's memory, at 610–660 MB.)
 */
export function productionNodeFlags(packageJson = fs.readFileSync("package.json", "utf8")): string[] {
  const script = (JSON.parse(packageJson) as { scripts?: Record<string, string> }).scripts?.["start:prod"] ?? "";
  const match = /\bnode((?:\s+--\S+)*)\s+(?:\.\/)?server\.js\b/.exec(script);
  if (!match) throw new Error(`start:prod start de server niet met "node … server.js": ${script}`);
  return match[1]!.trim().split(/\s+/).filter(Boolean);
}

async function httpRun(options: {
  dataDir: string;
  token: string;
  urls: string[];
  seconds: number;
  cpuProf?: string;
  log: (l: string) => void;
}) {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const nodeArgs = [
    ...productionNodeFlags(),
    ...(options.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProf}`] : []),
  ];
  const child = spawn(process.execPath, [...nodeArgs, "server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: options.dataDir,
      SEED_DEMO: "off",
      PORT: String(port),
      APP_URL: base,
      SESSION_SECRET: "bench-only-session-secret-0123456789abcdef",
      IN_PROCESS_WORKERS: "on",
      DATABASE_URL: "",
      MEILI_URL: "",
      RESEND_API_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  try {
    const [, bootMs] = await timed(() => waitForHealth(base, child, 300_000));
    options.log(`  server gestart in ${Math.round(bootMs)} ms (pid ${child.pid}, poort ${port})`);
    const booted = readRssMb(child.pid!);
    const headers = { cookie: `${SESSION_COOKIE}=${options.token}` };
    // The page must answer for this employer before we measure it.
    const probe = await fetch(`${base}${options.urls[0]}`, { headers, redirect: "manual" });
    if (probe.status !== 200) throw new Error(`zoekpagina antwoordt ${probe.status}`);
    // Warm-up (JIT, caches), not measured.
    await autocannon({ url: base, connections: 4, amount: 100, headers, requests: options.urls.map((u) => ({ path: u })) });
    const latencies: number[] = [];
    const cpuBefore = readCpuMs(child.pid!);
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        { url: base, connections: 16, duration: options.seconds, headers, requests: options.urls.map((u) => ({ path: u })) },
        (error, value) => (error ? reject(error) : resolve(value)),
      );
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    const memory = readRssMb(child.pid!);
    const cpuMs = readCpuMs(child.pid!) - cpuBefore;
    return {
      // server CPU (all its threads) per request: steadier than requests/s on a shared machine
      cpuMsPerRequest: result.requests.total ? round(cpuMs / result.requests.total, 2) : 0,
      rps: round(result.requests.total / (result.duration || options.seconds)),
      p95: p(latencies, 95),
      p50: p(latencies, 50),
      errors: result.errors + result.timeouts + result.non2xx,
      requests: result.requests.total,
      rssMb: memory.rss,
      peakRssMb: memory.peak,
      bootRssMb: booted.rss,
    };
  } catch (error) {
    options.log(output.split("\n").slice(-20).join("\n"));
    throw error;
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
  }
}

const HTTP_STATE_FILE = "bench-http.json";

function buildApp(log: (line: string) => void) {
  log("npx remix build");
  const build = spawnSync("npx", ["remix", "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("remix build mislukte");
}

/** The HTTP phase's figures in the printed JSON (null without an HTTP phase). */
function httpFigures(http: Awaited<ReturnType<typeof httpRun>> | null) {
  return {
    http_rps: http?.rps ?? null,
    http_p95_ms: http?.p95 ?? null,
    http_p50_ms: http?.p50 ?? null,
    http_cpu_ms_per_request: http?.cpuMsPerRequest ?? null,
    http_requests: http?.requests ?? null,
    http_errors: http?.errors ?? null,
    rss_after_load_mb: http?.rssMb ?? null,
    rss_after_boot_mb: http?.bootRssMb ?? null,
  };
}

/** `--http-only DIR`: the HTTP phase again on a kept world (same session, same URLs). */
export async function runHttpOnly(options: BenchOptions & { httpOnly: string }) {
  const loadStart = os.loadavg()[0]!;
  const state = JSON.parse(fs.readFileSync(path.join(options.httpOnly, HTTP_STATE_FILE), "utf8")) as {
    token: string;
    urls: string[];
  };
  if (options.build) buildApp(options.log);
  const http = await httpRun({
    dataDir: options.httpOnly,
    token: state.token,
    urls: state.urls,
    seconds: options.httpSeconds,
    cpuProf: options.serverCpuProf,
    log: options.log,
  });
  return {
    ...httpFigures(http),
    rss_mb: http.peakRssMb,
    cpus: os.cpus().length,
    load_avg_start: round(loadStart, 2),
    load_avg_end: round(os.loadavg()[0]!, 2),
  };
}

// ---------------------------------------------------------------------------
// The benchmark

export async function runBench(options: BenchOptions) {
  const log = options.log;
  const loadStart = os.loadavg()[0]!;
  const r = createRandom(7);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "werkbrug-bench-"));
  log(`data: ${dataDir}`);
  const handle = await openDatabase({ kind: "pglite", dataDir });
  const db: Database = handle.db;
  let closed = false;
  try {
    await handle.migrate();
    await seedCuratedOccupations(db);
    log(`wereld zaaien: ${options.candidates} kandidaten, ${options.vacancies} vacatures`);
    const [world, seedMs] = await timed(() =>
      seedBenchWorld(db, { candidates: options.candidates, vacancies: options.vacancies, log }),
    );
    log(`  klaar in ${Math.round(seedMs / 1000)} s`);

    // Start-up refreshes the planner's statistics after migrations and bulk loads before it
    // loads the index (app/boot.server.ts); so does the bench after seeding, outside the timing.
    await db.execute(sql`analyze`);

    // Reindex: database → documents → a new embedded index (as start-up and search:reindex do).
    const taxonomy = await loadTaxonomy(db);
    const resolver = resolverOf(taxonomy)!;
    const engine = createEmbeddedEngine();
    await applySearchSettings(engine, taxonomy);
    const [counts, reindexMs] = await timed(() => loadAllIntoEngine(db, engine, { resolver }));
    const docs = counts.candidates + counts.vacancies;
    log(`reindex: ${docs} documenten in ${Math.round(reindexMs)} ms`);
    const runtime: SearchRuntime = { engine, taxonomy, resolver };
    setSearchRuntime(runtime);

    // Match: vacancy → top 20 candidates with explanations, as the employer's suggestions page.
    const sample = r.sample(world.openVacancyIds, Math.min(200, world.openVacancyIds.length));
    const vacancyDocs = (await Promise.all(sample.map((id) => engine.getDocument<VacancyDocument>("vacancies", id)))).filter(
      (d): d is VacancyDocument => d !== null,
    );
    for (const v of vacancyDocs.slice(0, 10)) await matchCandidatesForVacancy(engine, v, { limit: 20, taxonomy });
    const matchMs: number[] = [];
    let matched = 0;
    for (const v of vacancyDocs) {
      const [matches, ms] = await timed(async () => {
        const list = await matchCandidatesForVacancy(engine, v, {
          limit: 20,
          taxonomy,
          attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES,
        });
        for (const m of list) explainMatch(m, "employer");
        return list;
      });
      matched += matches.length;
      matchMs.push(ms);
    }
    log(`match: ${vacancyDocs.length} vacatures, gemiddeld ${round(matched / Math.max(1, vacancyDocs.length))} kandidaten`);

    // Baseline: the same matches as the database fallback's plain SQL.
    const baselineMs: number[] = [];
    for (const v of vacancyDocs.slice(0, 100)) {
      const [, ms] = await timed(() => fallbackCandidatesForVacancy(db, v, { limit: 20, resolver, taxonomy }));
      baselineMs.push(ms);
    }

    // Search: the employer page's engine query, and the whole search step of the loader.
    const vacancyPoints = new Map<string, { lat: number; lon: number }>();
    for (const id of world.employerVacancyIds) {
      const doc = await engine.getDocument<VacancyDocument>("vacancies", id);
      if (doc) vacancyPoints.set(id, { lat: doc._geo.lat, lon: doc._geo.lng });
    }
    const states = Array.from({ length: 300 }, () => randomSearchState(r, [...vacancyPoints.keys()]));
    const query = (s: EmployerSearchState) => engine.search<CandidateDocument>("candidates", engineQuery(s, vacancyPoints));
    for (const s of states.slice(0, 20)) await query(s);
    const searchMs: number[] = [];
    for (const s of states) searchMs.push((await timed(() => query(s)))[1]);
    const loaderMs: number[] = [];
    for (const s of states.slice(0, 150)) {
      loaderMs.push((await timed(() => runEmployerSearch(db, world.employerOrganisationId, s)))[1]);
    }

    // Sync lag: commit a profile change with its outbox row, wait until a search finds it.
    const stopWorker = startSearchWorker({ db, runtime });
    const lagMs: number[] = [];
    const ids = r.sample(world.publishedCandidateIds, 40);
    for (const [i, id] of ids.entries()) {
      const word = `bench${String.fromCharCode(97 + (i % 26))}${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8)}`;
      await db.transaction(async (tx) => {
        await tx.update(candidateProfiles).set({ headline: `Nieuw profiel ${word}` }).where(eq(candidateProfiles.candidateId, id));
        await tx.insert(searchOutbox).values({ indexName: "candidates", entityId: id });
      });
      const t0 = performance.now();
      for (;;) {
        const found = await engine.search("candidates", { q: word, limit: 1, attributesToRetrieve: ["id"], matchingStrategy: "all" });
        if (found.hits[0]?.id === id) break;
        if (performance.now() - t0 > 30_000) throw new Error("sync: wijziging na 30 s nog niet vindbaar");
        await new Promise((res) => setTimeout(res, 5));
      }
      lagMs.push(performance.now() - t0);
      await new Promise((res) => setTimeout(res, r.int(0, 300)));
    }
    await stopWorker();
    const benchMemory = readRssMb(process.pid);
    setSearchRuntime(undefined);
    await handle.close();
    closed = true;

    // HTTP: the built app on the same data.
    let http: Awaited<ReturnType<typeof httpRun>> | null = null;
    if (options.http) {
      if (options.build) buildApp(log);
      const urls = states.slice(0, 24).map((s) => {
        const search = toSearchParams(s).toString();
        return `/werkgever/zoeken${search ? `?${search}` : ""}`;
      });
      log(`http: 16 verbindingen, ${options.httpSeconds} s, ${urls.length} verschillende zoekopdrachten`);
      if (options.keep) fs.writeFileSync(path.join(dataDir, HTTP_STATE_FILE), JSON.stringify({ token: world.sessionToken, urls }));
      http = await httpRun({ dataDir, token: world.sessionToken, urls, seconds: options.httpSeconds, cpuProf: options.serverCpuProf, log });
    }

    return {
      candidates: world.candidateCount,
      published_candidates: world.publishedCount,
      vacancies: world.vacancyCount,
      open_vacancies: world.openVacancyIds.length,
      seed_s: round(seedMs / 1000),
      match_p50_ms: p(matchMs, 50),
      match_p95_ms: p(matchMs, 95),
      search_p95_ms: p(searchMs, 95),
      search_p50_ms: p(searchMs, 50),
      search_loader_p95_ms: p(loaderMs, 95),
      baseline_p95_ms: p(baselineMs, 95),
      reindex_docs_per_s: Math.round(docs / (reindexMs / 1000)),
      sync_lag_p95_ms: p(lagMs, 95),
      sync_lag_p50_ms: p(lagMs, 50),
      ...httpFigures(http),
      rss_mb: http?.peakRssMb ?? benchMemory.peak,
      bench_process_rss_mb: benchMemory.peak,
      // The machine, and how busy it was (other processes share the CPUs).
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0]?.model ?? "",
      load_avg_start: round(loadStart, 2),
      load_avg_end: round(os.loadavg()[0]!, 2),
    };
  } finally {
    if (!closed) await handle.close().catch(() => {});
    if (!options.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

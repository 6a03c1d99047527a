import type { Database } from "#db/client.server";
import { loadTaxonomy } from "~/domain/taxonomy/taxonomy.server";
import type { Taxonomy } from "~/domain/taxonomy/taxonomy";
import { candidateIndexSettings, vacancyIndexSettings, type OccupationResolver } from "./documents";
import { createEmbeddedEngine } from "./embedded";
import type { SearchEngine } from "./engine";
import { MeilisearchEngine } from "./meilisearch";
import { loadAllIntoEngine, processSearchOutbox, resolverOf } from "./sync.server";

/** The process's search engine with the taxonomy it ranks with. */
export type SearchRuntime = {
  engine: SearchEngine;
  taxonomy: Taxonomy;
  resolver: OccupationResolver;
};

const key = "__werkbrugSearch" as const;
type G = typeof globalThis & { [key]?: SearchRuntime };

export function setSearchRuntime(runtime: SearchRuntime | undefined) {
  (globalThis as G)[key] = runtime;
}

export function getSearchRuntime(): SearchRuntime {
  const runtime = (globalThis as G)[key];
  if (!runtime) throw new Error("Search is not started yet (boot() starts it).");
  return runtime;
}

/** Meilisearch when MEILI_URL is set, else the embedded engine. */
export function createSearchEngine(env: { MEILI_URL?: string; MEILI_MASTER_KEY?: string }): SearchEngine {
  return env.MEILI_URL
    ? new MeilisearchEngine({ url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY || undefined })
    : createEmbeddedEngine();
}

/**
 * Applies the index settings (synonyms from the taxonomy) and, for the embedded engine, loads
 * every public document from the database. Meilisearch keeps its documents; the outbox brings
 * it up to date. An unreachable Meilisearch does not stop the app: pages fall back to the
 * database and the settings are applied again by the worker once it answers.
 */
export async function startSearch(db: Database, engine: SearchEngine): Promise<SearchRuntime> {
  const taxonomy = await loadTaxonomy(db);
  const runtime: SearchRuntime = { engine, taxonomy, resolver: resolverOf(taxonomy)! };
  setSearchRuntime(runtime);
  try {
    await applySearchSettings(engine, taxonomy);
    if (engine.kind === "embedded") await loadAllIntoEngine(db, engine, { resolver: runtime.resolver });
  } catch (error) {
    console.warn(`Zoekmachine niet bereikbaar bij de start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return runtime;
}

export async function applySearchSettings(engine: SearchEngine, taxonomy: Taxonomy) {
  const synonyms = taxonomy.engineSynonyms();
  await engine.applySettings("candidates", candidateIndexSettings(synonyms));
  await engine.applySettings("vacancies", vacancyIndexSettings(synonyms));
}

/** Drains the search outbox in a loop; safe in any number of processes. Returns a stop function. */
export function startSearchWorker(options: { db: Database; runtime: SearchRuntime; intervalMs?: number }) {
  const interval = options.intervalMs ?? 250;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = async () => {
    try {
      const result = await processSearchOutbox({
        db: options.db,
        engine: options.runtime.engine,
        resolver: options.runtime.resolver,
      });
      // Keep going at once while there is a backlog.
      if (!stopped) timer = setTimeout(loop, result.claimed > 0 && result.failed === 0 ? 0 : interval);
    } catch (error) {
      console.warn(`Zoek-outbox: ${error instanceof Error ? error.message : String(error)}`);
      if (!stopped) timer = setTimeout(loop, interval * 4);
    }
  };
  const loop = () => {
    running = tick();
  };
  loop();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}

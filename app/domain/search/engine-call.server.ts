import { curatedTaxonomy, type Taxonomy } from "~/domain/taxonomy/taxonomy";
import { SearchEngineError } from "#search/engine";
import { getSearchRuntime, type SearchRuntime } from "#search/runtime.server";

/*
 * Every page that searches goes through `tryEngine`: a call to the engine that can not take a
 * page down. An unreachable engine, a timeout, or any other throw (also "search not started")
 * becomes a `{ ok: false }` the page answers with a notice and the database fallback.
 */

/** Longer than any healthy search; short enough that a hanging engine does not hang a page. */
export const ENGINE_TIMEOUT_MS = 2_500;

export type EngineFailure = "unavailable" | "timeout" | "error";
export type EngineOutcome<T> = { ok: true; value: T } | { ok: false; failure: EngineFailure };

export async function tryEngine<T>(
  what: string,
  call: (runtime: SearchRuntime) => Promise<T>,
  timeoutMs = ENGINE_TIMEOUT_MS,
): Promise<EngineOutcome<T>> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const runtime = getSearchRuntime();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SearchEngineError(`${what}: geen antwoord binnen ${timeoutMs} ms`, "timeout")), timeoutMs);
    });
    const value = await Promise.race([call(runtime), timeout]);
    return { ok: true, value };
  } catch (error) {
    const failure: EngineFailure =
      error instanceof SearchEngineError && (error.code === "unavailable" || error.code === "timeout") ? error.code : "error";
    // A warning, not an error: the page still answers (from the database).
    console.warn(`Zoeken (${what}) valt terug op de database: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, failure };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

let curated: Taxonomy | undefined;

/** The running taxonomy; the curated one when search has not started (fallback pages, tests). */
export function currentTaxonomy(): Taxonomy {
  try {
    return getSearchRuntime().taxonomy;
  } catch {
    curated ??= curatedTaxonomy();
    return curated;
  }
}

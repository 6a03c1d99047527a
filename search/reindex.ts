import type { BaseDocument, IndexName, IndexSettings } from "./engine";
import { MeilisearchEngine, type MeilisearchEngineOptions } from "./meilisearch";

/*
 * `npm run search:reindex` — rebuilding an index.
 *
 * Meilisearch side (this file): `reindexMeilisearch` builds `<index>_<timestamp>`, applies the
 * settings, adds the documents batch by batch, swaps it with the live index in one atomic
 * `POST /swap-indexes`, and deletes the old index. Searches see the old documents until the
 * swap and the new ones after it; if anything fails before the swap, the new index is removed
 * and the live index is untouched.
 *
 * The CLI (`search/reindex-cli.ts`, wired by the lead) reads the documents from the database
 * with the builders of `search/documents.ts` and passes them here as batches (an async
 * generator reading page by page keeps memory flat).
 *
 * Changes committed while a reindex runs: the outbox worker writes them to the live index,
 * which the swap replaces. Re-queue (or re-drain) outbox changes made since the reindex started
 * after it returns; upserts and deletes are idempotent, so replaying them is safe.
 */

export type ReindexMeilisearchOptions<D extends BaseDocument> = {
  /** An engine, or the connection to build one from (`MEILI_URL`, `MEILI_MASTER_KEY`). */
  engine: MeilisearchEngine | MeilisearchEngineOptions;
  index: IndexName;
  settings: IndexSettings;
  /** Batches of documents: an array of arrays or an async generator. */
  documents: Iterable<D[]> | AsyncIterable<D[]>;
  /** Checks each document before it is sent (e.g. the index's zod schema `.parse`). */
  validate?: (doc: D) => D;
  /** Progress lines (the CLI passes `console.info`). */
  log?: (line: string) => void;
};

export type ReindexReport = {
  index: IndexName;
  uid: string;
  temporaryUid: string;
  documents: number;
  ms: number;
  docsPerSecond: number;
};

export async function reindexMeilisearch<D extends BaseDocument>(
  options: ReindexMeilisearchOptions<D>,
): Promise<ReindexReport> {
  const engine = options.engine instanceof MeilisearchEngine ? options.engine : new MeilisearchEngine(options.engine);
  const { validate, log } = options;
  const started = performance.now();
  const source = options.documents;

  async function* batches(): AsyncGenerator<D[]> {
    let sent = 0;
    for await (const batch of source) {
      const checked = validate ? batch.map((doc) => validate(doc)) : batch;
      sent += checked.length;
      log?.(`${options.index}: ${sent} documenten`);
      yield checked;
    }
  }

  log?.(`${options.index}: nieuwe index opbouwen in Meilisearch (${engine.indexUid(options.index)}_<tijdstempel>)`);
  const result = await engine.reindexFrom(options.index, batches(), options.settings);
  const ms = performance.now() - started;
  const report: ReindexReport = {
    index: options.index,
    uid: result.uid,
    temporaryUid: result.temporaryUid,
    documents: result.documents,
    ms: Math.round(ms),
    docsPerSecond: ms > 0 ? Math.round((result.documents / ms) * 1000) : result.documents,
  };
  log?.(
    `${options.index}: ${report.documents} documenten omgewisseld naar ${report.uid} in ${report.ms} ms (${report.docsPerSecond} documenten/s)`,
  );
  return report;
}

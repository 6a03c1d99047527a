import { randomBytes } from "node:crypto";
import { afterAll, describe } from "vitest";
import { runEngineContract } from "./contract";
import { MeilisearchEngine } from "./meilisearch";

/*
 * The engine-agnostic contract suite (search/contract.ts) against a real Meilisearch server.
 * Runs only when MEILI_URL is set (MEILI_MASTER_KEY when the server has one); every run uses
 * its own random index prefix and removes its indexes afterwards. Without MEILI_URL the suite
 * is reported as skipped, with the reason in its name. See docs/guides/meilisearch.md.
 */

const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_MASTER_KEY || undefined;
const SKIP_REASON = "set MEILI_URL to a Meilisearch server to run it";

if (!url) {
  console.info(`Meilisearch live contract skipped: ${SKIP_REASON} (see docs/guides/meilisearch.md).`);
}

describe.skipIf(!url)(
  url ? `Meilisearch live contract (${url})` : `Meilisearch live contract (skipped: ${SKIP_REASON})`,
  () => {
    const indexPrefix = `wb_contract_${Date.now()}_${randomBytes(3).toString("hex")}`;
    const engines: MeilisearchEngine[] = [];

    runEngineContract("meilisearch", () => {
      const engine = new MeilisearchEngine({ url: url!, apiKey, indexPrefix, taskTimeoutMs: 30_000 });
      engines.push(engine);
      return engine;
    });

    afterAll(async () => {
      const engine = engines[0];
      if (!engine) return;
      // Every index of this run, temporaries of a failed reindex included.
      const { results } = await engine.client.getRawIndexes({ limit: 1000 });
      for (const { uid } of results) {
        if (uid.startsWith(`${indexPrefix}_`)) await engine.client.deleteIndex(uid).waitTask({ timeout: 30_000 });
      }
    });
  },
);

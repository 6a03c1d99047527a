// `npm run worker`: the outbox workers as a separate process (PostgreSQL deployments; run as
// many as you like: rows are claimed with FOR UPDATE SKIP LOCKED).
import { openDatabase, setDatabase } from "#db/client.server";
import { createSearchEngine, startSearch } from "#search/runtime.server";
import { env } from "~/env.server";
import { startWorkers } from "~/workers.server";

const config = env();
if (!config.DATABASE_URL) {
  console.error(
    "npm run worker heeft DATABASE_URL (PostgreSQL) nodig. Met de ingebouwde database draaien de workers in het webproces (npm start).",
  );
  process.exit(1);
}
if (!config.MEILI_URL) {
  console.warn("Zonder MEILI_URL werkt deze worker alleen de e-mail bij; de ingebouwde zoekmachine leeft in het webproces.");
}
const handle = await openDatabase({ kind: "postgres", url: config.DATABASE_URL });
setDatabase(handle);
await handle.migrate();
if (config.MEILI_URL) await startSearch(handle.db, createSearchEngine(config));
const stop = await startWorkers({ email: true, search: Boolean(config.MEILI_URL), scheduled: true });
console.log("Werkbrug-workers draaien. Stop met Ctrl+C.");
const shutdown = async () => {
  await stop();
  await handle.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

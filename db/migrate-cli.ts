// `npm run db:migrate`: applies the committed migrations to the configured database.
import { openDatabase } from "./client.server";
import { env } from "../app/env.server";

const config = env();
const handle = config.DATABASE_URL
  ? await openDatabase({ kind: "postgres", url: config.DATABASE_URL, max: 1 })
  : await openDatabase({ kind: "pglite", dataDir: config.DATA_DIR });
await handle.migrate();
console.log(`Migraties uitgevoerd op ${handle.kind === "pglite" ? `PGlite (${config.DATA_DIR})` : "PostgreSQL"}.`);
await handle.close();

// `npm run db:seed`: seeds the demo world into the configured database (as the app opens it:
// DATABASE_URL → PostgreSQL, otherwise PGlite in DATA_DIR). Refused in production.
import { openDatabase } from "#db/client.server";
import { env } from "~/env.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoWorld } from "./demo";

const config = env();
if (config.NODE_ENV === "production") {
  console.error("De demowereld wordt niet geladen in productie (NODE_ENV=production).");
  process.exit(1);
}

const handle = config.DATABASE_URL
  ? await openDatabase({ kind: "postgres", url: config.DATABASE_URL, max: 1 })
  : await openDatabase({ kind: "pglite", dataDir: config.DATA_DIR });
try {
  await handle.migrate();
  const result = await seedDemoWorld(handle.db);
  const where = handle.kind === "pglite" ? `PGlite (${config.DATA_DIR})` : "PostgreSQL";
  if (result.seeded) {
    const summary = Object.entries(result.counts)
      .map(([what, n]) => `${what}: ${n}`)
      .join(", ");
    console.log(`Demowereld geladen in ${where}.\n  ${summary}`);
  } else {
    console.log(`De demowereld staat al in ${where}; er is niets veranderd.`);
  }
  console.log(`\nDemo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.email.padEnd(30)} ${account.role} — ${account.description}`);
  }
} finally {
  await handle.close();
}

import { sql } from "drizzle-orm";
import { getDatabaseHandle, openDatabase, setDatabase } from "#db/client.server";
import { emailKind } from "#emails/transport.server";
import { createSearchEngine, startSearch } from "#search/runtime.server";
import { env } from "~/env.server";
import { startWorkers } from "~/workers.server";
import { setRuntimeInfo, type RuntimeInfo } from "~/runtime.server";

export type Runtime = {
  port: number;
  info: RuntimeInfo;
  announce(): void;
  shutdown(): Promise<void>;
};

type Stopper = () => Promise<void> | void;

/**
 * Start-up: configuration, database and migrations, demo data on the embedded quickstart,
 * search engine, and the outbox workers. A wrong setting stops here with a message naming it.
 */
export async function boot(): Promise<Runtime> {
  const config = env();
  const handle = config.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: config.DATABASE_URL })
    : await openDatabase({
        kind: "pglite",
        dataDir: config.DATA_DIR,
        // the database works on its own thread while this one renders pages
        thread: true,
        onThreadFailure: (error) => {
          // nothing can be read or saved any more: stop, so a supervisor starts the app again
          console.error(`De ingebouwde database is gestopt: ${error.message}`);
          process.exit(1);
        },
      });
  setDatabase(handle);
  await handle.migrate();

  const stoppers: Stopper[] = [];
  let demoAccounts: { email: string; role: string }[] = [];
  const embeddedQuickstart = !config.DATABASE_URL && config.NODE_ENV !== "production";
  if (embeddedQuickstart && config.SEED_DEMO === "auto") {
    const { seedDemoWorld, DEMO_ACCOUNTS } = await import("#db/seed/demo");
    await seedDemoWorld(handle.db);
    demoAccounts = DEMO_ACCOUNTS.map((a) => ({ email: a.email, role: a.role }));
  }

  // Fresh planner statistics after migrations and bulk loads (PGlite never collects them by itself).
  await handle.db.execute(sql`analyze`);

  const info: RuntimeInfo = {
    database: handle.kind,
    search: config.MEILI_URL ? "meilisearch" : "embedded",
    email: emailKind(),
  };
  setRuntimeInfo(info);

  await startSearch(handle.db, createSearchEngine(config));

  const inProcess = config.IN_PROCESS_WORKERS === "on";
  stoppers.push(
    await startWorkers({
      email: inProcess,
      search: inProcess || info.search === "embedded",
      scheduled: inProcess,
    }),
  );

  return {
    port: config.PORT,
    info,
    announce() {
      const lines = [
        `Werkbrug draait op ${config.APP_URL}`,
        `  database: ${info.database === "pglite" ? `PGlite (ingebouwd, map ${config.DATA_DIR})` : "PostgreSQL"}`,
        `  zoeken:   ${info.search === "embedded" ? "ingebouwde zoekmachine" : `Meilisearch (${config.MEILI_URL})`}`,
        `  e-mail:   ${info.email === "resend" ? "Resend" : `ontwikkel-mailbox (${config.APP_URL}/admin/mailbox)`}`,
      ];
      if (demoAccounts.length > 0) {
        lines.push("", "Demo-accounts (wachtwoord: werkbrug-demo):");
        for (const a of demoAccounts) lines.push(`  ${a.email.padEnd(30)} ${a.role}`);
      }
      console.log(lines.join("\n"));
    },
    async shutdown() {
      for (const stop of stoppers.reverse()) await stop();
      await getDatabaseHandle().close();
    },
  };
}

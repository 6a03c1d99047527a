// Starts Werkbrug: boots the app (configuration, database, migrations, demo data, search,
// workers) and serves it over HTTP. `npm start` builds first.
import process from "node:process";

const build = await import("./build/index.js");
const { boot, createHttpApp } = build.entry.module;

let runtime;
try {
  runtime = await boot();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = createHttpApp(build);
const server = app.listen(runtime.port, () => runtime.announce());

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: Werkbrug stopt…`);
  server.close();
  await runtime.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

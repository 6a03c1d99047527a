import { defineConfig, devices } from "@playwright/test";

/*
 * End-to-end tests against the built app on the embedded defaults (PGlite in a fresh data
 * folder, embedded search, dev mailbox, demo data). tests/e2e/run.js chooses the browser and
 * starts this; see README.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? `.data-e2e`;

export default defineConfig({
  testDir: "./tests/e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.E2E_BROWSER_PATH || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: `rm -rf ${dataDir} && node ./server.js`,
    url: `http://localhost:${port}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      APP_URL: `http://localhost:${port}`,
      SESSION_SECRET: "e2e-only-session-secret-0123456789abcdef",
      // The e2e run always uses the embedded quickstart, whatever the caller's environment says.
      DATABASE_URL: "",
      MEILI_URL: "",
      RESEND_API_KEY: "",
      SEED_DEMO: "auto",
      // The movable test clock of the pipeline story (app/utils/clock.server.ts); never in production.
      E2E_CLOCK: "1",
    },
  },
});

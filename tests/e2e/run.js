// Runs the Playwright suite with a browser that exists on this machine: CHROMIUM_PATH,
// Debian's /usr/bin/chromium, or Playwright's own download. Without one, the suite is skipped
// with a message, unless E2E_REQUIRED=1 (CI), which makes a missing browser a failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
let browser = candidates.find((p) => p && fs.existsSync(p)) ?? null;
let source = browser ? "system" : null;

if (!browser) {
  const { chromium } = await import("@playwright/test");
  const own = chromium.executablePath();
  if (own && fs.existsSync(own)) {
    browser = own;
    source = "playwright";
  }
}

if (!browser) {
  const message =
    "End-to-end tests skipped: no Chromium found. Install Debian's chromium " +
    "(apt-get install -y chromium), set CHROMIUM_PATH, or run `npx playwright install chromium`.";
  if (process.env.E2E_REQUIRED === "1") {
    console.error(`${message}\nE2E_REQUIRED=1, so this is a failure.`);
    process.exit(1);
  }
  console.log(message);
  process.exit(0);
}

console.log(`End-to-end tests with ${source} Chromium at ${browser}`);
const build = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, E2E_BROWSER_PATH: browser },
});
process.exit(result.status ?? 1);

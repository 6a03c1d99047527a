import { expect, type Page, test as base } from "@playwright/test";

export const DEMO_PASSWORD = "werkbrug-demo";

export const demo = {
  admin: "admin@demo.werkbrug.nl",
  prison: "pi@demo.werkbrug.nl",
  coach: "coach@demo.werkbrug.nl",
  municipality: "gemeente@demo.werkbrug.nl",
  employer: "werkgever@demo.werkbrug.nl",
  candidate: "kandidaat@demo.werkbrug.nl",
} as const;

/** Waits until React has hydrated the page, so clicks reach their handlers. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await waitForHydration(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await waitForHydration(page);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL("**/login");
}

/** Saves a screenshot as a kept test artefact (tests/e2e/artifacts). */
export async function keepScreenshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/artifacts/${name}.png`, fullPage: true });
}

export const test = base;
export { expect };

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

/**
 * The one-time link (`/uitnodiging/…`) of the newest message to `email` in the development
 * mailbox, reloading the mailbox until the email worker has delivered it.
 */
export async function invitationLinkFromMailbox(page: Page, email: string, timeout = 90_000) {
  let link = "";
  await expect(async () => {
    await page.goto("/admin/mailbox");
    const item = page.locator("li", { hasText: email }).first();
    // Not there yet: try again after a reload (getAttribute would otherwise wait on this page).
    const html =
      (await item.count()) > 0 ? ((await item.locator("iframe").getAttribute("srcdoc", { timeout: 5_000 })) ?? "") : "";
    link = html.match(/\/uitnodiging\/[a-z2-7]{32}/)?.[0] ?? "";
    expect(link, `no invitation for ${email} in the mailbox yet`).not.toBe("");
  }).toPass({ timeout, intervals: [1_000, 2_000, 3_000] });
  return link;
}

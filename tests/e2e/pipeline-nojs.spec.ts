import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, expect, test } from "./fixtures";

/*
 * The pipeline forms without JavaScript (STYLE.md: "the form works without JavaScript" and bad
 * input "loses nothing"): the browser posts the form itself, the server answers 400 and renders the
 * page again with the error next to the field — and what the person typed is still in the fields
 * (Conform's lastResult.initialValue). Runs on the demo world; every submission here is refused,
 * so nothing in it changes.
 */

async function withoutJavaScript(browser: Browser, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  // Really without JavaScript: React never hydrated the page.
  await expect(page.locator("html[data-hydrated]")).toHaveCount(0);
  return { context, page };
}

function dutchDay(daysAgo: number) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(Date.now() - daysAgo * 86_400_000));
}

async function openFirst(page: Page, path: string, testId: string, hasText: string, url: RegExp) {
  await page.goto(path);
  await page.getByTestId(testId).filter({ hasText }).first().getByRole("link").first().click();
  await page.waitForURL(url);
}

test.describe("pipeline forms without JavaScript", () => {
  test("a refused form shows the error and keeps every other typed value", async ({ browser }) => {
    const coach = await withoutJavaScript(browser, demo.coach);
    const page = coach.page;

    // 1. Ending a running placement early without a reason: the reason is the one bad field.
    await openFirst(page, "/coach/plaatsingen", "placement-row", "Loopt", /\/coach\/plaatsingen\/[0-9a-f-]{36}$/);
    const end = page.locator("form[data-intent=end]");
    const yesterday = dutchDay(1);
    await end.getByLabel("Hoe eindigt de plaatsing?").selectOption("ended_early");
    await end.getByLabel("Laatste dag").fill(yesterday);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/coach/plaatsingen/")),
      end.getByRole("button", { name: "Plaatsing beëindigen" }).click(),
    ]);
    expect(answer.status()).toBe(400);
    await page.waitForLoadState();
    await expect(end.getByText("Kies een reden.")).toBeVisible();
    await expect(end.getByLabel("Reden", { exact: true })).toHaveAttribute("aria-invalid", "true");
    // What was chosen and typed is still there (not the defaults "completed" and today).
    await expect(end.getByLabel("Hoe eindigt de plaatsing?")).toHaveValue("ended_early");
    await expect(end.getByLabel("Laatste dag")).toHaveValue(yesterday);
    await expect(page.getByText("Loopt").first()).toBeVisible();

    // 2. Declining an offer on the candidate's behalf without ticking "the candidate is present":
    //    refused by the server (400) with its message in that form; the typed reason stays.
    await openFirst(page, "/coach/voorstellen", "proposal-row", "Aanbod gedaan", /\/coach\/voorstellen\/[0-9a-f-]{36}$/);
    const decline = page.locator("form[data-intent=decline]");
    const reason = "Hij kiest liever voor de opleiding bij het ROC.";
    await decline.getByLabel("Wilt u zeggen waarom? (niet verplicht)").fill(reason);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/coach/voorstellen/")),
      decline.getByRole("button", { name: "Aanbod afwijzen namens de kandidaat" }).click(),
    ]);
    expect(refused.status()).toBe(400);
    await page.waitForLoadState();
    await expect(decline.getByRole("alert")).toContainText("erbij");
    await expect(decline.getByLabel("Wilt u zeggen waarom? (niet verplicht)")).toHaveValue(reason);
    await expect(page.getByTestId("proposal-status")).toHaveText("Aanbod gedaan");

    await coach.context.close();
  });
});

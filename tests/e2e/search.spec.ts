import { demo, expect, keepScreenshot, login, test, waitForHydration } from "./fixtures";

/*
 * Search end to end on the demo world: the employer searches anonymised profiles with words and
 * filters, measures distance from one of their vacancies, sorts by distance, reads why a hit
 * fits, walks back with the browser's back button and opens the same search from its link.
 * The candidate reads the vacancies their coach shared, with the same kind of explanation.
 */

test.describe("search", () => {
  test("the employer searches with filters and reads the explanation of a hit", async ({ page, context }) => {
    test.setTimeout(120_000);
    await login(page, demo.employer);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Kandidaten zoeken" }).click();
    await expect(page).toHaveURL(/\/werkgever\/zoeken$/);
    await expect(page.getByRole("heading", { level: 1, name: "Kandidaten zoeken" })).toBeVisible();
    await waitForHydration(page);

    // Free text (Enter submits the GET form; the state goes into the URL).
    await page.getByLabel("Zoekwoorden").fill("heftruck");
    await page.getByLabel("Zoekwoorden").press("Enter");
    await page.waitForURL(/q=heftruck/);
    const hits = page.getByTestId("search-hit");
    await expect(hits.first()).toBeVisible();

    // A facet filter applies at once.
    await page.getByRole("checkbox", { name: /^Logistiek/ }).check();
    await page.waitForURL(/sector=logistiek/);
    await expect(page.getByRole("checkbox", { name: /^Logistiek/ })).toBeChecked();

    // Distance from one of the employer's own vacancies, nearest first.
    await page.getByLabel("Vanaf uw vacature").selectOption({ index: 1 });
    await page.waitForURL(/vacature=/);
    await page.getByLabel("Volgorde").selectOption("afstand");
    await page.waitForURL(/sorteer=afstand/);
    await expect(page.getByText(/Afstand gemeten vanaf uw vacature/)).toBeVisible();
    await expect(hits.first()).toBeVisible();

    // Every hit explains itself in plain Dutch: requirements, distance, when someone can start.
    const first = hits.first();
    await expect(first.getByRole("link", { name: /^Kandidaat WB-/ })).toHaveAttribute("href", /\/werkgever\/profielen\/WB-/);
    const explanation = first.getByTestId("explanation");
    await expect(explanation).toContainText("De afstand is");
    await expect(explanation).toContainText(/Kan (beginnen vanaf|op de startdatum|pas beginnen in)/);
    await expect(explanation.locator('[data-kind="meets"]').first()).toBeVisible();
    await expect(explanation.locator('[data-kind="hidden"]')).toHaveCount(0);
    const shared = page.url();
    const firstCode = (await first.getByRole("link", { name: /^Kandidaat WB-/ }).textContent()) ?? "";
    await keepScreenshot(page, "employer-search");

    // The back button restores the previous search (sorted by relevance again).
    await page.goBack();
    await expect(page).not.toHaveURL(/sorteer=afstand/);
    await expect(page.getByLabel("Volgorde")).toHaveValue("relevantie");
    await expect(page.getByRole("checkbox", { name: /^Logistiek/ })).toBeChecked();

    // The link is shareable: a fresh page with it shows the same search.
    const other = await context.newPage();
    await other.goto(shared);
    await expect(other.getByLabel("Zoekwoorden")).toHaveValue("heftruck");
    await expect(other.getByLabel("Volgorde")).toHaveValue("afstand");
    await expect(other.getByTestId("search-hit").first()).toContainText(firstCode);
    await other.close();
  });

  test("the candidate sees the vacancies the coach shared, with why they fit", async ({ page }) => {
    await login(page, demo.candidate);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vacatures voor mij" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vacatures van uw jobcoach" })).toBeVisible();
    const shared = page.getByTestId("shared-vacancy");
    await expect(shared.first()).toBeVisible();
    await expect(shared.first()).toContainText("Gedeeld op");
    await expect(page.locator('[data-kind="hidden"]')).toHaveCount(0);
  });
});

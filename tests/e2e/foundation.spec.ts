import { demo, expect, keepScreenshot, login, logout, test, waitForHydration } from "./fixtures";

test.describe("foundation", () => {
  test("healthz reports the embedded backends", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.ok()).toBe(true);
    expect(await response.json()).toEqual({
      ok: true,
      database: "pglite",
      search: "embedded",
      email: "dev-mailbox",
    });
  });

  const homes = [
    { email: demo.admin, path: "/admin", heading: "Beheer" },
    { email: demo.prison, path: "/pi", heading: "Kandidaten uit uw inrichting" },
    { email: demo.coach, path: "/coach", heading: "Mijn kandidaten" },
    { email: demo.municipality, path: "/gemeente", heading: "Kandidaten uit uw gemeente" },
    { email: demo.employer, path: "/werkgever", heading: "Uw vacatures en kandidaten" },
    { email: demo.candidate, path: "/kandidaat", heading: "Welkom" },
  ];
  for (const home of homes) {
    test(`${home.email} signs in and sees their own home`, async ({ page }) => {
      await login(page, home.email);
      await expect(page).toHaveURL(new RegExp(`${home.path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toContainText(home.heading);
      await expect(page.getByRole("main")).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
      await logout(page);
      // After signing out the home is closed again.
      await page.goto(home.path);
      await expect(page).toHaveURL(/\/login/);
    });
  }

  test("a wrong password gets a plain message and keeps the email", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("E-mailadres").fill(demo.coach);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("dit-is-niet-goed");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page.getByRole("alert")).toContainText("klopt niet");
    await expect(page.getByLabel("E-mailadres")).toHaveValue(demo.coach);
  });

  test("the login form works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(demo.coach);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("werkbrug-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/coach$/);
    await context.close();
  });

  test("a POST from another origin is refused", async ({ request }) => {
    const response = await request.post("/login", {
      headers: { origin: "https://evil.example" },
      form: { email: demo.coach, password: "werkbrug-demo" },
    });
    expect(response.status()).toBe(403);
  });

  test("a coach with two organisations switches between them", async ({ page }) => {
    await login(page, demo.coach);
    await page.goto("/account");
    await waitForHydration(page);
    const switchButton = page.getByRole("button", { name: /Werk verder als/ }).first();
    await expect(switchButton).toBeVisible();
    const label = (await switchButton.textContent()) ?? "";
    await switchButton.click();
    await page.waitForURL((url) => url.pathname !== "/account");
    await page.goto("/account");
    const orgName = label.replace(/^.* bij /, "").trim();
    await expect(page.getByText(orgName).first()).toBeVisible();
  });

  test("works on a phone: no sideways scrolling, skip link first", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await login(page, demo.coach);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // A fresh page load: the first Tab reaches the skip link.
    await page.reload();
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Naar de inhoud" })).toBeFocused();
    await keepScreenshot(page, "coach-home-phone");
    await context.close();
  });

  test("an unknown page gets a friendly 404", async ({ page }) => {
    const response = await page.goto("/bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Er ging iets mis");
  });
});

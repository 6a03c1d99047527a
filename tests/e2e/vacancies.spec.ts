import type { Browser, Page } from "@playwright/test";
import { demo, expect, invitationLinkFromMailbox, keepScreenshot, login, test, waitForHydration } from "./fixtures";

/*
 * Employers and vacancies end to end: an employer registers, accepts the invitation, prepares a
 * vacancy while unverified (publishing is refused with a plain message), a platform admin
 * verifies the organisation, the employer publishes, and a coach finds the vacancy in
 * /vacatures by sector and region. Each person has their own browser context.
 */

async function asUser(browser: Browser, email?: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (email) await login(page, email, password);
  return { context, page };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function fillVacancy(page: Page, values: { title: string; description: string; place: string }) {
  await page.getByLabel("Functie", { exact: true }).fill(values.title);
  await page.getByLabel("Sector", { exact: true }).selectOption("productie");
  await page.getByLabel("Soort plek", { exact: true }).selectOption("work_experience");
  await page.getByLabel("Omschrijving", { exact: true }).fill(values.description);
  await page.getByLabel("Wat iemand moet kunnen", { exact: true }).fill("machine bedienen\nnetjes werken");
  await page.getByRole("checkbox", { name: "VCA" }).check();
  await page.getByRole("checkbox", { name: "B", exact: true }).check();
  await page.getByLabel("Uren per week, minimaal").fill("24");
  await page.getByLabel("Uren per week, maximaal").fill("36");
  await page.getByRole("checkbox", { name: "Dag", exact: true }).check();
  await page.getByLabel("Soort contract").selectOption("werkervaringsplaats");
  await page.getByLabel("Plaats van het werk").fill(values.place);
  await page.getByLabel("Hoe ver mag iemand wonen? (km)").fill("20");
  await page.getByLabel("Startdatum").fill(inDays(21));
  await page.getByLabel("Aantal plaatsen").fill("2");
  await page.getByRole("checkbox", { name: "Een buddy op het werk" }).check();
}

test.describe("employers and vacancies", () => {
  test("employer registers → admin verifies → employer publishes a vacancy → a coach sees it", async ({ browser }) => {
    test.setTimeout(180_000);
    const stamp = Date.now().toString().slice(-7);
    const orgName = `Polder Verpakking ${stamp} B.V.`;
    const kvk = `9${stamp}`;
    const email = `eigenaar.${stamp}@polderverpakking.example`;
    const password = "polder-verpakking-2026";
    const title = `Inpakker werkervaringsplaats ${stamp}`;

    // 1. The employer registers the organisation (it starts unverified).
    const employer = await asUser(browser);
    await employer.page.goto("/aanmelden-werkgever");
    await waitForHydration(employer.page);
    await employer.page.getByLabel("Naam van de organisatie").fill(orgName);
    await employer.page.getByLabel("KvK-nummer").fill(kvk);
    await employer.page.getByLabel("Adres", { exact: true }).fill("Industrieweg 7");
    await employer.page.getByLabel("Plaats", { exact: true }).fill("Dronten");
    await employer.page.getByLabel("Uw naam").fill("Mirjam Polder");
    await employer.page.getByLabel("Uw e-mailadres").fill(email);
    await employer.page.getByRole("button", { name: "Organisatie aanmelden" }).click();
    await expect(employer.page.getByRole("heading", { name: "Bijna klaar" })).toBeVisible();

    // 2. The invitation link arrives in the development mailbox (the admin can read it).
    const admin = await asUser(browser, demo.admin);
    const link = await invitationLinkFromMailbox(admin.page, email);

    // 3. The employer accepts the invitation and chooses a password.
    await employer.page.goto(link);
    await waitForHydration(employer.page);
    await employer.page.getByLabel("Uw naam").fill("Mirjam Polder");
    await employer.page.getByLabel("Kies een wachtwoord").fill(password);
    await employer.page.getByLabel("Herhaal het wachtwoord").fill(password);
    await employer.page.getByRole("button", { name: "Account maken" }).click();
    await employer.page.waitForURL((url) => !url.pathname.startsWith("/uitnodiging"));
    await employer.page.goto("/werkgever");
    await expect(employer.page.getByText("Uw organisatie is nog niet gecontroleerd.")).toBeVisible();

    // 4. Unverified: a vacancy can be prepared, with wording tips, but not published.
    await employer.page.goto("/werkgever/vacatures/nieuw");
    await waitForHydration(employer.page);
    await fillVacancy(employer.page, {
      title,
      place: "Dronten",
      description:
        "Je pakt groenten in aan de lijn. Wij vragen een blanco strafblad. Bij ons is <b>iedereen</b> welkom <script>window.__xss = 1</script>.",
    });
    await employer.page.getByRole("button", { name: "Tekst controleren" }).click();
    const tips = employer.page.getByTestId("wording-warnings");
    await expect(tips).toContainText('U schreef: "blanco strafblad"');
    await expect(tips).toContainText("Ook met een strafblad ben je welkom");
    await employer.page.getByRole("button", { name: "Bewaren als concept" }).click();
    await employer.page.waitForURL(/\/werkgever\/vacatures\/[0-9a-f-]{36}/);
    await waitForHydration(employer.page);
    const vacancyPath = new URL(employer.page.url()).pathname;
    await expect(employer.page.getByRole("status").filter({ hasText: "bewaard als concept" })).toBeVisible();
    await expect(employer.page.getByTestId("wording-warnings")).toBeVisible();
    await employer.page.getByRole("button", { name: "Publiceren" }).click();
    await expect(employer.page.getByRole("alert")).toContainText("nog niet gecontroleerd");

    // 5. The platform admin verifies the organisation.
    await admin.page.goto("/admin/organisaties?soort=employer");
    await waitForHydration(admin.page);
    await admin.page.getByRole("button", { name: `Goedkeuren ${orgName}` }).click();
    await expect(admin.page.getByRole("row", { name: new RegExp(orgName) })).toContainText("Gecontroleerd");

    // 6. The employer publishes the vacancy.
    await employer.page.goto(vacancyPath);
    await waitForHydration(employer.page);
    await employer.page.getByRole("button", { name: "Publiceren" }).click();
    await expect(employer.page.getByRole("status").filter({ hasText: "gepubliceerd" })).toBeVisible();
    await expect(employer.page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(employer.page.getByText("Stap: Open")).toBeVisible();
    await employer.page.goto("/werkgever");
    await expect(employer.page.getByRole("link", { name: title })).toBeVisible();

    // 7. A coach finds it by sector and region and opens it.
    const coach = await asUser(browser, demo.coach);
    await coach.page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vacatures" }).click();
    await coach.page.waitForURL(/\/vacatures$/);
    await waitForHydration(coach.page);
    await coach.page.getByLabel("Sector").selectOption("productie");
    await coach.page.getByLabel("In de buurt van (plaats)").fill("Biddinghuizen");
    await coach.page.getByLabel("Binnen (km)").fill("15");
    await coach.page.getByRole("button", { name: "Zoeken" }).click();
    await coach.page.waitForURL(/plaats=Biddinghuizen/);
    const hit = coach.page.getByRole("link", { name: title });
    await expect(hit).toBeVisible();
    await expect(coach.page.getByRole("listitem").filter({ has: hit })).toContainText(orgName);
    await keepScreenshot(coach.page, "vacancies-coach-browse");
    await hit.click();
    await expect(coach.page.getByRole("heading", { level: 1 })).toHaveText(title);
    // Markup typed into the vacancy shows as text and never runs.
    await expect(coach.page.getByTestId("vacancy-description")).toContainText("<b>iedereen</b>");
    expect(await coach.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(coach.page.getByText("Een buddy op het werk")).toBeVisible();
    await keepScreenshot(coach.page, "vacancies-coach-detail");

    // A place the gazetteer does not know gets suggestions.
    await coach.page.goto("/vacatures?plaats=Biddinghuisen");
    await expect(coach.page.getByText(/Bedoelt u: Biddinghuizen/)).toBeVisible();

    for (const c of [employer, admin, coach]) await c.context.close();
  });

  test("the vacancy form works without JavaScript and answers bad input with field errors", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(demo.employer);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("werkbrug-demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.waitForURL(/\/werkgever$/);
    await page.goto("/werkgever/vacatures/nieuw");
    await fillVacancy(page, { title: "Lijnmedewerker", place: "Lelystat", description: "Je werkt aan de productielijn en houdt alles schoon." });
    await page.getByLabel("Uren per week, minimaal").fill("38");
    await page.getByLabel("Uren per week, maximaal").fill("20");
    await page.getByRole("checkbox", { name: "Geld" }).check();
    await page.getByRole("button", { name: "Bewaren als concept" }).click();
    await expect(page.getByText("Het maximum aantal uren moet minstens zo groot zijn als het minimum.")).toBeVisible();
    await expect(page.getByText(/We kennen de plaats "Lelystat" niet\. Bedoelt u: Lelystad/)).toBeVisible();
    await expect(page.getByText(/U koos risicogebieden, maar geen VOG/)).toBeVisible();
    // What was typed is still there.
    await expect(page.getByLabel("Functie", { exact: true })).toHaveValue("Lijnmedewerker");
    await keepScreenshot(page, "vacancies-form-errors");
    await context.close();
  });
});

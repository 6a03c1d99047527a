import type { Browser } from "@playwright/test";
import { demo, expect, invitationLinkFromMailbox, keepScreenshot, login, test, waitForHydration } from "./fixtures";

/*
 * The candidate's path end to end, each person in their own browser:
 * prison staff nominate a detainee and link a coach → the coach starts the intake, invites the
 * candidate and writes the anonymised profile (leak check, taxonomy suggestions) → the
 * candidate accepts the invitation and confirms the profile → prison staff approve it (four
 * eyes) → a verified employer sees the anonymised profile by its public code, without any of
 * the identity entered at the start. The employer's view is kept as a screenshot.
 */

const person = {
  firstName: "Dewi",
  lastName: "Testkamp",
  dateOfBirth: "1991-08-23",
  phone: "0612398745",
  email: "dewi.testkamp@example.test",
};
const password = "dewi-kiest-een-wachtwoord";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function asUser(browser: Browser, email?: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (email) await login(page, email, password);
  return { context, page };
}

test.describe("candidate path", () => {
  test("nominate → coach writes profile → candidate confirms → staff approve → employer sees it anonymised", async ({ browser }) => {
    test.setTimeout(240_000);

    // 1. Prison staff nominate the detainee and link the coach.
    const pi = await asUser(browser, demo.prison);
    await pi.page.goto("/pi/kandidaten/nieuw");
    await waitForHydration(pi.page);
    await pi.page.getByLabel("Voornaam").fill(person.firstName);
    await pi.page.getByLabel("Achternaam").fill(person.lastName);
    await pi.page.getByLabel("Geboortedatum").fill(person.dateOfBirth);
    await pi.page.getByLabel("Telefoon (als bekend)").fill(person.phone);
    await pi.page.getByLabel("Datum van vrijlating").fill(inDays(120));
    await pi.page.getByLabel("Werken buiten de muren mag vanaf").fill(inDays(30));
    await pi.page.getByLabel("Gemeente van herkomst").selectOption({ label: "Lelystad" });
    await pi.page.getByLabel("Waarom is deze persoon gemotiveerd?").fill("Werkt elke dag in de werkplaats en wil na de detentie meteen aan de slag.");
    await pi.page.getByRole("checkbox", { name: /akkoord met meedoen/ }).check();
    await pi.page.getByRole("button", { name: "Aanmelden" }).click();
    await pi.page.waitForURL(/\/pi\/kandidaten\/[0-9a-f-]{36}/);
    const candidateId = new URL(pi.page.url()).pathname.split("/").pop()!;
    await waitForHydration(pi.page);
    await pi.page.getByLabel("Kies een jobcoach").selectOption({ label: "Sanne de Wit · Werkwaarts Jobcoaching" });
    await pi.page.getByRole("button", { name: "Jobcoach koppelen" }).click();
    await expect(pi.page.getByText(/Sanne de Wit/).first()).toBeVisible();

    // 2. The coach starts the intake, invites the candidate and writes the profile.
    const coach = await asUser(browser, demo.coach);
    await coach.page.goto(`/coach/kandidaten/${candidateId}`);
    await waitForHydration(coach.page);
    await coach.page.getByRole("button", { name: "Intake starten" }).click();
    await coach.page.waitForURL(/\/intake/);
    await coach.page.goto(`/coach/kandidaten/${candidateId}`);
    await waitForHydration(coach.page);
    await coach.page.getByLabel("E-mailadres van de kandidaat").fill(person.email);
    await coach.page.getByRole("button", { name: "Uitnodiging sturen" }).click();
    await expect(coach.page.getByText("De uitnodiging is verstuurd.")).toBeVisible();

    await coach.page.goto(`/coach/kandidaten/${candidateId}/profiel`);
    await waitForHydration(coach.page);
    await expect(coach.page.getByRole("heading", { level: 1 })).toContainText(`${person.firstName} ${person.lastName}`);
    const editor = coach.page.locator("form#profile-editor");
    // First a text that names the person: the leak check says what to fix.
    await editor.getByLabel("Korte omschrijving").fill(`${person.firstName} zoekt werk als orderpicker`);
    await editor.getByLabel("Over de kandidaat").fill("Werkt nauwkeurig en veilig. Haalde tijdens detentie het VCA-diploma.");
    await editor.getByLabel("Motivatie, in de woorden van de kandidaat").fill("Ik wil laten zien dat ik betrouwbaar ben en een vak leren.");
    await editor.getByRole("checkbox", { name: "Logistiek" }).check();
    await editor.getByLabel("Beroep 1").fill("orderpicker");
    await editor.getByLabel("Vaardigheden").fill("orderpicken\nscannen\npallets stapelen");
    await editor.getByRole("checkbox", { name: "VCA" }).check();
    await editor.getByRole("checkbox", { name: "B", exact: true }).check();
    await editor.getByLabel("Hoogste opleiding").selectOption("mbo-2");
    await editor.getByLabel("Taal 1").fill("Nederlands");
    await editor.getByLabel("Niveau 1").selectOption("moedertaal");
    await editor.getByLabel("Functie").first().fill("Medewerker magazijn");
    await editor.getByLabel("Sector", { exact: true }).first().selectOption("logistiek");
    await editor.getByLabel("Aantal maanden").first().fill("14");
    await editor.getByRole("checkbox", { name: "Tijdens detentie" }).first().check();
    await editor.getByLabel("Minimaal uren per week").fill("24");
    await editor.getByLabel("Maximaal uren per week").fill("38");
    await editor.getByRole("checkbox", { name: "Dag", exact: true }).check();
    await editor.getByLabel("Regio (plaats)").fill("Lelystad");
    await editor.getByLabel("Reisafstand in km").fill("25");
    await editor.getByRole("checkbox", { name: "Fiets" }).check();
    await editor.getByLabel("Werkervaringsplaats mogelijk vanaf").fill(inDays(30));
    await editor.getByLabel("Beschikbaar na vrijlating vanaf").fill(inDays(120));
    await editor.getByRole("button", { name: "Opslaan" }).click();
    await expect(coach.page.getByText("Het profiel is opgeslagen.")).toBeVisible();
    await expect(coach.page.getByText(/de naam van de kandidaat staat erin/)).toBeVisible();
    await coach.page.getByRole("button", { name: "Ter goedkeuring aanbieden" }).click();
    await expect(coach.page.getByRole("alert")).toContainText("herkenbare gegevens");

    // Fixed: no name left; now it can be offered for approval.
    await waitForHydration(coach.page);
    await editor.getByLabel("Korte omschrijving").fill("Orderpicker met VCA, rustig en nauwkeurig");
    await editor.getByRole("button", { name: "Opslaan" }).click();
    await expect(coach.page.getByText("Geen namen, datums, adressen, telefoonnummers of inrichtingen gevonden.")).toBeVisible();
    await coach.page.getByRole("button", { name: "Ter goedkeuring aanbieden" }).click();
    await expect(coach.page.getByText("Status: Wacht op goedkeuring")).toBeVisible();
    const preview = coach.page.getByTestId("public-profile");
    const code = (await preview.textContent())?.match(/WB-[23456789A-HJKMNP-Z]{6}/)?.[0];
    expect(code).toBeTruthy();

    // 3. The candidate accepts the invitation (from the development mailbox) and confirms.
    const admin = await asUser(browser, demo.admin);
    const link = await invitationLinkFromMailbox(admin.page, person.email);
    const candidate = await asUser(browser);
    await candidate.page.goto(link);
    await waitForHydration(candidate.page);
    await candidate.page.getByLabel("Uw naam").fill(`${person.firstName} ${person.lastName}`);
    await candidate.page.getByLabel("Kies een wachtwoord").fill(password);
    await candidate.page.getByLabel("Herhaal het wachtwoord").fill(password);
    await candidate.page.getByRole("button", { name: "Account maken" }).click();
    await candidate.page.waitForURL((url) => !url.pathname.startsWith("/uitnodiging"));
    await candidate.page.goto("/kandidaat/profiel");
    await waitForHydration(candidate.page);
    await expect(candidate.page.getByTestId("public-profile")).toContainText(code!);
    await expect(candidate.page.getByTestId("public-profile")).toContainText("Orderpicker met VCA, rustig en nauwkeurig");
    await candidate.page.getByRole("button", { name: "Ja, dit klopt" }).click();
    await expect(candidate.page.getByText(/U heeft dit profiel bevestigd/)).toBeVisible();

    // 4. Prison staff approve (four eyes: not the coach who wrote it).
    await pi.page.goto("/goedkeuren");
    await waitForHydration(pi.page);
    const row = pi.page.getByRole("row", { name: new RegExp(`${person.firstName} ${person.lastName}`) });
    await expect(row).toContainText("Klaar voor goedkeuring");
    await row.getByRole("link", { name: /Bekijken/ }).click();
    await pi.page.waitForURL(`**/goedkeuren/${candidateId}`);
    await waitForHydration(pi.page);
    await pi.page.getByRole("button", { name: "Goedkeuren en publiceren" }).click();
    await pi.page.waitForURL((url) => url.pathname === "/goedkeuren");

    // 5. A verified employer sees the anonymised profile, and nothing of the identity.
    const employer = await asUser(browser, demo.employer);
    await employer.page.goto(`/werkgever/profielen/${code}`);
    await waitForHydration(employer.page);
    const view = employer.page.getByTestId("public-profile");
    await expect(view).toContainText(code!);
    await expect(view).toContainText("Orderpicker met VCA, rustig en nauwkeurig");
    await expect(view).toContainText("werk tijdens detentie");
    await expect(view).toContainText("Werkwaarts Jobcoaching");
    await expect(view).toContainText("Lelystad");
    const html = await employer.page.content();
    for (const secret of [person.firstName, person.lastName, person.dateOfBirth, person.phone, person.email, "PI Lelystad", inDays(120)]) {
      expect(html).not.toContain(secret);
    }
    await keepScreenshot(employer.page, "candidate-path-employer-view");

    for (const u of [pi, coach, admin, candidate, employer]) await u.context.close();
  });
});

import type { Browser, Page } from "@playwright/test";
import { demo, expect, keepScreenshot, login, test, waitForHydration } from "./fixtures";

/*
 * From proposal to lasting work (issue 6), each person in their own browser, on the demo world:
 * the coach proposes the demo candidate for an open vacancy from the match list → the employer
 * (from the notification) says interested, writes in the thread (a phone number is masked) and
 * plans the introduction → three days later the introduction took place and the employer makes
 * an offer → the coach records advice → the candidate reads the offer with the advice and accepts
 * it in their own account with the identity-disclosure consent → the placement starts with the
 * proposing coach as job coach → a week later the coach logs the first check-in (coach-only notes)
 * → the employer sees the job coach and their new colleague's name, never the notes, and asks for
 * a check-in → six months later the overdue check-ins come first, the coach logs one and ends the
 * placement as completed; retention at 1, 3 and 6 months is "still working".
 *
 * The clock is moved through /e2e-clock, which exists only in this non-production server started
 * with E2E_CLOCK=1 (playwright.config.ts). Screenshots of every step are kept in tests/e2e/artifacts.
 */

const VACANCY = "Reachtruckchauffeur (ploegendienst)";
const NOTE = "Heeft heftruckervaring en wil graag een reachtruckcertificaat halen.";
const ADVICE = "Goed aanbod: vast contract en dichtbij. De ploegendienst bespreken we nog samen.";
const COACH_ONLY = "Alleen-voor-de-coach: spanning over schulden, volgt via budgetcoach.";

async function asUser(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  return { context, page };
}

/** Moves the server's test clock to `days` after the real clock (never backwards in one story). */
async function setClock(page: Page, days: number) {
  const baseURL = new URL(page.url()).origin;
  const response = await page.request.post("/e2e-clock", { form: { days: String(days) }, headers: { origin: baseURL } });
  expect(response.ok()).toBeTruthy();
  return (await response.json()) as { now: string; offsetDays: number };
}

/** "2026-03-04T10:00" in Dutch time, `days` after the given instant. */
function localDateTime(from: Date, days: number, hour: number) {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date(from.getTime() + days * 86_400_000));
  return `${day}T${String(hour).padStart(2, "0")}:00`;
}

async function goto(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
}

test.describe("pipeline", () => {
  test("coach proposes → employer interested → meeting → offer → candidate accepts with consent → placement → check-ins → completed at 6 months", async ({ browser }) => {
    test.setTimeout(300_000);
    const coach = await asUser(browser, demo.coach);
    const start = await setClock(coach.page, 0);

    // 1. The coach proposes the demo candidate from the candidate's match list.
    await goto(coach.page, "/coach/voorstellen");
    const current = coach.page.getByTestId("proposal-row").filter({ hasText: "Heftruckchauffeur" }).filter({ hasText: "Aanbod gedaan" });
    await current.getByRole("link").first().click();
    await coach.page.waitForURL(/\/coach\/voorstellen\/[0-9a-f-]{36}$/);
    await waitForHydration(coach.page);
    const code = /Kandidaat (WB-[A-Z0-9]+)/.exec((await coach.page.getByRole("heading", { level: 1 }).textContent()) ?? "")![1]!;
    await coach.page.getByRole("link", { name: "Passende vacatures" }).click();
    await coach.page.waitForURL(/\/coach\/matches\/kandidaat\//);
    await waitForHydration(coach.page);
    const hit = coach.page.getByTestId("coach-vacancy-hit").filter({ has: coach.page.getByRole("heading", { name: VACANCY }) });
    await hit.getByRole("link", { name: "Kandidaat voorstellen" }).click();
    await coach.page.waitForURL(/\/coach\/voorstellen\/nieuw/);
    await waitForHydration(coach.page);
    await coach.page.getByLabel("Waarom past deze kandidaat? (kort)").fill(NOTE);
    await coach.page.getByRole("button", { name: "Voorstellen" }).click();
    await coach.page.waitForURL(/\/coach\/voorstellen\/[0-9a-f-]{36}\?gedaan=proposed/);
    await waitForHydration(coach.page);
    const proposalPath = new URL(coach.page.url()).pathname;
    const proposalId = proposalPath.split("/").pop()!;
    await expect(coach.page.getByRole("status")).toContainText("De kandidaat is voorgesteld");
    await expect(coach.page.getByTestId("proposal-status")).toHaveText("Voorgesteld");
    await keepScreenshot(coach.page, "pipeline-01-coach-proposed");

    // 2. The employer opens the notification, sees the anonymised profile, says interested.
    const employer = await asUser(browser, demo.employer);
    await expect(employer.page.getByTestId("unread-badge")).toBeVisible();
    await goto(employer.page, "/meldingen");
    const notification = employer.page.getByTestId("notification").filter({ hasText: `Nieuw voorstel voor uw vacature ${VACANCY}` });
    await notification.getByRole("button", { name: "Bekijken" }).click();
    await employer.page.waitForURL(`**/werkgever/voorstellen/${proposalId}`);
    await waitForHydration(employer.page);
    await expect(employer.page.getByText(/U ziet het profiel zonder naam/)).toBeVisible();
    await expect(employer.page.getByTestId("public-profile")).toContainText(code);
    await expect(employer.page.getByText(NOTE)).toBeVisible();
    await employer.page.getByRole("button", { name: "Ja, ik heb interesse" }).click();
    await expect(employer.page.getByRole("status")).toContainText("interesse");
    await expect(employer.page.getByTestId("proposal-status")).toHaveText("Interesse");

    // The thread: contact details are masked before consent, with a warning while typing.
    await employer.page.getByLabel("Uw bericht").fill("Fijn! Bel me gerust op 06-12345678 om iets af te spreken.");
    await expect(employer.page.getByText("Let op: het telefoonnummer of e-mailadres in uw bericht wordt verborgen.")).toBeVisible();
    await employer.page.getByRole("button", { name: "Versturen" }).click();
    const message = employer.page.getByTestId("thread-message").last();
    await expect(message).toContainText("[telefoonnummer verborgen]");
    await expect(message).not.toContainText("12345678");

    // The introduction, with the coach present, in two days.
    const meetingAt = localDateTime(new Date(start.now), 2, 10);
    await employer.page.getByLabel("Datum en tijd").fill(meetingAt);
    await employer.page.getByLabel("Adres").fill("Flevo Distributie, Industrieweg 12, Lelystad");
    await employer.page.getByRole("button", { name: "Kennismaking plannen" }).click();
    await expect(employer.page.getByTestId("proposal-status")).toHaveText("Kennismaking gepland");
    await expect(employer.page.getByTestId("meeting")).toContainText("Industrieweg 12");
    await keepScreenshot(employer.page, "pipeline-02-employer-meeting-planned");

    // 3. Three days later: the introduction took place; the employer makes an offer.
    await setClock(employer.page, 3);
    await goto(employer.page, proposalPath.replace("/coach/", "/werkgever/"));
    await employer.page.getByRole("button", { name: "De kennismaking heeft plaatsgevonden" }).click();
    await expect(employer.page.getByTestId("meeting")).toContainText("Gehouden");
    await employer.page.getByLabel("Uren per week").fill("38");
    await employer.page.getByLabel("Soort contract").selectOption("vast");
    await employer.page.getByLabel("Loon (indicatie)").fill("€ 16,50 per uur plus ploegentoeslag");
    await employer.page.getByLabel("De eerste dag").fill("Om 07:00 melden bij de portier. Werkschoenen krijgt u van ons.");
    await employer.page.getByRole("button", { name: "Aanbod versturen" }).click();
    await expect(employer.page.getByTestId("proposal-status")).toHaveText("Aanbod gedaan");
    await expect(employer.page.getByTestId("offer")).toContainText("38 uur per week");
    await keepScreenshot(employer.page, "pipeline-03-employer-offer-made");

    // 4. The coach reviews the offer and records advice for the candidate.
    await goto(coach.page, proposalPath);
    await expect(coach.page.getByTestId("offer")).toContainText("38 uur per week");
    await coach.page.getByLabel("Advies", { exact: true }).fill(ADVICE);
    await coach.page.getByRole("button", { name: "Advies bewaren" }).click();
    await expect(coach.page.getByRole("status")).toContainText("Uw advies is bewaard");
    await expect(coach.page.getByTestId("offer-advice")).toContainText(ADVICE);
    await keepScreenshot(coach.page, "pipeline-04-coach-advice");

    // The employer never sees the coach's advice.
    await goto(employer.page, proposalPath.replace("/coach/", "/werkgever/"));
    await expect(employer.page.getByText(ADVICE)).toHaveCount(0);

    // 5. The candidate reads the offer with the advice and accepts with consent, on a phone.
    const candidate = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await candidate.newPage();
    await login(phone, demo.candidate);
    const card = phone.getByTestId("candidate-proposal").filter({ hasText: VACANCY });
    await card.getByRole("link", { name: "Aanbod bekijken" }).click();
    await phone.waitForURL(`**/kandidaat/voorstellen/${proposalId}`);
    await waitForHydration(phone);
    await expect(phone.getByTestId("offer-advice")).toContainText(ADVICE);
    await expect(phone.getByTestId("thread-message").first()).toContainText("[telefoonnummer verborgen]");
    await keepScreenshot(phone, "pipeline-05-candidate-offer");
    // Without the consent the answer is refused with a clear message.
    await phone.getByRole("button", { name: "Aanbod aannemen" }).click();
    await expect(phone.getByRole("alert")).toContainText("Zet het vinkje");
    await phone.getByLabel(/toestemming om mijn naam en contactgegevens te zien/).check();
    await phone.getByRole("button", { name: "Aanbod aannemen" }).click();
    await phone.waitForURL("**/kandidaat/werk?gedaan=placed");
    await waitForHydration(phone);
    await expect(phone.getByRole("status")).toContainText("De plaatsing is gestart");
    await expect(phone.getByTestId("job-coach")).toBeVisible();
    const jobCoachName = (await phone.getByTestId("job-coach").locator("p").first().textContent())!.trim();
    await keepScreenshot(phone, "pipeline-06-candidate-work");

    // 6. A week after the start the coach logs the first check-in (overdue ones come first).
    await goto(coach.page, "/coach/plaatsingen");
    await coach.page.getByTestId("placement-row").filter({ hasText: VACANCY }).getByRole("link").click();
    await coach.page.waitForURL(/\/coach\/plaatsingen\/[0-9a-f-]{36}/);
    const placementId = new URL(coach.page.url()).pathname.split("/").pop()!;
    await expect(coach.page.getByTestId("job-coach")).toContainText(jobCoachName);
    await setClock(coach.page, 3 + 14 + 8);
    await goto(coach.page, `/coach/plaatsingen/${placementId}`);
    const week1 = coach.page.getByTestId("coach-check-in").first();
    await expect(week1).toHaveAttribute("data-state", "overdue");
    await expect(week1).toContainText("Week 1");
    await week1.getByLabel("Hoe gaat het met de kandidaat?").selectOption("4");
    await week1.getByLabel("Notities (alleen voor jobcoaches)").fill(COACH_ONLY);
    await week1.getByLabel("Afspraken en acties").fill("Over vier weken samen met de teamleider evalueren.");
    await week1.getByRole("button", { name: "Gesprek vastleggen" }).click();
    await expect(coach.page.getByRole("status")).toContainText("Het nazorggesprek is vastgelegd");
    await expect(coach.page.getByText(COACH_ONLY)).toBeVisible();
    await keepScreenshot(coach.page, "pipeline-07-coach-check-in");

    // 7. The employer sees the job coach and the new colleague's name, never the coach's notes.
    await goto(employer.page, `/werkgever/plaatsingen/${placementId}`);
    await expect(employer.page.getByTestId("job-coach")).toContainText(jobCoachName);
    await expect(employer.page.getByRole("heading", { level: 1 })).not.toContainText(code);
    await expect(employer.page.getByText(COACH_ONLY)).toHaveCount(0);
    await expect(employer.page.getByTestId("check-in").first()).toContainText("Gedaan");
    await employer.page.getByRole("button", { name: "Vraag om een gesprek" }).click();
    await expect(employer.page.getByRole("status")).toContainText("Uw vraag is verstuurd");
    await keepScreenshot(employer.page, "pipeline-08-employer-placement");

    // 8. Six months after the start: overdue check-ins first; the coach logs one and completes it.
    await setClock(coach.page, 3 + 14 + 186);
    await goto(coach.page, `/coach/plaatsingen/${placementId}`);
    const first = coach.page.getByTestId("coach-check-in").first();
    await expect(first).toHaveAttribute("data-state", "overdue");
    await first.getByLabel("Met wie", { exact: true }).selectOption("candidate");
    await first.getByLabel("Hoe", { exact: true }).selectOption("phone");
    await first.getByRole("button", { name: "Gesprek vastleggen" }).click();
    await expect(coach.page.getByRole("status")).toContainText("Het nazorggesprek is vastgelegd");
    await coach.page.getByLabel("Hoe eindigt de plaatsing?").selectOption("completed");
    await coach.page.getByRole("button", { name: "Plaatsing beëindigen" }).click();
    await expect(coach.page.getByRole("status")).toContainText("De plaatsing is afgerond");
    await expect(coach.page.getByTestId("placement-status")).toHaveText("Afgerond");
    const retention = coach.page.getByTestId("retention");
    for (const months of [1, 3, 6]) {
      await expect(retention.locator("div", { hasText: `Na ${months} maand(en)` })).toContainText("Nog aan het werk");
    }
    await keepScreenshot(coach.page, "pipeline-09-coach-completed");

    // 9. The employer sees the completed placement with its job coach.
    await goto(employer.page, `/werkgever/plaatsingen/${placementId}`);
    await expect(employer.page.getByTestId("placement-status")).toHaveText("Afgerond");
    await expect(employer.page.getByTestId("job-coach")).toContainText(jobCoachName);
    await keepScreenshot(employer.page, "pipeline-10-employer-completed");

    await setClock(coach.page, 0);
    for (const c of [coach.context, employer.context, candidate]) await c.close();
  });
});

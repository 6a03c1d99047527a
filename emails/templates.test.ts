import { describe, expect, it } from "vitest";
import { emailTemplates } from "./registry";
import { EmailPropsError, parseEmailProps, renderEmail } from "./render.server";
import { emailBackoffMs, startOfDutchDay } from "./worker.server";

const expiresAt = new Date("2026-03-05T12:00:00Z");

describe("email templates", () => {
  it("invitation: who invites, organisation, role, one-time link and expiry", async () => {
    const email = await renderEmail("invitation", {
      name: "Jan Jansen",
      inviterName: "Sanne de Vries",
      organisationName: "PI Lelystad",
      role: "prison_staff",
      link: "https://werkbrug.example/uitnodiging/tok123",
      expiresAt,
    });
    expect(email.subject).toBe("Uitnodiging voor Werkbrug van PI Lelystad");
    expect(email.text).toContain("Beste Jan Jansen,");
    expect(email.text).toContain("Sanne de Vries nodigt u uit voor Werkbrug");
    expect(email.text).toContain("PI Lelystad");
    expect(email.text).toContain("Medewerker PI");
    expect(email.text).toContain("https://werkbrug.example/uitnodiging/tok123");
    // 12:00 UTC is 13:00 in Amsterdam (winter time).
    expect(email.text).toContain("geldig tot 5 maart 2026 om 13:00");
    expect(email.html).toContain('href="https://werkbrug.example/uitnodiging/tok123"');
    expect(email.html).toContain('lang="nl"');
  });

  it("invitation for a candidate account needs no organisation", async () => {
    const email = await renderEmail("invitation", {
      inviterName: "Coach Karim",
      role: "candidate",
      link: "https://werkbrug.example/uitnodiging/x",
      expiresAt: expiresAt.toISOString(),
    });
    expect(email.subject).toBe("Uitnodiging voor uw account bij Werkbrug");
    expect(email.text).toContain("Hallo,");
    expect(email.text).toContain("Coach Karim nodigt u uit om een account te maken");
  });

  it("password reset: link, expiry and 'did not ask? ignore'", async () => {
    const email = await renderEmail("password-reset", {
      name: "Eva",
      link: "https://werkbrug.example/wachtwoord/tok",
      expiresAt,
    });
    expect(email.subject).toBe("Nieuw wachtwoord kiezen voor Werkbrug");
    expect(email.text).toContain("https://werkbrug.example/wachtwoord/tok");
    expect(email.text).toContain("geldig tot 5 maart 2026 om 13:00");
    expect(email.text).toContain("Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren.");
  });

  it("notification: title, body paragraphs and link", async () => {
    const email = await renderEmail("notification", {
      title: "Nieuw voorstel voor uw vacature",
      body: "Een jobcoach stelt een kandidaat voor.\n\nBekijk het profiel.",
      link: "http://localhost:3000/werkgever/voorstellen/1",
    });
    expect(email.subject).toBe("Werkbrug: Nieuw voorstel voor uw vacature");
    expect(email.text).toContain("Een jobcoach stelt een kandidaat voor.");
    expect(email.text).toContain("Bekijk het profiel.");
    expect(email.text).toContain("http://localhost:3000/werkgever/voorstellen/1");
  });

  it("digest: one email with every item, counted in the subject", async () => {
    const email = await renderEmail("digest", {
      name: "Piet",
      day: "2026-03-04T15:00:00.000Z",
      items: [
        { title: "Eerste melding", body: "Een", createdAt: "2026-03-04T08:00:00.000Z" },
        {
          title: "Tweede melding",
          link: "http://localhost:3000/x",
          createdAt: "2026-03-04T15:00:00.000Z",
        },
      ],
    });
    expect(email.subject).toBe("Werkbrug: 2 nieuwe meldingen (4 maart 2026)");
    expect(email.text).toContain("Eerste melding");
    expect(email.text).toContain("Tweede melding");
    expect(email.text).toContain("http://localhost:3000/x");
  });

  it("rejects bad props with the template's zod schema", () => {
    expect(() =>
      parseEmailProps("invitation", {
        inviterName: "A",
        role: "coach",
        link: "https://x.example/a",
        expiresAt,
      }),
    ).toThrow(EmailPropsError); // organisation missing for an organisation role
    expect(() =>
      parseEmailProps("password-reset", { link: "javascript:alert(1)", expiresAt }),
    ).toThrow(/link/);
    expect(() => parseEmailProps("password-reset", { link: "/relative", expiresAt })).toThrow(
      EmailPropsError,
    );
    expect(() =>
      parseEmailProps("password-reset", { link: "https://x.example", expiresAt: "gisteren" }),
    ).toThrow(/expiresAt/);
    expect(() => parseEmailProps("digest", { day: expiresAt, items: [] })).toThrow(EmailPropsError);
    expect(() => parseEmailProps("nope", {})).toThrow(/Unknown email template/);
  });

  it("only notifications may wait for the digest", () => {
    expect(emailTemplates.notification.digestible).toBe(true);
    expect(emailTemplates.invitation.digestible).toBe(false);
    expect(emailTemplates["password-reset"].digestible).toBe(false);
    expect(emailTemplates.digest.digestible).toBe(false);
  });
});

describe("worker timing", () => {
  it("backs off exponentially from 30 s up to an hour", () => {
    expect(emailBackoffMs(1)).toBe(30_000);
    expect(emailBackoffMs(2)).toBe(60_000);
    expect(emailBackoffMs(3)).toBe(120_000);
    expect(emailBackoffMs(7)).toBe(1_920_000);
    expect(emailBackoffMs(8)).toBe(3_600_000);
    expect(emailBackoffMs(20)).toBe(3_600_000);
  });

  it("knows when the Dutch day starts, in winter and summer time", () => {
    expect(startOfDutchDay(new Date("2026-01-15T10:00:00Z")).toISOString()).toBe(
      "2026-01-14T23:00:00.000Z",
    );
    expect(startOfDutchDay(new Date("2026-07-15T10:00:00Z")).toISOString()).toBe(
      "2026-07-14T22:00:00.000Z",
    );
    // 23:30 UTC on 15 July is already 16 July in Amsterdam.
    expect(startOfDutchDay(new Date("2026-07-15T23:30:00Z")).toISOString()).toBe(
      "2026-07-15T22:00:00.000Z",
    );
    // The day the clocks go forward (29 March 2026).
    expect(startOfDutchDay(new Date("2026-03-29T12:00:00Z")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
  });
});

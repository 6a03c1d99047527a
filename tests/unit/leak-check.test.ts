import { describe, expect, it } from "vitest";
import { findLeaks, type LeakKind, type LeakPerson, passesElfproef } from "~/domain/candidates/leak-check";

const person: LeakPerson = {
  firstName: "Ruben",
  lastName: "de Vries",
  dateOfBirth: "1990-05-17",
  phone: "06-12345678",
  email: "ruben.devries@example.nl",
  address: "Kastanjelaan 12, 8232 AB Lelystad",
  prisonName: "PI Lelystad",
};

function kinds(text: string, who: LeakPerson = person): LeakKind[] {
  return findLeaks([{ field: "summary", label: "Over de kandidaat", text }], who).map((f) => f.kind);
}

describe("identity leak check", () => {
  describe("finds", () => {
    it.each([
      ["the first name", "Ruben werkt graag buiten.", "name"],
      ["the first name in lower case", "ik ben ruben en ik werk hard", "name"],
      ["the last name written as a name", "Meneer Vries is een harde werker.", "name"],
      ["the full last name with particles in any case", "de familie de vries", "name"],
      ["the date of birth (dd-mm-yyyy)", "Geboortedatum 17-05-1990.", "date_of_birth"],
      ["the date of birth (d/m/yy)", "Sinds 17/5/90 woon ik hier.", "date_of_birth"],
      ["the date of birth (dd.mm.yyyy)", "17.05.1990", "date_of_birth"],
      ["the date of birth (with a month name)", "Ik ben op 17 mei 1990 jarig.", "date_of_birth"],
      ["the date of birth (ISO)", "1990-05-17", "date_of_birth"],
      ["the date of birth (compact)", "code 17051990", "date_of_birth"],
      ["'geboren in' a year", "Ik ben geboren in 1990 in Almere.", "date_of_birth"],
      ["another exact date", "Vrij op 3 maart 2027, daarna beschikbaar.", "date"],
      ["an age", "Hij is 34 jaar oud en fit.", "age"],
      ["an age as -jarige", "Een 34-jarige vakman.", "age"],
      ["a mobile number", "Bel 06-12345678 voor meer info.", "phone"],
      ["a mobile number with spaces", "bel 06 123 456 78", "phone"],
      ["an international number", "+31 6 87654321", "phone"],
      ["a landline", "telefoon 0320-123456", "phone"],
      ["an email address", "mail naar iemand@voorbeeld.nl", "email"],
      ["an obfuscated email address", "ruben (at) gmail punt com", "email"],
      ["a street and number", "Woont aan de Dorpsstraat 4a.", "address"],
      ["a street and number in lower case", "kerkweg 112 is mijn adres", "address"],
      ["a postcode", "postcode 8232 AB", "postcode"],
      ["the person's own street", "Ik woon op de Kastanjelaan.", "address"],
      ["the own prison", "Werkte in de keuken van PI Lelystad.", "prison"],
      ["a prison written out", "In de Penitentiaire Inrichting Zwolle gewerkt.", "prison"],
      ["a prison with 'gevangenis in'", "In de gevangenis in Almelo gelast.", "prison"],
      ["a distinctive prison name", "Werkplaats in Norgerhaven.", "prison"],
      ["another distinctive prison name", "metaalwerkplaats van De Schie", "prison"],
      ["a BSN", "BSN 111222333", "bsn"],
      ["a BSN in groups", "nummer 123.456.782", "bsn"],
    ])("%s", (_what, text, kind) => {
      expect(kinds(text)).toContain(kind);
    });
  });

  describe("leaves alone", () => {
    it.each([
      ["ordinary work text", "Orderpicker met heftruckcertificaat. Werkt nauwkeurig en veilig."],
      ["hours and years", "Wil 32 tot 40 uur per week werken en heeft 3 jaar ervaring."],
      ["a month and a year", "Beschikbaar vanaf maart 2027."],
      ["work during detention without a place", "Tijdens detentie 10 maanden in de metaalwerkplaats gewerkt. In de PI haalde hij zijn VCA."],
      ["the word gevangenis without a name", "In de gevangenis heb ik leren lassen."],
      ["a job that is also the last name", "Timmerman met eigen gereedschap.", { ...person, lastName: "Timmerman" }],
      ["'ik ben' when the first name is Ben", "Ik ben gemotiveerd en ik wil werken.", { ...person, firstName: "Ben" }],
      ["a number that fails the elfproef", "Ordernummer 123456789 verwerkt."],
      ["an amount after a street-like word", "In mijn werkveld 3 jaar actief."],
      ["licences and certificates", "Rijbewijs B, VCA, code 95, mbo-2."],
      ["a level with a number", "Nederlands op niveau B1, Engels A2."],
    ])("%s", (_what, text, who?: LeakPerson) => {
      expect(findLeaks([{ field: "summary", label: "Over de kandidaat", text }], who ?? person)).toEqual([]);
    });
  });

  it("names the field and quotes the text in plain Dutch", () => {
    const [finding] = findLeaks([{ field: "headline", label: "Korte omschrijving", text: "Ruben zoekt werk" }], person);
    expect(finding).toMatchObject({ field: "headline", kind: "name", match: "Ruben" });
    expect(finding!.message).toBe("Korte omschrijving: de naam van de kandidaat staat erin (\u201cRuben\u201d). Haal de naam weg.");
  });

  it("reports each finding once per field", () => {
    const findings = findLeaks([{ field: "summary", label: "S", text: "Ruben, Ruben en nog eens Ruben" }], person);
    expect(findings).toHaveLength(1);
  });

  it("checks every field it is given", () => {
    const findings = findLeaks(
      [
        { field: "headline", label: "Kop", text: "Lasser" },
        { field: "experience.0", label: "Werkervaring 1", text: "Keuken PI Lelystad" },
      ],
      person,
    );
    expect(findings.map((f) => f.field)).toEqual(["experience.0"]);
  });

  it("stays fast on long and awkward input", () => {
    const text = "a.".repeat(2000) + "@".repeat(500) + " 0 ".repeat(1000);
    const start = performance.now();
    findLeaks([{ field: "summary", label: "S", text }], person);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it("implements the elfproef", () => {
    expect(passesElfproef("111222333")).toBe(true);
    expect(passesElfproef("123456782")).toBe(true);
    expect(passesElfproef("123456789")).toBe(false);
    expect(passesElfproef("000000000")).toBe(false);
    expect(passesElfproef("12345678")).toBe(false);
  });
});

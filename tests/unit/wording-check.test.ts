import { describe, expect, it } from "vitest";
import {
  WORDING_RULES,
  checkVacancyWording,
  checkWording,
  foldForMatching,
  type WordingRule,
} from "~/domain/vacancies/wording";
import { nl } from "~/i18n/nl";

/** The rules that fire for one description. */
function rulesFor(description: string, vogRequired = false): WordingRule[] {
  const warnings = checkVacancyWording({ title: "Magazijnmedewerker", description, vogRequired });
  return [...new Set(warnings.map((w) => w.rule))].sort();
}

describe("wording check: VOG and a clean record", () => {
  it.each([
    ["Voor deze functie vragen wij een VOG.", ["vog_not_ticked"]],
    ["Je levert een Verklaring Omtrent het Gedrag aan.", ["vog_not_ticked"]],
    ["Een blanco strafblad is een must.", ["record_phrase", "vog_not_ticked"]],
    ["Geen strafblad? Dan ben je welkom.", ["record_phrase", "vog_not_ticked"]],
    ["Je hebt een onberispelijk verleden.", ["record_phrase", "vog_not_ticked"]],
    ["Candidates must pass background check.", ["record_phrase", "vog_not_ticked"]],
    ["Alleen kandidaten zonder strafblad zijn welkom.", ["record_phrase", "vog_not_ticked"]],
    ["Je bent nooit in aanraking geweest met politie.", ["record_phrase", "vog_not_ticked"]],
    ["Schoon strafblad vereist", ["record_phrase", "vog_not_ticked"]],
  ])("warns for %j", (text, rules) => {
    expect(rulesFor(text)).toEqual(rules);
  });

  it("asks to tick the VOG box only when it is not ticked", () => {
    expect(rulesFor("Voor deze functie vragen wij een VOG.", true)).toEqual([]);
    // A put-off phrase stays a warning, box or no box.
    expect(rulesFor("Een blanco strafblad is vereist.", true)).toEqual(["record_phrase"]);
  });

  it.each([
    "Een strafblad is voor ons geen probleem.",
    "Ook met een strafblad ben je van harte welkom.",
    "Voor deze functie is geen VOG nodig.",
    "Een VOG is niet nodig.",
    "Wij kijken naar wat je kunt, niet naar je verleden.",
    "Je krijgt een vaste begeleider (vogelaar is geen eis).",
    "Je werkt in de vogelopvang en voert de dieren.",
  ])("does not warn for %j", (text) => {
    expect(rulesFor(text)).toEqual([]);
  });

  it("checks skills and certificates too", () => {
    const warnings = checkVacancyWording({
      title: "Beveiliger",
      description: "Je bewaakt het terrein.",
      certificates: ["VOG"],
      vogRequired: false,
    });
    expect(warnings).toEqual([{ rule: "vog_not_ticked", field: "certificates", match: "VOG" }]);
  });
});

describe("wording check: age", () => {
  it.each([
    "Leeftijd max 30 jaar.",
    "Je bent maximaal 35 jaar.",
    "Wij zoeken versterking voor ons jong team.",
    "Kom werken in een jong en dynamisch bedrijf.",
    "Je bent tussen 20 en 35.",
    "Kandidaten tussen 20 en 35 jaar",
    "Geschikt voor 18-25 jaar",
    "Je bent niet ouder dan 40.",
    "Leeftijd: 20 tot 30",
    "Wij zoeken jonge collega's.",
    "Geen 50-plussers.",
  ])("warns for %j", (text) => {
    expect(rulesFor(text)).toEqual(["age"]);
  });

  it.each([
    "Je bent minimaal 18 jaar (wettelijke eis voor de heftruck).",
    "Leeftijd 18+ vanwege het schenken van alcohol.",
    "Je hebt 3 tot 5 jaar ervaring.",
    "Je werkt tussen 20 en 35 uur per week.",
    "Tussen 20 en 35 km reizen is prima.",
    "Werktijden tussen 16.00 en 22.00.",
    "Je werkt van 16 tot 22 in de avond.",
    "Een contract voor 1 jaar, daarna vast.",
    "50-plussers zijn van harte welkom.",
    "Wij geven jongeren en ouderen een kans.",
    "Maximaal 40 uur per week.",
  ])("does not warn for %j", (text) => {
    expect(rulesFor(text)).toEqual([]);
  });
});

describe("wording check: gender and origin", () => {
  it.each([
    ["Hij zoekt een nieuwe uitdaging in de bouw.", ["gender"]],
    ["Alleen mannen, het werk is zwaar.", ["gender"]],
    ["Wij zoeken een mannelijke medewerker.", ["gender"]],
    ["Sterke jongens gezocht!", ["gender"]],
    ["Je bent niet zwanger.", ["gender"]],
    ["Je bent van Nederlandse afkomst.", ["origin"]],
    ["Nederlands als moedertaal.", ["origin"]],
  ])("warns for %j", (text, rules) => {
    expect(rulesFor(text)).toEqual(rules);
  });

  it.each([
    "Orderpicker (m/v) gezocht.",
    "Orderpicker (m/v/x), 32–40 uur.",
    "Je nieuwe collega is er als hij of zij begint.",
    "De teamleider helpt hem/haar op weg.",
    "Je spreekt en begrijpt eenvoudig Nederlands.",
    "Je werkt samen met mannen en vrouwen uit veel landen.",
    "Wij zoeken een vakman of vakvrouw.",
  ])("does not warn for %j", (text) => {
    expect(rulesFor(text)).toEqual([]);
  });
});

describe("wording check: shape of the result", () => {
  it("reports the words as written, per field, in reading order, without repeats", () => {
    const warnings = checkWording({
      vogRequired: false,
      fields: {
        title: "Chauffeur, max 30 jaar",
        description: "Een BLANCO strafblad is nodig. Nogmaals: blanco strafblad!",
      },
    });
    expect(warnings).toEqual([
      { rule: "age", field: "title", match: "max 30 jaar" },
      { rule: "vog_not_ticked", field: "description", match: "BLANCO strafblad" },
      { rule: "record_phrase", field: "description", match: "BLANCO strafblad" },
    ]);
  });

  it("returns nothing for a clean text and for empty fields", () => {
    expect(
      checkVacancyWording({
        title: "Orderpicker (m/v/x)",
        description:
          "Je verzamelt bestellingen met een handscanner. Je krijgt een buddy en een rustige start. Ook met een strafblad ben je welkom.",
        requiredSkills: ["orderpicken"],
        preferredSkills: [],
        certificates: ["VCA"],
        vogRequired: false,
      }),
    ).toEqual([]);
    expect(checkWording({ vogRequired: false, fields: { a: "", b: null, c: [] } })).toEqual([]);
  });

  it("folds case and diacritics without moving positions", () => {
    const text = "Één ONBERISPELIJK Gedrag";
    expect(foldForMatching(text)).toHaveLength(text.length);
    expect(foldForMatching(text)).toBe("een onberispelijk gedrag");
  });

  it("has a plain message and an alternative for every rule", () => {
    const catalogue = nl as Record<string, string>;
    for (const rule of WORDING_RULES) {
      expect(catalogue[`vacancy.wording.${rule}.message`], rule).toBeTruthy();
      expect(catalogue[`vacancy.wording.${rule}.alternative`], rule).toBeTruthy();
    }
  });
});

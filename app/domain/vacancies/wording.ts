/*
 * Fair-chance wording check. A pure function over the texts of a vacancy: it warns (never
 * blocks) when a text
 *   - asks for a VOG or a "clean record" while the vacancy does not say a VOG is required
 *     (then matching cannot use the screening areas, and candidates cannot tell what applies);
 *   - uses phrases that put off people with a record ("blanco strafblad", "must pass background
 *     check", "onberispelijk verleden" …), which the VOG procedure makes unnecessary;
 *   - asks for what the equal-treatment laws forbid asking: age (WGBL: "max 30 jaar",
 *     "jong team"), gender (AWGB: "alleen mannen", "hij" for the new colleague) or origin.
 * Each warning names the rule and the words that triggered it; the message catalogue holds a
 * plain explanation and a plain alternative per rule (`vacancy.wording.<rule>.*`).
 * Client-safe and dependency-free, so it can also run while typing.
 */

export const WORDING_RULES = [
  "vog_not_ticked",
  "record_phrase",
  "age",
  "gender",
  "origin",
] as const;
export type WordingRule = (typeof WORDING_RULES)[number];

export type WordingWarning = {
  rule: WordingRule;
  /** The field the words are in ("title", "description", …). */
  field: string;
  /** The words as the employer wrote them. */
  match: string;
};

type Pattern = {
  rule: WordingRule;
  regex: RegExp;
  /** Extra check on the match (number ranges, what follows). */
  accept?: (m: RegExpExecArray, text: string) => boolean;
};

const isAge = (value: string | undefined) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 15 && n <= 75;
};

// Words after "tussen 20 en 35" that make it hours, distances, money … rather than ages.
const notAgeUnit =
  /^\s*(?:uur|uren|u\b|km|kilometer|euro|eur\b|€|procent|%|kilo|kg|minuten|min\b|dagen|weken|maanden|graden|mensen|medewerkers|collega|personen|stuks|pallets|ton\b|liter|meter|m\b|cm\b|jaar\s+(?:ervaring|werkervaring|in dienst))/;

// Phrases asking for a clean record; they also count as asking for a VOG.
const recordPhrases: RegExp[] = [
  /\b(?:blanco|schoon|schone|leeg|lege|smetteloos|smetteloze|brandschoon|brandschone)\s+strafblad\b/g,
  /\b(?:geen|zonder)\s+(?:enkel\s+)?strafblad\b/g,
  /\bstrafblad\s+(?:is\s+)?(?:een\s+)?(?:vereist|verplicht|niet\s+toegestaan|uitgesloten)\b/g,
  /\bonberispelijke?\s+(?:verleden|gedrag|achtergrond|staat\s+van\s+dienst)\b/g,
  /\bonbesproken\s+(?:verleden|gedrag|levenswandel)\b/g,
  /\b(?:geen|zonder)\s+(?:crimineel|criminele|justitieel|justitiele|strafrechtelijk|strafrechtelijke)\s+(?:verleden|achtergrond|antecedenten)\b/g,
  /\b(?:geen|zonder)\s+(?:politie|justitie)\s*(?:contact|verleden|antecedenten)\b/g,
  /\bgeen\s+antecedenten\b/g,
  /\b(?:nooit|niet)\s+(?:eerder\s+)?in\s+aanraking\s+(?:geweest\s+)?met\s+(?:de\s+)?(?:politie|justitie)\b/g,
  /\bgeen\s+(?:ex-?\s*gedetineerden|ex-?\s*criminelen|criminelen)\b/g,
  /\bclean\s+(?:criminal\s+)?record\b/g,
  /\bno\s+criminal\s+(?:record|history|background)\b/g,
  /\b(?:must|should|has\s+to|have\s+to)\s+pass\s+(?:a\s+)?background\s+checks?\b/g,
  /\bbackground\s*checks?\b/g,
];

const vogPhrases: RegExp[] = [
  /\bvog\b/g,
  /\bverklaring\s+(?:omtrent|van)\s+(?:het\s+)?gedrag\b/g,
  /\bcertificate\s+of\s+(?:good\s+)?conduct\b/g,
  /\b(?:justis|veiligheids)\s*screening\b/g,
];

const patterns: Pattern[] = [
  ...vogPhrases.map((regex) => ({ rule: "vog_not_ticked" as const, regex })),
  ...recordPhrases.map((regex) => ({ rule: "record_phrase" as const, regex })),

  // Age (Wet gelijke behandeling op grond van leeftijd bij de arbeid).
  {
    rule: "age",
    regex:
      /\b(?:max(?:imaal|\.)?|maximum|hooguit|hoogstens|tot|t\/m|niet\s+ouder\s+dan|jonger\s+dan|onder\s+de)\s+(\d{2})\s*(?:jaar|jr\.?)(?!\s*(?:ervaring|werkervaring|in\s+dienst))(?=\W|$)/g,
    accept: (m) => isAge(m[1]),
  },
  {
    rule: "age",
    regex: /\b(?:niet\s+ouder\s+dan|jonger\s+dan)\s+(\d{2})\b/g,
    accept: (m) => isAge(m[1]),
  },
  {
    rule: "age",
    // "tussen 20 en 35" without a unit; times ("tussen 16.00 en 22.00") and hours are not ages.
    regex: /\btussen\s+(\d{2})\s+en\s+(\d{2})\b(?![.:,]\d)/g,
    accept: (m, text) =>
      isAge(m[1]) && isAge(m[2]) && Number(m[1]) < Number(m[2]) && !notAgeUnit.test(text.slice(m.index + m[0].length)),
  },
  {
    rule: "age",
    regex: /\b(\d{2})\s*(?:-|–|tot|t\/m)\s*(\d{2})\s*(?:jaar|jr\.?|jarigen?)(?!\s*(?:ervaring|werkervaring))(?=\W|$)/g,
    accept: (m) => isAge(m[1]) && isAge(m[2]),
  },
  {
    rule: "age",
    regex: /\bleeftijd\s*:?\s*(?:van\s+|tussen\s+|tot\s+|max(?:imaal)?\s+)?\d{2}\b/g,
    // "leeftijd 18+" is a minimum age the law can require (alcohol, machines), not a limit.
    accept: (m, text) => !/^\s*(?:\+|jaar\s+of\s+ouder)/.test(text.slice(m.index + m[0].length)),
  },
  { rule: "age", regex: /\b(?:maximum|maximale)\s*leeftijd\b/g },
  { rule: "age", regex: /\bmaximumleeftijd\b/g },
  {
    rule: "age",
    regex:
      /\bjonge?\s+(?:(?:en|&)\s+\w+\s+)?(?:team|teams|collega'?s?|medewerkers?|kracht(?:en)?|talent|mensen|meiden|jongens|honden|starters?|mannen|vrouwen)\b/g,
  },
  { rule: "age", regex: /\bjong\s+(?:en|&)\s+(?:dynamisch|energiek|enthousiast|fris)\b/g },
  { rule: "age", regex: /\b(?:young|youthful)\s+(?:team|people|and\s+dynamic|professionals?)\b/g },
  { rule: "age", regex: /\bgeen\s+(?:4|5|6)[05]\s*[- ]?\s*plussers?\b/g },
  { rule: "age", regex: /\bniet\s+(?:geschikt\s+)?voor\s+ouderen\b/g },

  // Gender (Algemene wet gelijke behandeling).
  {
    rule: "gender",
    regex:
      /\b(?:alleen|uitsluitend|enkel|liefst|bij\s+voorkeur|voorkeur\s+voor)\s+(?:een\s+)?(?:mannen|vrouwen|heren|dames|man|vrouw|mannelijke|vrouwelijke|jongens|meiden|meisjes)\b/g,
  },
  {
    rule: "gender",
    regex:
      /\b(?:mannelijke|vrouwelijke)\s+(?:kandidaat|kandidaten|medewerker|medewerkers|medewerkster|collega|collega's|sollicitant|sollicitanten|kracht|krachten|werknemer|werknemers)\b/g,
  },
  { rule: "gender", regex: /\b(?:stoere|sterke|flinke|harde|echte)\s+(?:kerel|kerels|jongens|mannen|vent|venten|meiden)\b/g },
  { rule: "gender", regex: /\b(?:man|kerel|kerels|jongens|meiden|dames|heren)\s+gezocht\b/g },
  {
    rule: "gender",
    regex: /\b(?:hij|hem)\b/g,
    // "hij of zij", "hij/zij", "zij of hij", "hem of haar" name everyone.
    accept: (m, text) =>
      !/^\s*(?:\/|of|en)\s*(?:zij|ze|haar|hen)\b/.test(text.slice(m.index + m[0].length)) &&
      !/\b(?:zij|ze|haar|hen)\s*(?:\/|of|en)\s*$/.test(text.slice(Math.max(0, m.index - 12), m.index)),
  },
  { rule: "gender", regex: /\b(?:zwanger\w*|zwangerschap\w*|kinderwens)\b/g },

  // Origin (Algemene wet gelijke behandeling).
  { rule: "origin", regex: /\b(?:nederlandse|autochtone|westerse)\s+(?:afkomst|achtergrond|komaf|origine)\b/g },
  { rule: "origin", regex: /\bautochto(?:on|ne|nen)\b/g },
  {
    rule: "origin",
    regex: /\bgeen\s+(?:buitenlanders|allochtonen|migranten|statushouders|vluchtelingen|expats)\b/g,
  },
  { rule: "origin", regex: /\b(?:alleen|uitsluitend)\s+(?:nederlanders|autochtonen)\b/g },
  { rule: "origin", regex: /\bgeboren\s+nederlander\b/g },
  {
    rule: "origin",
    regex: /\b(?:moedertaal\s+nederlands|nederlandse?\s+(?:als\s+)?moedertaal|native\s+dutch(?:\s+speaker)?)\b/g,
  },
];

// "Geen VOG nodig", "een strafblad is niet vereist": a sentence that says the opposite.
const negations = [
  /\bgeen\s+(?:\w+\s+){0,2}(?:vog|strafblad|verklaring\s+omtrent\s+het\s+gedrag|background\s+check)\b[^.!?\n]*?\b(?:nodig|vereist|verplicht|gevraagd|nodig)\b/,
  /\b(?:vog|strafblad|verklaring\s+omtrent\s+het\s+gedrag)\b[^.!?\n]*?\bniet\s+(?:nodig|vereist|verplicht|gevraagd|van\s+belang)\b/,
  /\b(?:vog|strafblad)\b[^.!?\n]*?\b(?:geen|niet\s+een)\s+(?:probleem|bezwaar|belemmering|eis|vereiste)\b/,
  /\bno\s+(?:background\s+check|vog)\s+(?:needed|required)\b/,
];

/**
 * A lower-case, diacritics-free copy of the same length (so an index in it is an index in the
 * original): "Onberispelijk GEDRAG" and "onberispelijk gedrag" match alike.
 */
export function foldForMatching(text: string): string {
  let out = "";
  for (const c of text) {
    let folded = c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’‘`´]/g, "'");
    if (folded.length !== c.length) folded = c.toLowerCase();
    out += folded.length === c.length ? folded : c;
  }
  return out;
}

function sentenceAround(text: string, index: number): { start: number; end: number } {
  let start = index;
  while (start > 0 && !/[.!?\n]/.test(text[start - 1]!)) start--;
  let end = index;
  while (end < text.length && !/[.!?\n]/.test(text[end]!)) end++;
  return { start, end };
}

function isNegated(folded: string, index: number): boolean {
  const { start, end } = sentenceAround(folded, index);
  const sentence = folded.slice(start, end);
  return negations.some((n) => n.test(sentence));
}

function checkText(text: string, field: string, vogRequired: boolean): (WordingWarning & { at: number })[] {
  const folded = foldForMatching(text);
  const found: (WordingWarning & { at: number })[] = [];
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(folded); m; m = pattern.regex.exec(folded)) {
      if (m[0].length === 0) {
        pattern.regex.lastIndex++;
        continue;
      }
      if (pattern.accept && !pattern.accept(m, folded)) continue;
      const isVogOrRecord = pattern.rule === "vog_not_ticked" || pattern.rule === "record_phrase";
      if (isVogOrRecord && isNegated(folded, m.index)) continue;
      const match = text.slice(m.index, m.index + m[0].length).replace(/\s+/g, " ").trim();
      if (pattern.rule === "vog_not_ticked" && vogRequired) continue;
      found.push({ rule: pattern.rule, field, match, at: m.index });
      // Asking for a clean record is asking for a VOG: say so when the box is not ticked.
      if (pattern.rule === "record_phrase" && !vogRequired) {
        found.push({ rule: "vog_not_ticked", field, match, at: m.index });
      }
    }
  }
  return found;
}

export type WordingInput = {
  vogRequired: boolean;
  /** Field name → its text (lists are checked item by item). */
  fields: Record<string, string | readonly string[] | null | undefined>;
};

/** All warnings for these texts, in field order and then in reading order, without repeats. */
export function checkWording(input: WordingInput): WordingWarning[] {
  const all: (WordingWarning & { at: number; order: number })[] = [];
  let order = 0;
  for (const [field, value] of Object.entries(input.fields)) {
    const texts = value == null ? [] : typeof value === "string" ? [value] : value;
    let offset = 0;
    for (const text of texts) {
      for (const w of checkText(text, field, input.vogRequired)) all.push({ ...w, at: w.at + offset, order });
      offset += text.length + 1;
    }
    order++;
  }
  all.sort((a, b) => a.order - b.order || a.at - b.at || WORDING_RULES.indexOf(a.rule) - WORDING_RULES.indexOf(b.rule));
  const seen = new Set<string>();
  const result: WordingWarning[] = [];
  for (const { rule, field, match } of all) {
    const key = `${rule}|${field}|${foldForMatching(match)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ rule, field, match });
  }
  // Overlapping matches of one rule ("max 30 jaar" and "max 30"): keep the longest.
  return result.filter(
    (w) =>
      !result.some(
        (o) =>
          o !== w &&
          o.rule === w.rule &&
          o.field === w.field &&
          o.match.length > w.match.length &&
          foldForMatching(o.match).includes(foldForMatching(w.match)),
      ),
  );
}

/** The texts of a vacancy that the check reads. */
export function checkVacancyWording(vacancy: {
  title: string;
  description: string;
  requiredSkills?: readonly string[];
  preferredSkills?: readonly string[];
  certificates?: readonly string[];
  vogRequired: boolean;
}): WordingWarning[] {
  return checkWording({
    vogRequired: vacancy.vogRequired,
    fields: {
      title: vacancy.title,
      description: vacancy.description,
      requiredSkills: vacancy.requiredSkills ?? [],
      preferredSkills: vacancy.preferredSkills ?? [],
      certificates: vacancy.certificates ?? [],
    },
  });
}

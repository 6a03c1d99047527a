import { curatedOccupations } from "~/domain/taxonomy/curated";
import { t, type MessageKey } from "~/i18n";

/*
 * Identity leaks in the free text of an anonymised profile: the person's own names and date
 * of birth, exact dates and ages, phone numbers, email addresses, street addresses and
 * postcodes, prison names and BSN-like numbers. Pure (no database), so the editor, the
 * publication steps and the tests share it. Publication is refused while anything is found;
 * the coach sees each finding in plain Dutch. Findings quote the text they found: they are
 * for the coach (who may see identity), never for an employer.
 *
 * It errs on the side of caution: a false alarm costs the coach a rephrasing, a miss costs
 * the person their anonymity.
 */

export type LeakKind =
  | "name"
  | "date_of_birth"
  | "date"
  | "age"
  | "phone"
  | "email"
  | "address"
  | "postcode"
  | "prison"
  | "bsn";

/** What the check knows about the person (from candidate_identities, server-side only). */
export type LeakPerson = {
  firstName: string;
  lastName: string;
  /** ISO date "1990-05-17". */
  dateOfBirth: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  prisonName?: string | null;
};

export type LeakText = { field: string; label: string; text: string };
export type LeakFinding = { field: string; kind: LeakKind; match: string; message: string };

// Prison sites of the Dienst Justitiële Inrichtingen with a distinctive name, after the
// GeoNames prison list (CC BY 4.0). Sites named after their town are caught by the patterns
// below ("PI Lelystad", "gevangenis in Zwolle"), since a town name alone is no leak.
export const PRISON_NAMES = [
  "Nieuw Vosseveld",
  "Vosseveld",
  "Koepelgevangenis",
  "Stadsgevangenis",
  "Bijlmerbajes",
  "Amerswiel",
  "Boschpoort",
  "Geerhorst",
  "Grittenborgh",
  "Karelskamp",
  "Kruisberg",
  "Marwei",
  "De Schie",
  "Dordtse Poorten",
  "Esserheem",
  "Bankenbosch",
  "Het Keern",
  "Maashegge",
  "Niendure",
  "Nieuwersluis",
  "Noordsingel",
  "Norgerhaven",
  "Oosterhoek",
  "Ooyerhoek",
  "Over-Amstel",
  "Overmaze",
  "Tafelbergweg",
  "Ter Apel",
  "Ter Peel",
  "Torentijd",
  "Westlinge",
  "Wolvenplein",
  "Zuyder Bos",
  "Marstal",
  "Nederhof",
  "Extra Beveiligde Inrichting",
] as const;

const PARTICLES = new Set([
  "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "t", "op", "la", "le", "du", "da",
  "di", "el", "al", "von", "zu", "vd", "d", "des", "del", "dos", "bin", "ben", "aan",
]);

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, feb: 2, februari: 2, mrt: 3, maart: 3, apr: 4, april: 4, mei: 5,
  jun: 6, juni: 6, jul: 7, juli: 7, aug: 8, augustus: 8, sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_PATTERN =
  "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec";

const STREET_SUFFIXES =
  "straat|straatweg|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|pad|steeg|markt|park|ring|baan|wal|plantsoen|erf|veld|burg|poort|haven|kanaal|allee|boulevard|dam|zijde|oord|hoek|kamp|akker|hout|horst|donk|wijk|berg|straatje|laantje|pleintje";
// A number after these is an amount, not a house number ("werkveld 3 jaar").
const UNIT_AFTER = /^\s*(jaar|jaren|maand|maanden|week|weken|dag|dagen|uur|uren|km|kilometer|keer|x|%|procent|euro)\b/i;

/** Lower case without diacritics, one character per character (so indexes stay the same). */
function fold(text: string) {
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    out += base.length === ch.length ? base : ch.toLowerCase().slice(0, ch.length).padEnd(ch.length, " ");
  }
  return out;
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern matching `word` as a whole word (letters and digits count as word characters). */
function wholeWord(word: string, flags = "gu") {
  const body = escape(word).replace(/\s+/g, "\\s+").replace(/-/g, "[-\\s]?");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags);
}

function nameParts(name: string) {
  return fold(name)
    .split(/[\s-]+/)
    .map((p) => p.replace(/['’.]/g, ""))
    .filter((p) => p.length >= 2 && !PARTICLES.has(p));
}

// First names that are everyday Dutch words; job titles come from the taxonomy.
const COMMON_WORDS = [
  "ben", "wil", "roos", "mark", "bas", "job", "frank", "hoop", "lot", "fleur", "joy", "mees",
  "sterre", "ad", "bram", "wim", "dirk", "rob", "mo", "kok", "smit", "visser", "de", "van",
];
let commonWords: Set<string> | undefined;
function isCommonWord(part: string) {
  if (!commonWords) {
    commonWords = new Set(COMMON_WORDS);
    for (const o of curatedOccupations) {
      for (const label of [o.title, ...o.synonyms]) for (const w of fold(label).split(/[^\p{L}]+/u)) if (w) commonWords.add(w);
    }
  }
  return commonWords.has(part);
}

function atSentenceStart(text: string, index: number) {
  const before = text.slice(0, index).trimEnd();
  return before === "" || /[.!?:;\n•*-]$/.test(before);
}

function digitsOf(text: string) {
  return text.replace(/\D/g, "");
}

/** The Dutch "elfproef" for a citizen service number (BSN). */
export function passesElfproef(digits: string) {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

type Hit = { kind: LeakKind; match: string };

function checkText(original: string, person: LeakPerson): Hit[] {
  const text = original.normalize("NFC");
  const folded = fold(text);
  const hits: Hit[] = [];
  const add = (kind: LeakKind, index: number, length: number) =>
    hits.push({ kind, match: text.slice(index, index + length).trim() });

  // Names. A name part that is also an everyday word or a job ("Ben", "Wil", "Bakker",
  // "Timmerman") counts only when written as a name: with a capital, not at the start of a
  // sentence. Any other name part counts in any case. A last name with particles ("de Vries")
  // counts in full in any case.
  const nameHit = (part: string) => {
    const common = isCommonWord(part);
    for (const m of folded.matchAll(wholeWord(part))) {
      if (!common) {
        add("name", m.index, m[0].length);
        continue;
      }
      const first = text[m.index] ?? "";
      if (first !== first.toLowerCase() && !atSentenceStart(text, m.index)) add("name", m.index, m[0].length);
    }
  };
  for (const part of nameParts(person.firstName)) nameHit(part);
  for (const part of nameParts(person.lastName)) nameHit(part);
  const fullLast = fold(person.lastName).trim();
  if (fullLast.split(/\s+/).some((p) => PARTICLES.has(p)) && nameParts(person.lastName).length > 0) {
    for (const m of folded.matchAll(wholeWord(fullLast))) add("name", m.index, m[0].length);
  }

  // Dates: the date of birth in any common form; any other exact date too (a profile shows
  // months, and an exact date may be a birth or release date).
  const dob = person.dateOfBirth && /^\d{4}-\d{2}-\d{2}/.test(person.dateOfBirth)
    ? {
        y: Number(person.dateOfBirth.slice(0, 4)),
        m: Number(person.dateOfBirth.slice(5, 7)),
        d: Number(person.dateOfBirth.slice(8, 10)),
      }
    : null;
  const sameYear = (year: string) =>
    dob !== null && (year.length === 4 ? Number(year) === dob.y : Number(year) === dob.y % 100);
  const dateHit = (index: number, length: number, d: number, m: number, y: string) => {
    if (d < 1 || d > 31 || m < 1 || m > 12) return;
    const isDob = dob !== null && d === dob.d && m === dob.m && sameYear(y);
    add(isDob ? "date_of_birth" : "date", index, length);
  };
  for (const m of folded.matchAll(/(?<!\d)(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/g)) {
    dateHit(m.index, m[0].length, Number(m[1]), Number(m[3]), m[4]!);
  }
  for (const m of folded.matchAll(/(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g)) {
    dateHit(m.index, m[0].length, Number(m[3]), Number(m[2]), m[1]!);
  }
  const named = new RegExp(
    `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:e|ste|de)?\\s+(${MONTH_PATTERN})\\.?\\s+('?\\d{2}|\\d{4})(?![\\p{L}\\p{N}])`,
    "gu",
  );
  for (const m of folded.matchAll(named)) {
    dateHit(m.index, m[0].length, Number(m[1]), MONTHS[m[2]!]!, m[3]!.replace("'", ""));
  }
  if (dob) {
    const compact = [
      `${String(dob.d).padStart(2, "0")}${String(dob.m).padStart(2, "0")}${dob.y}`,
      `${String(dob.d).padStart(2, "0")}${String(dob.m).padStart(2, "0")}${String(dob.y % 100).padStart(2, "0")}`,
      `${dob.y}${String(dob.m).padStart(2, "0")}${String(dob.d).padStart(2, "0")}`,
    ];
    for (const c of compact) {
      for (const m of folded.matchAll(new RegExp(`(?<!\\d)${c}(?!\\d)`, "g"))) add("date_of_birth", m.index, m[0].length);
    }
  }
  for (const m of folded.matchAll(/(?<![\p{L}])geboren\b[^.\n]{0,30}?\d{4}/gu)) add("date_of_birth", m.index, m[0].length);

  // Age: employers do not see it.
  for (const m of folded.matchAll(/(?<!\d)\d{2}\s*jaar\s+oud\b|(?<!\d)\d{2}-jarige?\b|\bleeftijd\b[^.\n]{0,15}?\d{2}\b|\bik\s+ben\s+\d{2}\s+jaar\b(?!\s+(?:ervaring|werkervaring|gewerkt|bezig|actief|in|bij))/gu)) {
    add("age", m.index, m[0].length);
  }

  // Email addresses (also written as "naam (at) provider").
  for (const m of text.matchAll(/[\p{L}\p{N}._%+-]+\s*(?:@|\(at\)|\[at\]|\sat\s)\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\(dot\)|\spunt\s)\s*[\p{L}\p{N}-]+)*\s*(?:\.|\(dot\)|\spunt\s)\s*\p{L}{2,}/gu)) {
    if (/@|\(at\)|\[at\]/.test(m[0]) || /\s(?:punt|dot)\s/.test(m[0])) add("email", m.index, m[0].length);
  }
  const ownEmail = person.email?.trim().toLowerCase();
  if (ownEmail) {
    const local = ownEmail.split("@")[0] ?? "";
    if (local.length >= 4) for (const m of folded.matchAll(wholeWord(local))) add("email", m.index, m[0].length);
  }

  // Phone numbers: Dutch numbers in any spacing, and the person's own number in any form.
  for (const m of text.matchAll(/(?<![\d+])(?:\+\s?31|0031|0)[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}(?!\d)/g)) {
    add("phone", m.index, m[0].length);
  }
  const ownPhone = digitsOf(person.phone ?? "").slice(-9);
  if (ownPhone.length === 9) {
    for (const m of text.matchAll(/[\d][\d\s().+-]{7,}\d/g)) {
      if (digitsOf(m[0]).includes(ownPhone)) add("phone", m.index, m[0].length);
    }
  }

  // Street addresses (street + house number), postcodes, and the person's own street.
  const street = new RegExp(
    `(?<![\\p{L}])([\\p{L}'’-]*(?:${STREET_SUFFIXES}))\\s+(\\d{1,4})(?:\\s*[-]?\\s*[a-z](?![\\p{L}])|\\s*-\\s*\\d{1,3}(?!\\d))?(?![\\p{L}\\p{N}])`,
    "gu",
  );
  for (const m of folded.matchAll(street)) {
    const after = folded.slice(m.index + m[0].length);
    if (!UNIT_AFTER.test(after)) add("address", m.index, m[0].length);
  }
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu)) {
    add("postcode", m.index, m[0].length);
  }
  const ownStreet = fold(person.address ?? "")
    .split(",")[0]!
    .replace(/\d.*$/, "")
    .trim();
  if (ownStreet.length >= 5) {
    for (const m of folded.matchAll(wholeWord(ownStreet))) add("address", m.index, m[0].length);
  }

  // Prisons: the person's own, the distinctive names, and "PI …", "gevangenis (in) …".
  const prisonNames = new Set<string>(PRISON_NAMES.map((n) => fold(n)));
  if (person.prisonName) {
    const own = fold(person.prisonName).trim();
    if (own.length >= 3) prisonNames.add(own);
    const core = own.replace(/^(pi|p\.i\.|penitentiaire inrichting|gevangenis|huis van bewaring)\s+/, "").trim();
    if (core.length >= 3 && core !== own) prisonNames.add(`pi ${core}`);
  }
  for (const name of prisonNames) {
    for (const m of folded.matchAll(wholeWord(name))) add("prison", m.index, m[0].length);
  }
  const capitalised = "(?:(?:de|het|den|ter|ten|aan|'t)\\s+)*\\p{Lu}[\\p{L}-]+";
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(?:PI|P\\.I\\.|HvB|JJI|FPC|EBI)\\s+${capitalised}`, "gu"))) {
    add("prison", m.index, m[0].length);
  }
  const keyword =
    "(?:penitentiaire\\s+inrichting|huis\\s+van\\s+bewaring|gevangenis|detentiecentrum|justitiële\\s+inrichting|justitiele\\s+inrichting|bajes|tbs-kliniek)";
  for (const m of text.matchAll(
    new RegExp(`(?<![\\p{L}])${keyword}\\s+(?:(?:van|in|te|bij)\\s+)?${capitalised}`, "giu"),
  )) {
    // Case-insensitive for the keyword, but the name after it must start with a capital.
    const tail = m[0].replace(new RegExp(`^${keyword}\\s+(?:(?:van|in|te|bij)\\s+)?(?:(?:de|het|den|ter|ten|aan|'t)\\s+)*`, "iu"), "");
    if (/^\p{Lu}/u.test(tail)) add("prison", m.index, m[0].length);
  }

  // BSN-like numbers: nine digits (in any grouping) that pass the elfproef.
  for (const m of text.matchAll(/(?<![\d])\d(?:[\s.-]?\d){8}(?![\d])/g)) {
    if (passesElfproef(digitsOf(m[0]))) add("bsn", m.index, m[0].length);
  }

  return hits;
}

const messageKeys: Record<LeakKind, MessageKey> = {
  name: "profile.leak.name",
  date_of_birth: "profile.leak.date_of_birth",
  date: "profile.leak.date",
  age: "profile.leak.age",
  phone: "profile.leak.phone",
  email: "profile.leak.email",
  address: "profile.leak.address",
  postcode: "profile.leak.postcode",
  prison: "profile.leak.prison",
  bsn: "profile.leak.bsn",
};

/** Every identity leak in the given texts, one finding per field, kind and quoted text. */
export function findLeaks(texts: LeakText[], person: LeakPerson): LeakFinding[] {
  const findings: LeakFinding[] = [];
  const seen = new Set<string>();
  for (const { field, label, text } of texts) {
    if (!text.trim()) continue;
    for (const hit of checkText(text, person)) {
      const key = `${field}|${hit.kind}|${hit.match.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        field,
        kind: hit.kind,
        match: hit.match,
        message: t(messageKeys[hit.kind], { field: label, match: hit.match }),
      });
    }
  }
  return findings;
}

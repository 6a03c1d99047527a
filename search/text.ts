/*
 * Dutch text handling shared by the embedded engine and the matcher: normalisation,
 * tokenising, light word-form normalisation (plural, diminutive, female forms), compound
 * splitting against a dictionary, and a bounded edit distance for typo tolerance.
 */

const NON_ASCII = /[\u0080-\uffff]/;

/** Lowercase, without diacritics ("inspiciënt" → "inspicient"). */
export function normalizeText(text: string): string {
  // ASCII has no diacritics to strip (NFD leaves it as it is)
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Raw word tokens: normalised, split on anything that is not a letter or a digit. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const w of normalizeText(text).split(/[^a-z0-9]+/)) if (w) out.push(w);
  return out;
}

const DOUBLE_VOWEL_OPEN = /([aeou])\1([b-df-hj-np-tv-z])er$/;
const DOUBLE_CONSONANT_END = /([bdfgklmnprst])\1$/;

/**
 * Light Dutch word-form normalisation: one canonical form for plural, diminutive and
 * female forms of (job) nouns. Both sides of a comparison must go through it.
 * Examples: lassers → lasser, chauffeuse → chauffeur, schoonmaakster → schoonmaker,
 * medewerkster → medewerker, technica → technicus, operatrice → operateur, heftrucks → heftruck.
 */
export function stem(word: string): string {
  let form = stems.get(word);
  if (form === undefined) {
    form = stemUncached(word);
    if (stems.size >= STEM_CACHE_SIZE) stems.clear();
    stems.set(word, form);
  }
  return form;
}

/** Words repeat endlessly in profiles and queries: their canonical forms are remembered. */
const STEM_CACHE_SIZE = 100_000;
const stems = new Map<string, string>();

function stemUncached(word: string): string {
  const w = word;
  if (w.length < 4 || /^\d+$/.test(w)) return w;
  // female forms
  if (w.endsWith("trices") || w.endsWith("trice")) return w.replace(/trices?$/, "teur");
  if (w.endsWith("euses") || w.endsWith("euse")) return w.replace(/euses?$/, "eur");
  if (w.endsWith("icae")) return w.replace(/icae$/, "icus");
  if (w.endsWith("ica") && w.length >= 6) return w.replace(/ica$/, "icus");
  if (w.endsWith("ici") && w.length >= 6) return w.replace(/ici$/, "icus");
  if (w.length >= 7 && /sters?$/.test(w) && !/(meesters?|zusters?|monsters?|registers?)$/.test(w)) {
    // medewerkster → medewerker, verkoopster → verkoper, schoonmaakster → schoonmaker
    return w.replace(/sters?$/, "er").replace(DOUBLE_VOWEL_OPEN, "$1$2er");
  }
  // diminutives
  if (w.length >= 7 && /(etjes|etje)$/.test(w)) return w.replace(/etjes?$/, "");
  if (w.length >= 6 && /(tjes|tje)$/.test(w)) return w.replace(/tjes?$/, "");
  if (w.length >= 6 && /(pjes|pje)$/.test(w)) return w.replace(/pjes?$/, "");
  if (w.length >= 6 && /(jes|je)$/.test(w)) return w.replace(/jes?$/, "");
  // plurals
  if (w.length >= 6 && w.endsWith("ers")) return w.slice(0, -1);
  if (w.length >= 7 && /[^s]es$/.test(w) && !/(sses|ces)$/.test(w)) return w.slice(0, -1);
  if (w.length >= 5 && /[^s']s$/.test(w) && !/(is|us|es|as|os)$/.test(w)) return w.slice(0, -1);
  if (w.length >= 5 && w.endsWith("'s")) return w.slice(0, -2);
  if (w.length >= 6 && w.endsWith("en") && !/(ieen|een)$/.test(w)) {
    let base = w.slice(0, -2);
    base = base.replace(DOUBLE_CONSONANT_END, "$1");
    return base;
  }
  return w;
}

/** Tokens for indexing and querying: normalised words in their canonical form. */
export function tokenize(text: string): string[] {
  return words(text).map(stem);
}

/**
 * Splits a Dutch compound on known words at its end (Dutch compounds put the head last):
 * with "chauffeur" and "heftruck" known, "vorkheftruckchauffeur" yields
 * ["heftruckchauffeur", "chauffeur", "vorkheftruck", "heftruck"]. Parts are at least
 * `minPart` characters; the word itself is not included.
 */
export function compoundParts(word: string, dictionary: ReadonlySet<string>, minPart = 4): string[] {
  const out = new Set<string>();
  const visit = (w: string, depth: number) => {
    if (depth > 3 || w.length < minPart * 2) return;
    for (let i = w.length - minPart; i >= minPart - 1; i--) {
      // head = w.slice(i), modifier = w.slice(0, i)
      const head = w.slice(i);
      if (head.length < minPart || !dictionary.has(head)) continue;
      let modifier = w.slice(0, i);
      out.add(head);
      // Dutch linking letters: "s" (bedrijfsleider) and "e"/"en" (bessenpluk)
      if (modifier.endsWith("s") && !dictionary.has(modifier) && dictionary.has(modifier.slice(0, -1))) {
        modifier = modifier.slice(0, -1);
      }
      if (modifier.length >= minPart) {
        if (dictionary.has(modifier)) out.add(modifier);
        visit(modifier, depth + 1);
      }
    }
    // a known word at the start (e.g. "heftruck" in "heftruckchauffeur" when the head is unknown)
    for (let i = minPart; i <= w.length - 3; i++) {
      const first = w.slice(0, i);
      if (dictionary.has(first)) out.add(first);
    }
  };
  visit(word, 0);
  out.delete(word);
  return [...out];
}

/** Meilisearch's rule: typos allowed for a query word of this length. */
export function typoBudget(
  length: number,
  min: { oneTypo: number; twoTypos: number } = { oneTypo: 5, twoTypos: 9 },
): number {
  if (length >= min.twoTypos) return 2;
  if (length >= min.oneTypo) return 1;
  return 0;
}

/**
 * Optimal-string-alignment (Damerau–Levenshtein) distance, bounded: returns max + 1 as soon
 * as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev2: number[] = new Array(lb + 1).fill(0);
  let prev: number[] = new Array(lb + 1);
  let cur: number[] = new Array(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb]!;
  return d > max ? max + 1 : d;
}

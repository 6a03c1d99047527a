import { z } from "zod";
import { LICENCES, SECTORS } from "~/domain/vacancies/options";

/*
 * The employer search page keeps ALL its state in the URL (a GET form), so a search can be
 * shared, bookmarked and walked back with the browser's back button. Parameter names are the
 * Dutch words the page shows. Parsing never fails: a value that does not fit falls back to its
 * default (a hand-edited or old link gives a sensible page, never a 400 or a 500).
 *
 * Client-safe: the page builds its links (pagination, remove-a-filter) with `searchHref`.
 */

export const PAGE_SIZE = 10;
export const MAX_PAGE = 500;
export const DISTANCE_OPTIONS = [5, 10, 15, 25, 40, 60, 100] as const;
export const DEFAULT_DISTANCE_KM = 25;
export const SORTS = ["relevantie", "afstand"] as const;
export type SearchSort = (typeof SORTS)[number];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A list parameter (`?sector=a&sector=b`): keeps the values that fit, drops the rest. */
function listOf<T extends string>(item: z.ZodType<T>, max: number) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((values) => {
      const out: T[] = [];
      for (const v of values) {
        const parsed = item.safeParse(typeof v === "string" ? v.trim() : v);
        if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
      }
      return out.slice(0, max);
    });
}

const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, " ").trim().slice(0, max))
    .optional()
    .catch(undefined)
    .transform((s) => s || undefined);

export const employerSearchSchema = z.object({
  q: text(200),
  sector: listOf(z.enum(SECTORS), SECTORS.length),
  rijbewijs: listOf(z.enum(LICENCES), LICENCES.length),
  certificaat: listOf(z.string().min(1).max(80), 10),
  /** Hours per week the employer offers: the candidate's range must include it. */
  uren: z.coerce.number().int().min(1).max(60).optional().catch(undefined),
  /** Available at the latest in this month ("2027-03"). */
  beschikbaar: z.string().regex(MONTH).optional().catch(undefined),
  /** Only people who gained work experience during detention. */
  detentie: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1" || v === "ja" || v === "on"),
  /** Distance from one of the employer's own vacancies… */
  vacature: z.string().regex(UUID).optional().catch(undefined),
  /** …or from a place (gazetteer). */
  plaats: text(80),
  km: z.coerce.number().int().min(1).max(300).optional().catch(undefined),
  sorteer: z.enum(SORTS).catch("relevantie").default("relevantie"),
  pagina: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
});

export type EmployerSearchState = z.output<typeof employerSearchSchema>;

const LIST_KEYS = ["sector", "rijbewijs", "certificaat"] as const;

/** URL query → state; anything that does not fit becomes its default. */
export function parseEmployerSearch(params: URLSearchParams): EmployerSearchState {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(employerSearchSchema.shape)) {
    if ((LIST_KEYS as readonly string[]).includes(key)) raw[key] = params.getAll(key);
    else {
      const value = params.get(key);
      if (value !== null && value !== "") raw[key] = value;
    }
  }
  const parsed = employerSearchSchema.safeParse(raw);
  // Every field has a catch, so this holds; the fallback keeps a page up even if one is missed.
  return parsed.success ? parsed.data : employerSearchSchema.parse({});
}

/** State → URL query, leaving out defaults (short, stable links). */
export function toSearchParams(state: EmployerSearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const s of state.sector) p.append("sector", s);
  for (const l of state.rijbewijs) p.append("rijbewijs", l);
  for (const c of state.certificaat) p.append("certificaat", c);
  if (state.uren !== undefined) p.set("uren", String(state.uren));
  if (state.beschikbaar) p.set("beschikbaar", state.beschikbaar);
  if (state.detentie) p.set("detentie", "1");
  if (state.vacature) p.set("vacature", state.vacature);
  if (state.plaats) p.set("plaats", state.plaats);
  if (state.km !== undefined) p.set("km", String(state.km));
  if (state.sorteer !== "relevantie") p.set("sorteer", state.sorteer);
  if (state.pagina !== 1) p.set("pagina", String(state.pagina));
  return p;
}

/** A link to the search page with some state changed; any change but paging starts at page 1. */
export function searchHref(state: EmployerSearchState, change: Partial<EmployerSearchState> = {}, path = "/werkgever/zoeken") {
  const next = { ...state, pagina: 1, ...change };
  const query = toSearchParams(next).toString();
  return query ? `${path}?${query}` : path;
}

/** True when the state asks for a distance (a vacancy or a place to measure from). */
export function hasOrigin(state: EmployerSearchState) {
  return Boolean(state.vacature || state.plaats);
}

/** The last day (as days since 1970-01-01) of a "YYYY-MM" month. */
export function monthEndDay(month: string): number {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Math.floor(Date.UTC(y, m, 0) / 86_400_000);
}

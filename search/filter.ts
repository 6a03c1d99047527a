/*
 * The structured filter both search adapters share.
 *
 * Callers build a typed filter tree (never a string), so values can not break out of a
 * filter: the Meilisearch adapter serialises the tree with `toMeilisearchFilter` (quotes and
 * backslashes escaped), the embedded adapter evaluates it with `matchesFilter`.
 *
 * Semantics follow Meilisearch's filter expressions:
 * - `eq` on an array field is true when ANY element equals the value (`licences = "C"`);
 * - `neq` is the negation of `eq` (also true when the field is missing);
 * - `in` is true when the field (or any element of an array field) equals one of the values;
 * - comparisons (`gt`, `gte`, `lt`, `lte`, `range`) are numeric; a missing field never matches;
 * - `exists` / `isEmpty` as `field EXISTS` / `field IS EMPTY`;
 * - `geoRadius` keeps documents whose `_geo` lies within `distanceMeters` of the point.
 */

export type FilterScalar = string | number | boolean;

export type Filter =
  | { op: "and"; filters: Filter[] }
  | { op: "or"; filters: Filter[] }
  | { op: "not"; filter: Filter }
  | { op: "eq"; field: string; value: FilterScalar }
  | { op: "neq"; field: string; value: FilterScalar }
  | { op: "in"; field: string; values: FilterScalar[] }
  | { op: "gt" | "gte" | "lt" | "lte"; field: string; value: number }
  | { op: "range"; field: string; from: number; to: number }
  | { op: "exists"; field: string }
  | { op: "isEmpty"; field: string }
  | { op: "geoRadius"; lat: number; lng: number; distanceMeters: number };

// ---------------------------------------------------------------------------
// Builders (keep call sites short and readable)

export const f = {
  and: (...filters: Array<Filter | undefined | null | false>): Filter => ({
    op: "and",
    filters: filters.filter((x): x is Filter => Boolean(x)),
  }),
  or: (...filters: Array<Filter | undefined | null | false>): Filter => ({
    op: "or",
    filters: filters.filter((x): x is Filter => Boolean(x)),
  }),
  not: (filter: Filter): Filter => ({ op: "not", filter }),
  eq: (field: string, value: FilterScalar): Filter => ({ op: "eq", field, value }),
  neq: (field: string, value: FilterScalar): Filter => ({ op: "neq", field, value }),
  in: (field: string, values: FilterScalar[]): Filter => ({ op: "in", field, values }),
  /** Every value must be present in the (array) field: `field = a AND field = b`. */
  all: (field: string, values: FilterScalar[]): Filter => ({
    op: "and",
    filters: values.map((value) => ({ op: "eq", field, value }) as Filter),
  }),
  /** None of the values may be present in the (array) field: `NOT field IN [a, b]`. */
  none: (field: string, values: FilterScalar[]): Filter | undefined =>
    values.length === 0 ? undefined : { op: "not", filter: { op: "in", field, values } },
  gt: (field: string, value: number): Filter => ({ op: "gt", field, value }),
  gte: (field: string, value: number): Filter => ({ op: "gte", field, value }),
  lt: (field: string, value: number): Filter => ({ op: "lt", field, value }),
  lte: (field: string, value: number): Filter => ({ op: "lte", field, value }),
  range: (field: string, from: number, to: number): Filter => ({ op: "range", field, from, to }),
  exists: (field: string): Filter => ({ op: "exists", field }),
  isEmpty: (field: string): Filter => ({ op: "isEmpty", field }),
  geoRadius: (lat: number, lng: number, distanceMeters: number): Filter => ({
    op: "geoRadius",
    lat,
    lng,
    distanceMeters,
  }),
};

// ---------------------------------------------------------------------------
// Meilisearch string syntax

const FIELD_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]*$/;

function field(name: string): string {
  if (!FIELD_PATTERN.test(name)) throw new Error(`Ongeldige veldnaam in filter: ${name}`);
  return name;
}

/** A Meilisearch filter value: strings double-quoted with `"` and `\` escaped. */
export function meiliValue(value: FilterScalar): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("Filterwaarde moet een eindig getal zijn");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error("Filterwaarde moet een eindig getal zijn");
  return String(value);
}

/**
 * Serialises a filter tree to Meilisearch's filter-expression syntax. Returns undefined for
 * an empty filter (no constraint). An empty `or` / `in` matches nothing and is written as a
 * contradiction Meilisearch accepts (`id IN []`).
 */
export function toMeilisearchFilter(filter: Filter | undefined): string | undefined {
  if (!filter) return undefined;
  const out = write(filter);
  return out === "" ? undefined : out;
}

function write(node: Filter): string {
  switch (node.op) {
    case "and": {
      const parts = node.filters.map(write).filter((p) => p !== "");
      if (parts.length === 0) return "";
      if (parts.length === 1) return parts[0]!;
      return parts.map((p) => `(${p})`).join(" AND ");
    }
    case "or": {
      const parts = node.filters.map(write).filter((p) => p !== "");
      if (node.filters.length === 0) return "id IN []";
      if (parts.length < node.filters.length) return ""; // an empty branch matches everything
      if (parts.length === 1) return parts[0]!;
      return parts.map((p) => `(${p})`).join(" OR ");
    }
    case "not": {
      const inner = write(node.filter);
      return inner === "" ? "id IN []" : `NOT (${inner})`;
    }
    case "eq":
      return `${field(node.field)} = ${meiliValue(node.value)}`;
    case "neq":
      return `${field(node.field)} != ${meiliValue(node.value)}`;
    case "in":
      return `${field(node.field)} IN [${node.values.map(meiliValue).join(", ")}]`;
    case "gt":
      return `${field(node.field)} > ${num(node.value)}`;
    case "gte":
      return `${field(node.field)} >= ${num(node.value)}`;
    case "lt":
      return `${field(node.field)} < ${num(node.value)}`;
    case "lte":
      return `${field(node.field)} <= ${num(node.value)}`;
    case "range":
      return `${field(node.field)} ${num(node.from)} TO ${num(node.to)}`;
    case "exists":
      return `${field(node.field)} EXISTS`;
    case "isEmpty":
      return `${field(node.field)} IS EMPTY`;
    case "geoRadius":
      return `_geoRadius(${num(node.lat)}, ${num(node.lng)}, ${num(Math.round(node.distanceMeters))})`;
  }
}

// ---------------------------------------------------------------------------
// In-process evaluation (embedded adapter, post-filters, tests)

export const EARTH_RADIUS_M = 6_371_000;

/** Great-circle (haversine) distance in metres. */
export function haversineMeters(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLng = (lng2 - lng1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  if (!path.includes(".")) return doc[path];
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function scalarEquals(a: unknown, b: FilterScalar): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  if (typeof a === "number" && typeof b === "string") return String(a) === b;
  if (typeof a === "string" && typeof b === "number") return a === String(b);
  return a === b;
}

function anyEquals(value: unknown, b: FilterScalar): boolean {
  if (Array.isArray(value)) return value.some((v) => scalarEquals(v, b));
  return scalarEquals(value, b);
}

function numbers(value: unknown): number[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
}

/** Evaluates a filter against one document, with Meilisearch's semantics (see top of file). */
export function matchesFilter(doc: Record<string, unknown>, filter: Filter | undefined): boolean {
  if (!filter) return true;
  switch (filter.op) {
    case "and":
      return filter.filters.every((x) => matchesFilter(doc, x));
    case "or":
      return filter.filters.some((x) => matchesFilter(doc, x));
    case "not":
      return !matchesFilter(doc, filter.filter);
    case "eq":
      return anyEquals(getPath(doc, filter.field), filter.value);
    case "neq":
      return !anyEquals(getPath(doc, filter.field), filter.value);
    case "in": {
      const v = getPath(doc, filter.field);
      return filter.values.some((x) => anyEquals(v, x));
    }
    case "gt":
      return numbers(getPath(doc, filter.field)).some((n) => n > filter.value);
    case "gte":
      return numbers(getPath(doc, filter.field)).some((n) => n >= filter.value);
    case "lt":
      return numbers(getPath(doc, filter.field)).some((n) => n < filter.value);
    case "lte":
      return numbers(getPath(doc, filter.field)).some((n) => n <= filter.value);
    case "range":
      return numbers(getPath(doc, filter.field)).some((n) => n >= filter.from && n <= filter.to);
    case "exists":
      return getPath(doc, filter.field) !== undefined;
    case "isEmpty": {
      const v = getPath(doc, filter.field);
      if (v === "" ) return true;
      if (Array.isArray(v)) return v.length === 0;
      if (v !== null && typeof v === "object") return Object.keys(v).length === 0;
      return false;
    }
    case "geoRadius": {
      const geo = doc._geo as { lat?: unknown; lng?: unknown } | undefined;
      if (!geo || typeof geo.lat !== "number" || typeof geo.lng !== "number") return false;
      return haversineMeters(filter.lat, filter.lng, geo.lat, geo.lng) <= filter.distanceMeters;
    }
  }
}

/** Fields a filter reads (for checking them against the filterable attributes). */
export function filterFields(filter: Filter | undefined, out = new Set<string>()): Set<string> {
  if (!filter) return out;
  switch (filter.op) {
    case "and":
    case "or":
      filter.filters.forEach((x) => filterFields(x, out));
      break;
    case "not":
      filterFields(filter.filter, out);
      break;
    case "geoRadius":
      out.add("_geo");
      break;
    default:
      out.add(filter.field);
  }
  return out;
}

/** The geo point of the first `geoRadius` that must hold (in a top-level AND chain). */
export function findGeoRadius(
  filter: Filter | undefined,
): { lat: number; lng: number; distanceMeters: number } | undefined {
  if (!filter) return undefined;
  if (filter.op === "geoRadius") return filter;
  if (filter.op === "and") {
    for (const x of filter.filters) {
      const found = findGeoRadius(x);
      if (found) return found;
    }
  }
  return undefined;
}

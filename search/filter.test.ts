import { describe, expect, it } from "vitest";
import { f, matchesFilter, toMeilisearchFilter } from "./filter";

describe("filter tree → Meilisearch filter string", () => {
  it("writes the matcher's constraints", () => {
    const filter = f.and(
      f.eq("sector", "logistiek"),
      f.all("licences", ["C"]),
      f.lte("availableFromDay", 20630),
      f.range("hoursMin", 16, 32),
      f.geoRadius(52.5, 5.4, 25000),
      f.none("vogRiskAreas", ["geld", "kinderen"]),
      f.neq("vogExpected", "no"),
      f.or(f.not(f.exists("startDay")), f.isEmpty("tags")),
      f.eq("hasDetentionExperience", true),
    );
    expect(toMeilisearchFilter(filter)).toBe(
      '(sector = "logistiek") AND (licences = "C") AND (availableFromDay <= 20630) AND (hoursMin 16 TO 32) AND ' +
        '(_geoRadius(52.5, 5.4, 25000)) AND (NOT (vogRiskAreas IN ["geld", "kinderen"])) AND (vogExpected != "no") AND ' +
        '((NOT (startDay EXISTS)) OR (tags IS EMPTY)) AND (hasDetentionExperience = true)',
    );
  });

  it("escapes quotes and backslashes in values and refuses odd field names", () => {
    expect(toMeilisearchFilter(f.eq("certificates", 'VCA "vol" \\ x'))).toBe('certificates = "VCA \\"vol\\" \\\\ x"');
    expect(toMeilisearchFilter(f.in("id", ['a" OR id = "b']))).toBe('id IN ["a\\" OR id = \\"b"]');
    expect(() => toMeilisearchFilter(f.eq('x = 1 OR y', "z"))).toThrow();
    expect(() => toMeilisearchFilter(f.gt("n", Number.NaN))).toThrow();
  });

  it("writes nothing for an empty AND, and a contradiction for an empty OR", () => {
    expect(toMeilisearchFilter(f.and())).toBeUndefined();
    expect(toMeilisearchFilter(undefined)).toBeUndefined();
    expect(toMeilisearchFilter(f.or())).toBe("id IN []");
  });

  it("evaluates with Meilisearch's semantics in memory", () => {
    const doc = { id: "1", licences: ["B", "C"], sector: "Logistiek", hours: 32, _geo: { lat: 52.5, lng: 5.4 } };
    expect(matchesFilter(doc, f.eq("licences", "c"))).toBe(true);
    expect(matchesFilter(doc, f.eq("sector", "logistiek"))).toBe(true);
    expect(matchesFilter(doc, f.neq("licences", "CE"))).toBe(true);
    expect(matchesFilter(doc, f.range("hours", 32, 40))).toBe(true);
    expect(matchesFilter(doc, f.gt("missing", 0))).toBe(false);
    expect(matchesFilter(doc, f.geoRadius(52.5, 5.5, 5000))).toBe(false);
    expect(matchesFilter(doc, f.geoRadius(52.5, 5.5, 8000))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  employerSearchSchema,
  monthEndDay,
  parseEmployerSearch,
  searchHref,
  toSearchParams,
  type EmployerSearchState,
} from "~/domain/search/url-state";

/*
 * The employer search keeps all its state in the URL: what the page writes into a link reads
 * back as the same state, defaults are left out of links, and any value that does not fit
 * becomes its default (never an error).
 */

const parse = (query: string) => parseEmployerSearch(new URLSearchParams(query));

describe("employer search URL state", () => {
  it("round-trips every field", () => {
    const state: EmployerSearchState = {
      q: "heftruck chauffeur",
      sector: ["logistiek", "transport"],
      rijbewijs: ["B", "CE"],
      certificaat: ["VCA", "code 95"],
      uren: 32,
      beschikbaar: "2027-03",
      detentie: true,
      vacature: "0b6f7a2e-8f7e-4c1a-9d7e-2f6a1c3b4d5e",
      plaats: "Almere Buiten",
      km: 40,
      sorteer: "afstand",
      pagina: 3,
    };
    const query = toSearchParams(state).toString();
    expect(parse(query)).toEqual(state);
    // Shareable: the same link gives the same state, also after a second trip.
    expect(toSearchParams(parse(query)).toString()).toBe(query);
  });

  it("leaves defaults out of links", () => {
    const defaults = parse("");
    expect(defaults).toEqual(employerSearchSchema.parse({}));
    expect(toSearchParams(defaults).toString()).toBe("");
    expect(searchHref(defaults)).toBe("/werkgever/zoeken");
  });

  it("starts again at page 1 on any change but paging", () => {
    const state = parse("q=lasser&pagina=4");
    expect(searchHref(state, { sector: ["techniek"] })).toBe("/werkgever/zoeken?q=lasser&sector=techniek");
    expect(searchHref(state, { pagina: 5 })).toBe("/werkgever/zoeken?q=lasser&pagina=5");
  });

  it("turns values that do not fit into defaults", () => {
    const state = parse(
      "q=%20%20&sector=mars&sector=bouw&sector=bouw&rijbewijs=Q&uren=0&uren=abc&beschikbaar=27-3&detentie=2&vacature=123&plaats=&km=9999&sorteer=prijs&pagina=-1",
    );
    expect(state).toEqual({ ...employerSearchSchema.parse({}), sector: ["bouw"] });
  });

  it("keeps a long query and lists within bounds", () => {
    const many = Array.from({ length: 30 }, (_, i) => `certificaat=c${i}`).join("&");
    const state = parse(`q=${"a".repeat(500)}&${many}`);
    expect(state.q).toHaveLength(200);
    expect(state.certificaat).toHaveLength(10);
  });

  it("knows the last day of a month", () => {
    expect(monthEndDay("2027-02")).toBe(Date.UTC(2027, 1, 28) / 86_400_000);
    expect(monthEndDay("2028-02")).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
    expect(monthEndDay("2027-12")).toBe(Date.UTC(2027, 11, 31) / 86_400_000);
  });
});

import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvObjects } from "~/domain/taxonomy/csv";
import { compoundParts, editDistance, stem, tokenize, typoBudget } from "./text";

describe("Dutch word forms", () => {
  it("gives plural, diminutive and female forms one canonical form", () => {
    expect(stem("lassers")).toBe(stem("lasser"));
    expect(stem("chauffeuse")).toBe("chauffeur");
    expect(stem("schoonmaakster")).toBe("schoonmaker");
    expect(stem("medewerkster")).toBe("medewerker");
    expect(stem("verkoopster")).toBe("verkoper");
    expect(stem("technica")).toBe("technicus");
    expect(stem("heftrucks")).toBe("heftruck");
    expect(stem("magazijnmedewerkers")).toBe("magazijnmedewerker");
    expect(stem("machines")).toBe("machine");
    expect(stem("meester")).toBe("meester");
    expect(tokenize("Inspiciënt, MIG-lasser")).toEqual(["inspicient", "mig", "lasser"]);
  });

  it("splits compounds on known words", () => {
    const parts = compoundParts("vorkheftruckchauffeur", new Set(["heftruck", "chauffeur", "vork"]));
    expect(parts).toEqual(expect.arrayContaining(["heftruck", "chauffeur"]));
  });

  it("bounds the edit distance and counts a transposition as one", () => {
    expect(editDistance("heftruck", "hefturck", 2)).toBe(1);
    expect(editDistance("lasser", "laser", 1)).toBe(1);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect([typoBudget(4), typoBudget(5), typoBudget(8), typoBudget(9)]).toEqual([0, 1, 1, 2]);
  });
});

describe("RFC 4180 CSV", () => {
  it("parses quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'a,b,c\r\n1,"twee, drie","zei ""hallo"""\n"x\ny",,z\n';
    expect(parseCsv(text)).toEqual([
      ["a", "b", "c"],
      ["1", "twee, drie", 'zei "hallo"'],
      ["x\ny", "", "z"],
    ]);
  });

  it("reads objects by header, ignores a BOM and a trailing blank line", () => {
    expect(parseCsvObjects("\ufeffuri,label\nu1,\"lasser | MIG-lasser\"\n\n")).toEqual([
      { uri: "u1", label: "lasser | MIG-lasser" },
    ]);
  });

  it("rejects broken quoting and ragged rows", () => {
    expect(() => parseCsv('a,"b')).toThrow(/aanhalingsteken/);
    expect(() => parseCsv('a,"b"c')).toThrow();
    expect(() => parseCsvObjects("a,b\n1,2,3\n")).toThrow(/velden/);
  });
});

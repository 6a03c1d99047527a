import { describe, expect, it } from "vitest";
import { occupations } from "#db/schema";
import { useTestDatabase } from "#tests/support/db";
import { importEscoOccupations, loadTaxonomy, seedCuratedOccupations } from "~/domain/taxonomy/taxonomy.server";
import { curatedOccupations } from "~/domain/taxonomy/curated";

const CSV = [
  "uri,isco_group,preferred_label,alt_labels,description",
  'http://data.europa.eu/esco/occupation/aaa,8344,heftruckchauffeur,"vorkheftruckchauffeur | heftruckchauffeuse","Bestuurt een heftruck, en ""laadt"" goederen."',
  "http://data.europa.eu/esco/occupation/bbb,7212,lasser,MIG-lasser | lasster,Last metaal.",
  "http://data.europa.eu/esco/occupation/ccc,7212,puntlasser,,",
].join("\n");

describe("taxonomy", () => {
  const t = useTestDatabase();

  it("imports ESCO occupations by URI (upsert) and resolves titles with synonyms and typos", async () => {
    expect(await importEscoOccupations(t.db, CSV)).toEqual({ imported: 3, skipped: 0 });
    // a second import updates instead of duplicating
    await importEscoOccupations(t.db, CSV.replace("Last metaal.", "Last."));
    const rows = await t.db.select().from(occupations);
    expect(rows).toHaveLength(3);
    const lasser = rows.find((r) => r.code.endsWith("/bbb"))!;
    expect(lasser).toMatchObject({ title: "lasser", iscoGroup: "7212", source: "esco", synonyms: ["MIG-lasser", "lasster"] });

    await seedCuratedOccupations(t.db);
    const taxonomy = await loadTaxonomy(t.db);
    expect(taxonomy.occupations.size).toBe(3 + curatedOccupations.length);
    const codes = (title: string) => taxonomy.resolveTitle(title).map((o) => o.code);
    expect(codes("heftruckchauffeuse")).toContain("http://data.europa.eu/esco/occupation/aaa");
    expect(codes("mig lasser")).toContain("http://data.europa.eu/esco/occupation/bbb");
    expect(codes("puntlassr")).toContain("http://data.europa.eu/esco/occupation/ccc");
    expect(taxonomy.resolveTitle("zzzz qqq")).toEqual([]);
    const synonyms = taxonomy.engineSynonyms();
    expect(synonyms["heftruckchauffeur"]).toEqual(expect.arrayContaining(["vorkheftruckchauffeur"]));
  });

  it("refuses a file without the ESCO columns", async () => {
    await expect(importEscoOccupations(t.db, "code,title\nx,y\n")).rejects.toThrow(/kolommen/);
  });
});

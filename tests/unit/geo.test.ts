import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  GazetteerImportError,
  createGazetteer,
  curatedGazetteer,
  editDistance,
  findMunicipality,
  findPlace,
  haversineKm,
  importMunicipalitiesCsv,
  importPlacesCsv,
  municipalityByCode,
  normalisePlaceName,
  setGazetteer,
  suggestPlaces,
} from "~/domain/geo/gazetteer";

const DEMO_MUNICIPALITIES = {
  "0995": "Lelystad",
  "0034": "Almere",
  "0303": "Dronten",
  "0193": "Zwolle",
  "0080": "Leeuwarden",
  "0150": "Deventer",
};

afterEach(() => setGazetteer(undefined));

describe("curated gazetteer", () => {
  it("knows every municipality of the demo world by its CBS code", () => {
    for (const [code, name] of Object.entries(DEMO_MUNICIPALITIES)) {
      expect(municipalityByCode(code)?.name).toBe(name);
    }
    expect(municipalityByCode("995")?.name).toBe("Lelystad");
    expect(municipalityByCode("9999")).toBeUndefined();
    expect(findMunicipality("sudwest fryslan")?.code).toBe("1900");
  });

  it("covers the demo region with a municipality for every place", () => {
    const places = curatedGazetteer.places;
    expect(places.length).toBeGreaterThanOrEqual(60);
    expect(places.length).toBeLessThanOrEqual(120);
    for (const place of places) {
      expect(municipalityByCode(place.municipalityCode), place.name).toBeDefined();
      // The demo region lies in the north and east of the Netherlands.
      expect(place.lat).toBeGreaterThan(52);
      expect(place.lat).toBeLessThan(53.5);
      expect(place.lon).toBeGreaterThan(5);
      expect(place.lon).toBeLessThan(7.1);
    }
    for (const name of [
      "Lelystad",
      "Almere",
      "Dronten",
      "Zwolle",
      "Leeuwarden",
      "Deventer",
      "Almelo",
      "Veenhuizen",
      "Norg",
      "Emmeloord",
      "Kampen",
    ]) {
      expect(findPlace(name), name).toBeDefined();
    }
  });

  it("finds places regardless of case, diacritics, hyphens and aliases", () => {
    expect(findPlace("lelystad")?.municipalityCode).toBe("0995");
    expect(findPlace("  LELYSTAD ")?.name).toBe("Lelystad");
    expect(findPlace("Lelystad Haven")?.name).toBe("Lelystad-Haven");
    expect(findPlace("almere-buiten")?.name).toBe("Almere Buiten");
    expect(findPlace("ijsselmuiden")?.name).toBe("IJsselmuiden");
    expect(findPlace("Ljouwert")?.name).toBe("Leeuwarden");
    expect(findPlace("Grouw")?.name).toBe("Grou");
    expect(findPlace("Veenhuizen")?.municipalityCode).toBe("1699");
    expect(findPlace("Zwolle", "0193")?.name).toBe("Zwolle");
    expect(findPlace("Zwolle", "0995")).toBeUndefined();
    expect(findPlace("Atlantis")).toBeUndefined();
    expect(findPlace("")).toBeUndefined();
  });

  it("normalises the 's- and 't forms and diacritics", () => {
    expect(normalisePlaceName("'s-Hertogenbosch")).toBe("s hertogenbosch");
    expect(normalisePlaceName("’s Hertogenbosch")).toBe("s hertogenbosch");
    expect(normalisePlaceName("s-Hertogenbosch")).toBe("s hertogenbosch");
    expect(normalisePlaceName("'t Zand")).toBe("t zand");
    expect(normalisePlaceName("Sûdwest-Fryslân")).toBe("sudwest fryslan");
  });

  it("suggests the closest names for a misspelt place", () => {
    expect(suggestPlaces("Lelistad", 3)[0]?.name).toBe("Lelystad");
    expect(suggestPlaces("Zwole", 3)[0]?.name).toBe("Zwolle");
    expect(suggestPlaces("Leewarden")[0]?.name).toBe("Leeuwarden");
    expect(suggestPlaces("Dornten")[0]?.name).toBe("Dronten"); // transposition
    expect(suggestPlaces("Almer").map((p) => p.name)).toContain("Almere");
    expect(suggestPlaces("Almere", 3)).toHaveLength(3);
    expect(suggestPlaces("Almere", 3)[0]?.name).toBe("Almere");
    expect(suggestPlaces("Lelystad", 0)).toEqual([]);
    // Nothing close: no suggestions rather than nonsense.
    expect(suggestPlaces("Maastricht")).toEqual([]);
    expect(suggestPlaces("")).toEqual([]);
  });
});

describe("haversineKm", () => {
  it("is zero for the same point and symmetric", () => {
    const lelystad = findPlace("Lelystad")!;
    const zwolle = findPlace("Zwolle")!;
    expect(haversineKm(lelystad, lelystad)).toBe(0);
    expect(haversineKm(lelystad, zwolle)).toBeCloseTo(haversineKm(zwolle, lelystad), 10);
  });

  it("gives known distances (Earth radius 6371 km)", () => {
    // One degree of latitude along a meridian: 6371 · π / 180.
    expect(haversineKm({ lat: 52, lon: 5 }, { lat: 53, lon: 5 })).toBeCloseTo(111.195, 3);
    // Half the circumference between antipodes.
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371, 6);
    const km = (a: string, b: string) => haversineKm(findPlace(a)!, findPlace(b)!);
    expect(km("Lelystad", "Zwolle")).toBeGreaterThan(41);
    expect(km("Lelystad", "Zwolle")).toBeLessThan(43);
    expect(km("Lelystad", "Almere")).toBeGreaterThan(22);
    expect(km("Lelystad", "Almere")).toBeLessThan(25);
    expect(km("Zwolle", "Deventer")).toBeGreaterThan(28);
    expect(km("Zwolle", "Deventer")).toBeLessThan(32);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions", () => {
    expect(editDistance("zwolle", "zwolle")).toBe(0);
    expect(editDistance("zwole", "zwolle")).toBe(1);
    expect(editDistance("lelistad", "lelystad")).toBe(1);
    expect(editDistance("dornten", "dronten")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("amsterdam", "lelystad", 2)).toBe(3);
  });
});

describe("importPlacesCsv", () => {
  it("reads quoted fields, a BOM, CRLF and an optional population column", () => {
    const places = importPlacesCsv(
      '\uFEFFname,lat,lon,municipality_code\r\n"Nuenen, dorp",51.47,5.55,820\r\n\r\n',
    );
    expect(places).toEqual([
      { name: "Nuenen, dorp", lat: 51.47, lon: 5.55, municipalityCode: "0820", population: 0 },
    ]);
  });

  it("refuses a file with a missing column or a bad row, naming the line", () => {
    expect(() => importPlacesCsv("name,lat,lon\nA,52,5\n")).toThrow(GazetteerImportError);
    expect(() => importPlacesCsv("name,lat,lon\nA,52,5\n")).toThrow(/municipality_code/);
    expect(() =>
      importPlacesCsv("name,lat,lon,municipality_code\nA,52,5,0995\nB,not-a-number,5,0995\n"),
    ).toThrow(/regel 3/);
    expect(() => importPlacesCsv("name,lat,lon,municipality_code\nA,52,5,12345\n")).toThrow(
      /gemeentecode/,
    );
    expect(() => importPlacesCsv("")).toThrow(/leeg/);
  });

  const sharedData = path.resolve(process.cwd(), "../shared/data");
  const placesFile = path.join(sharedData, "nl-places.csv");
  const municipalitiesFile = path.join(sharedData, "nl-municipalities.csv");
  const haveOfficialFiles = fs.existsSync(placesFile) && fs.existsSync(municipalitiesFile);

  it.skipIf(!haveOfficialFiles)(
    haveOfficialFiles
      ? "loads the official GeoNames places file"
      : `loads the official GeoNames places file — skipped: ${placesFile} (from ../shared) not found`,
    () => {
      const places = importPlacesCsv(fs.readFileSync(placesFile, "utf8"));
      const municipalities = importMunicipalitiesCsv(fs.readFileSync(municipalitiesFile, "utf8"));
      expect(places.length).toBeGreaterThan(6000);
      expect(municipalities.length).toBeGreaterThan(300);
      const full = createGazetteer({ places, municipalities });

      // 's- forms, with or without the apostrophe or hyphen, and without the article.
      for (const name of [
        "'s-Hertogenbosch",
        "s Hertogenbosch",
        "’s-hertogenbosch",
        "Den Bosch",
        "Hertogenbosch",
      ]) {
        expect(full.findPlace(name)?.municipalityCode, name).toBe("0796");
      }
      expect(full.findPlace("'s Gravenmoer")?.name).toBe("'s Gravenmoer");
      expect(full.findPlace("s-Gravenmoer")?.name).toBe("'s Gravenmoer");
      expect(full.findPlace("Den Haag")?.municipalityCode).toBe("0518");
      // Several places called Hengelo: the larger one unless the municipality says otherwise.
      expect(full.findPlace("Hengelo")?.municipalityCode).toBe("0164");
      expect(full.findPlace("Hengelo", "1876")?.municipalityCode).toBe("1876");
      expect(full.suggestPlaces("Amsterdm")[0]?.name).toBe("Amsterdam");
      expect(full.municipalityByCode("0820")?.name).toBe("Nuenen, Gerwen en Nederwetten");

      // The curated list agrees with the official file.
      for (const place of curatedGazetteer.places) {
        const official = full.findPlace(place.name, place.municipalityCode);
        if (!official) continue; // curated additions such as "Almere"
        expect(haversineKm(place, official), place.name).toBeLessThan(0.01);
      }
      for (const municipality of curatedGazetteer.municipalities) {
        expect(full.municipalityByCode(municipality.code)?.name).toBe(municipality.name);
      }

      // Installed as the process gazetteer, the module functions use it.
      setGazetteer(full);
      expect(findPlace("Maastricht")?.municipalityCode).toBe("0935");
      setGazetteer(undefined);
      expect(findPlace("Maastricht")).toBeUndefined();

      // Curated entries and the official file together: no duplicates, curated extras kept.
      const merged = createGazetteer({ places: [...curatedGazetteer.places, ...places] });
      expect(merged.places.length).toBe(full.places.length + 1); // + "Almere"
      expect(merged.findPlace("Ljouwert")?.name).toBe("Leeuwarden");
      expect(merged.suggestPlaces("Lelystad", 2).map((p) => p.name)).toEqual([
        "Lelystad",
        "Lelystad-Haven",
      ]);
    },
  );
});

import fs from "node:fs/promises";
import { CURATED_MUNICIPALITIES, CURATED_PLACES } from "./curated-places";
import {
  type Gazetteer,
  createGazetteer,
  importMunicipalitiesCsv,
  importPlacesCsv,
  setGazetteer,
} from "./gazetteer";

/**
 * Builds a gazetteer from the official files (shaped like GeoNames' nl-places.csv and
 * nl-municipalities.csv) on top of the curated one, and makes it the process gazetteer.
 * The curated entries stay findable (e.g. "Almere" as a place, Frisian aliases).
 */
export async function loadGazetteerFromFiles(files: {
  placesCsvPath: string;
  municipalitiesCsvPath?: string;
}): Promise<Gazetteer> {
  const places = importPlacesCsv(await fs.readFile(files.placesCsvPath, "utf8"));
  const municipalities = files.municipalitiesCsvPath
    ? importMunicipalitiesCsv(await fs.readFile(files.municipalitiesCsvPath, "utf8"))
    : [];
  const known = new Set(municipalities.map((m) => m.code));
  const gazetteer = createGazetteer({
    places: [...CURATED_PLACES, ...places],
    municipalities: [
      ...municipalities,
      ...CURATED_MUNICIPALITIES.filter((m) => !known.has(m.code)),
    ],
  });
  setGazetteer(gazetteer);
  return gazetteer;
}

import { CURATED_PLACES } from "~/domain/geo/curated-places";
import { findPlace, type Place, suggestPlaces } from "~/domain/geo/gazetteer";
import { t } from "~/i18n";

/*
 * A place name typed by an employer → the gazetteer's place (name, municipality, coordinates),
 * or a plain message with "did you mean" suggestions. Server-only: the process's gazetteer can
 * be larger than the curated one the browser would know.
 */

export type PlaceLookup = { ok: true; place: Place } | { ok: false; message: string };

function joinOr(names: string[]) {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} of ${names[names.length - 1]}`;
}

export function lookupPlace(name: string): PlaceLookup {
  const typed = name.trim();
  const place = findPlace(typed);
  if (place) return { ok: true, place };
  const suggestions = [...new Set(suggestPlaces(typed, 4).map((p) => p.name))];
  return {
    ok: false,
    message: suggestions.length
      ? t("vacancy.error.placeSuggestions", { place: typed, suggestions: joinOr(suggestions) })
      : t("vacancy.error.placeNoSuggestions", { place: typed }),
  };
}

/** Place names for a form's suggestion list (the curated places; the full file is too long). */
export function placeSuggestions(): string[] {
  return [...new Set(CURATED_PLACES.map((p) => p.name))].sort((a, b) => a.localeCompare(b, "nl"));
}

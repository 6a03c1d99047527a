/*
 * Search and matching: the explanation of a match in plain Dutch (B1). A hit says what fits,
 * what is missing, the distance and when someone can start. Hidden constraints (VOG, area
 * bans) are never explained.
 */
export const search = {
  "search.explain.occupation.same": "Heeft gewerkt als {title} ({months} maanden).",
  "search.explain.occupation.sameNoMonths": "Heeft gewerkt als {title}.",
  "search.explain.occupation.related": "Heeft ervaring in werk dat hierop lijkt: {title}.",
  "search.explain.occupation.other": "Heeft ook gewerkt als {title}.",
  "search.explain.occupation.missing": "Heeft nog geen ervaring als {title}.",
  "search.explain.detention": "Deed werkervaring op tijdens de detentie: {title}.",
  "search.explain.licence.ok": "Heeft het rijbewijs dat nodig is: {licences}.",
  "search.explain.certificate.ok": "Heeft de certificaten die nodig zijn: {certificates}.",
  "search.explain.certificate.missing": "Mist een certificaat: {certificates}.",
  "search.explain.licence.missing": "Mist een rijbewijs: {licences}.",
  "search.explain.hours.ok": "Wil {min} tot {max} uur per week werken. Dit werk is {hours} uur per week.",
  "search.explain.hours.missing": "Wil {min} tot {max} uur per week werken. Dit werk is {hours} uur per week.",
  "search.explain.distance": "De afstand is {km} km.",
  "search.explain.distance.far": "De afstand is {km} km. Dat is verder dan {max} km.",
  "search.explain.available.now": "Kan op de startdatum beginnen.",
  "search.explain.available.from": "Kan beginnen vanaf {date}.",
  "search.explain.available.later": "Kan pas beginnen op {date}. Dat is {days} dagen na de start.",
  "search.explain.skills.ok": "Kan dit al: {skills}.",
  "search.explain.skills.missing": "Nog te leren: {skills}.",
  "search.explain.sector": "Wil graag werken in de sector {sector}.",
} as const satisfies Record<string, string>;

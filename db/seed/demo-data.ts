import type { Sector } from "~/domain/taxonomy/curated";

/*
 * The fixed content of the demo world. The prisons and municipalities are real (public bodies);
 * every employer, coaching organisation, person, address, phone number and KvK number is
 * FICTIONAL, and any likeness to a real company or person is coincidental. Email addresses use
 * demo.werkbrug.nl (demo accounts) or the reserved .example domain.
 *
 * Vocabulary used in the data (codes, not UI text), in line with the search documents and the
 * occupation taxonomy (sectors) and ../shared/eval/FORMAT.md (certificates, licences):
 *   sectors       logistiek, transport, techniek, productie, bouw, schoonmaak, groen, horeca
 *   certificates  VCA, heftruckcertificaat, reachtruckcertificaat, lasdiploma, code 95, HACCP,
 *                 NEN 3140, sociale hygiëne, motorkettingzaag
 *   licences      complete: CE implies C and B, C implies B
 *   shifts        dag, avond, nacht, weekend
 *   transport     fiets, ov, auto, scooter
 *   contract      tijdelijk, vast, werkervaringsplaats, bbl
 *   support       buddy, flexibele_start, opleiding, begeleiding_op_de_werkvloer
 *   VOG areas     the Justis screening-profile risk areas: informatie, geld, goederen, diensten,
 *                 zakelijke_transacties, proces, aansturen_organisatie, personen
 */

export type { Sector };

export const VOG_RISK_AREAS = [
  "informatie",
  "geld",
  "goederen",
  "diensten",
  "zakelijke_transacties",
  "proces",
  "aansturen_organisatie",
  "personen",
] as const;
export type VogRiskArea = (typeof VOG_RISK_AREAS)[number];

// ---------------------------------------------------------------------------
// Organisations

export type PrisonKey = "lelystad" | "veenhuizen" | "leeuwarden" | "almelo" | "zwolle";

/** Real prison sites (Dienst Justitiële Inrichtingen); coordinates from GeoNames. */
export const PRISONS: Record<
  PrisonKey,
  { name: string; placeName: string; municipalityCode: string; lat: number; lon: number }
> = {
  lelystad: {
    name: "PI Lelystad",
    placeName: "Lelystad",
    municipalityCode: "0995",
    lat: 52.49217,
    lon: 5.46926,
  },
  veenhuizen: {
    name: "PI Veenhuizen (Norgerhaven)",
    placeName: "Veenhuizen",
    municipalityCode: "1699",
    lat: 53.01941,
    lon: 6.42267,
  },
  leeuwarden: {
    name: "PI Leeuwarden",
    placeName: "Leeuwarden",
    municipalityCode: "0080",
    lat: 53.19294,
    lon: 5.83258,
  },
  almelo: {
    name: "PI Almelo",
    placeName: "Almelo",
    municipalityCode: "0141",
    lat: 52.34166,
    lon: 6.68559,
  },
  zwolle: {
    name: "PI Zwolle",
    placeName: "Zwolle",
    municipalityCode: "0193",
    lat: 52.4959,
    lon: 6.11454,
  },
};

/** The municipalities of origin in the demo world, with the places their candidates live in. */
export const DEMO_MUNICIPALITIES = {
  "0995": { name: "Lelystad", places: ["Lelystad", "Lelystad-Haven"] },
  "0034": {
    name: "Almere",
    places: ["Almere Stad", "Almere Buiten", "Almere Haven", "Almere Poort"],
  },
  "0303": { name: "Dronten", places: ["Dronten", "Biddinghuizen", "Swifterbant"] },
  "0193": { name: "Zwolle", places: ["Zwolle"] },
  "0080": { name: "Leeuwarden", places: ["Leeuwarden", "Stiens", "Grou"] },
  "0150": { name: "Deventer", places: ["Deventer", "Colmschate", "Schalkhaar"] },
} as const;
export type MunicipalityCode = keyof typeof DEMO_MUNICIPALITIES;

export const MUNICIPALITY_TEAM = {
  name: "Werkteam Nazorg Gemeente Lelystad",
  municipalityCode: "0995",
  placeName: "Lelystad",
};

export type CoachingKey = "werkwaarts" | "stroomop";
export const COACHING_ORGANISATIONS: Record<CoachingKey, { name: string; placeName: string }> = {
  werkwaarts: { name: "Werkwaarts Jobcoaching", placeName: "Lelystad" },
  stroomop: { name: "Stroomop Re-integratie", placeName: "Zwolle" },
};

export type EmployerKey = "fd" | "pp" | "ito" | "idi" | "hmk" | "pb" | "fft" | "dal";
export type EmployerData = {
  name: string;
  kvkNumber: string;
  placeName: string;
  address: string;
  sector: Sector;
  size: string;
  verified: boolean;
  contactName: string;
  contactEmail: string;
  fairChanceStatement: string;
};

export const EMPLOYERS: Record<EmployerKey, EmployerData> = {
  fd: {
    name: "Flevo Distributie B.V.",
    kvkNumber: "90412377",
    placeName: "Lelystad",
    address: "Distributieweg 14, 8239 ZX Lelystad",
    sector: "logistiek",
    size: "250+",
    verified: true,
    contactName: "Ahmed Yıldız",
    contactEmail: "werkgever@demo.werkbrug.nl",
    fairChanceStatement:
      "Bij ons telt wat je kunt en wilt leren, niet je verleden. Nieuwe collega's krijgen een buddy en een rustige start.",
  },
  pp: {
    name: "Polderpoort Logistiek B.V.",
    kvkNumber: "90528814",
    placeName: "Almere Poort",
    address: "Havenkade 3, 1359 ZZ Almere",
    sector: "logistiek",
    size: "50-249",
    verified: true,
    contactName: "Linda Hofman",
    contactEmail: "personeel@polderpoort.example",
    fairChanceStatement:
      "Wij werken al jaren met mensen die een tweede kans verdienen. Een VOG vragen we alleen waar het echt nodig is.",
  },
  ito: {
    name: "IJsselland Transport & Opslag B.V.",
    kvkNumber: "90633150",
    placeName: "Zwolle",
    address: "Vrachtweg 21, 8013 ZZ Zwolle",
    sector: "transport",
    size: "50-249",
    verified: true,
    contactName: "Gert-Jan Wolters",
    contactEmail: "hr@ijssellandtransport.example",
    fairChanceStatement:
      "Iedereen verdient een eerlijke kans op werk. Je jobcoach blijft welkom zolang jij dat wilt.",
  },
  idi: {
    name: "IJsseldelta Installatietechniek B.V.",
    kvkNumber: "90746029",
    placeName: "Zwolle",
    address: "Montageweg 8, 8028 ZZ Zwolle",
    sector: "techniek",
    size: "10-49",
    verified: true,
    contactName: "Marloes Pieters",
    contactEmail: "werken@ijsseldelta.example",
    fairChanceStatement:
      "Wij leiden zelf op. Met motivatie en een veilige werkhouding kom je bij ons ver, ook zonder diploma.",
  },
  hmk: {
    name: "Hanzemetaal Kampen B.V.",
    kvkNumber: "90851406",
    placeName: "Kampen",
    address: "Smederijstraat 5, 8263 ZZ Kampen",
    sector: "techniek",
    size: "50-249",
    verified: true,
    contactName: "Johan ter Horst",
    contactEmail: "vacatures@hanzemetaal.example",
    fairChanceStatement:
      "Lassers en metaalbewerkers uit de werkplaats in detentie zijn bij ons welkom. Vakmanschap gaat voor.",
  },
  pb: {
    name: "Poortbouw Almere B.V.",
    kvkNumber: "90967261",
    placeName: "Almere Buiten",
    address: "Bouwerf 11, 1334 ZZ Almere",
    sector: "bouw",
    size: "10-49",
    verified: true,
    contactName: "Rachid Bouzid",
    contactEmail: "info@poortbouw.example",
    fairChanceStatement:
      "Op de bouwplaats werk je samen. Wie wil werken en zich aan de afspraken houdt, hoort erbij.",
  },
  fft: {
    name: "Flevo Facilitair & Techniek B.V.",
    kvkNumber: "91073348",
    placeName: "Lelystad",
    address: "Servicestraat 2, 8243 ZZ Lelystad",
    sector: "techniek",
    size: "50-249",
    verified: true,
    contactName: "Esther Kramer",
    contactEmail: "banen@flevofacilitair.example",
    fairChanceStatement:
      "Wij geven mensen met een afstand tot werk een plek in onze groen-, schoonmaak- en technische teams.",
  },
  dal: {
    name: "Dronter Agro Logistiek B.V.",
    kvkNumber: "91186092",
    placeName: "Dronten",
    address: "Akkerweg 30, 8251 ZZ Dronten",
    sector: "productie",
    size: "10-49",
    verified: false,
    contactName: "Henk Boersma",
    contactEmail: "werk@dronteragro.example",
    fairChanceStatement:
      "Wij zoeken harde werkers en kijken naar de toekomst, niet naar het verleden.",
  },
};

// ---------------------------------------------------------------------------
// Staff accounts (fictional people). All share the demo password.

export type StaffKey =
  | "admin"
  | "pi"
  | "piVeenhuizen"
  | "piLeeuwarden"
  | "piAlmelo"
  | "piZwolle"
  | "coach"
  | "coach2"
  | "coach3"
  | "coach4"
  | "teamCoach"
  | "gemeente"
  | "gemeenteZwolle"
  | "werkgever"
  | "recruiter"
  | EmployerOwnerKey;
export type EmployerOwnerKey = `owner_${Exclude<EmployerKey, "fd">}`;

export type OrganisationRef =
  | { kind: "platform" }
  | { kind: "prison"; key: PrisonKey }
  | { kind: "municipality"; code: MunicipalityCode }
  | { kind: "team" }
  | { kind: "coaching"; key: CoachingKey }
  | { kind: "employer"; key: EmployerKey };

export type StaffData = {
  email: string;
  name: string;
  memberships: {
    organisation: OrganisationRef;
    role:
      | "platform_admin"
      | "prison_staff"
      | "coach"
      | "municipality_coordinator"
      | "employer_owner"
      | "employer_recruiter";
    isOrgAdmin?: boolean;
  }[];
};

const owner = (key: Exclude<EmployerKey, "fd">, email: string): StaffData => ({
  email,
  name: EMPLOYERS[key].contactName,
  memberships: [
    { organisation: { kind: "employer", key }, role: "employer_owner", isOrgAdmin: true },
  ],
});

export const STAFF: Record<StaffKey, StaffData> = {
  admin: {
    email: "admin@demo.werkbrug.nl",
    name: "Fleur Verbeek",
    memberships: [{ organisation: { kind: "platform" }, role: "platform_admin", isOrgAdmin: true }],
  },
  pi: {
    email: "pi@demo.werkbrug.nl",
    name: "Marco Hendriks",
    memberships: [
      { organisation: { kind: "prison", key: "lelystad" }, role: "prison_staff", isOrgAdmin: true },
    ],
  },
  piVeenhuizen: {
    email: "pi.veenhuizen@demo.werkbrug.nl",
    name: "Anja Bos",
    memberships: [{ organisation: { kind: "prison", key: "veenhuizen" }, role: "prison_staff" }],
  },
  piLeeuwarden: {
    email: "pi.leeuwarden@demo.werkbrug.nl",
    name: "Sietske Dijkstra",
    memberships: [{ organisation: { kind: "prison", key: "leeuwarden" }, role: "prison_staff" }],
  },
  piAlmelo: {
    email: "pi.almelo@demo.werkbrug.nl",
    name: "Erik Nijhuis",
    memberships: [{ organisation: { kind: "prison", key: "almelo" }, role: "prison_staff" }],
  },
  piZwolle: {
    email: "pi.zwolle@demo.werkbrug.nl",
    name: "Monique Kuipers",
    memberships: [{ organisation: { kind: "prison", key: "zwolle" }, role: "prison_staff" }],
  },
  coach: {
    email: "coach@demo.werkbrug.nl",
    name: "Sanne de Wit",
    memberships: [
      { organisation: { kind: "coaching", key: "werkwaarts" }, role: "coach" },
      { organisation: { kind: "team" }, role: "coach" },
    ],
  },
  coach2: {
    email: "coach2@demo.werkbrug.nl",
    name: "Jelle Mulder",
    memberships: [
      { organisation: { kind: "coaching", key: "werkwaarts" }, role: "coach", isOrgAdmin: true },
    ],
  },
  coach3: {
    email: "coach3@demo.werkbrug.nl",
    name: "Nadia El Amrani",
    memberships: [
      { organisation: { kind: "coaching", key: "stroomop" }, role: "coach", isOrgAdmin: true },
    ],
  },
  coach4: {
    email: "coach4@demo.werkbrug.nl",
    name: "Bram Veenstra",
    memberships: [{ organisation: { kind: "coaching", key: "stroomop" }, role: "coach" }],
  },
  teamCoach: {
    email: "coach.gemeente@demo.werkbrug.nl",
    name: "Ilse Brouwer",
    memberships: [{ organisation: { kind: "team" }, role: "coach", isOrgAdmin: true }],
  },
  gemeente: {
    email: "gemeente@demo.werkbrug.nl",
    name: "Peter van Dam",
    memberships: [
      {
        organisation: { kind: "municipality", code: "0995" },
        role: "municipality_coordinator",
        isOrgAdmin: true,
      },
    ],
  },
  gemeenteZwolle: {
    email: "gemeente.zwolle@demo.werkbrug.nl",
    name: "Karin Schouten",
    memberships: [
      { organisation: { kind: "municipality", code: "0193" }, role: "municipality_coordinator" },
    ],
  },
  werkgever: {
    email: "werkgever@demo.werkbrug.nl",
    name: EMPLOYERS.fd.contactName,
    memberships: [
      { organisation: { kind: "employer", key: "fd" }, role: "employer_owner", isOrgAdmin: true },
    ],
  },
  recruiter: {
    email: "werving@demo.werkbrug.nl",
    name: "Tamara Visscher",
    memberships: [{ organisation: { kind: "employer", key: "fd" }, role: "employer_recruiter" }],
  },
  owner_pp: owner("pp", "werkgever.polderpoort@demo.werkbrug.nl"),
  owner_ito: owner("ito", "werkgever.ijsselland@demo.werkbrug.nl"),
  owner_idi: owner("idi", "werkgever.ijsseldelta@demo.werkbrug.nl"),
  owner_hmk: owner("hmk", "werkgever.hanzemetaal@demo.werkbrug.nl"),
  owner_pb: owner("pb", "werkgever.poortbouw@demo.werkbrug.nl"),
  owner_fft: owner("fft", "werkgever.flevofacilitair@demo.werkbrug.nl"),
  owner_dal: owner("dal", "werkgever.dronteragro@demo.werkbrug.nl"),
};

// ---------------------------------------------------------------------------
// Candidate profiles: one archetype per kind of work. Texts are about the work, never the person's
// identity; summaries avoid pronouns (the public profile shows no gender).

export type ArchetypeKey =
  | "orderpicker"
  | "heftruck"
  | "magazijn"
  | "chauffeur"
  | "lasser"
  | "metaal"
  | "installatie"
  | "elektro"
  | "bouw"
  | "productie"
  | "schoonmaak"
  | "groen"
  | "horeca";

export type Archetype = {
  sector: Sector;
  extraSectors?: Sector[];
  headlines: string[];
  summaries: string[];
  skills: string[];
  /** Certificate name and the chance a candidate of this kind has it. */
  certificates: [name: string, chance: number][];
  /** Driving licences and their chances. */
  licences: [licence: string, chance: number][];
  detentionWork: string;
  /** The taxonomy occupation (`wb:` code) of this kind of work. */
  occupation: string;
  priorWork: string[];
  shifts: string[];
};

export const ARCHETYPES: Record<ArchetypeKey, Archetype> = {
  orderpicker: {
    sector: "logistiek",
    headlines: [
      "Orderpicker die snel en nauwkeurig werkt",
      "Orderpicker met ervaring in een groot magazijn",
      "Magazijnmedewerker orderpicking, gewend aan de handscanner",
    ],
    summaries: [
      "Verzamelt orders met de handscanner, pakt ze in en zet ze klaar voor verzending. Houdt van een vaste planning en haalt de norm.",
      "Heeft in de logistieke werkzaal geleerd om snel en foutloos te picken. Werkt graag in een team met duidelijke afspraken.",
    ],
    skills: [
      "orderpicken",
      "werken met handscanner",
      "inpakken en verzendklaar maken",
      "elektrische pallettruck",
      "voorraad tellen",
      "werken volgens planning",
    ],
    certificates: [
      ["VCA", 0.4],
      ["heftruckcertificaat", 0.3],
    ],
    licences: [["B", 0.3]],
    detentionWork: "Orderpicker in de logistieke werkzaal",
    occupation: "wb:orderpicker",
    priorWork: ["Orderpicker via een uitzendbureau", "Vakkenvuller in een supermarkt"],
    shifts: ["dag", "avond"],
  },
  heftruck: {
    sector: "logistiek",
    headlines: [
      "Heftruckchauffeur met certificaat",
      "Heftruck- en reachtruckchauffeur",
      "Heftruckchauffeur, veilig en rustig",
    ],
    summaries: [
      "Rijdt heftruck en laadt en lost vrachtwagens. Werkt veilig en houdt het overzicht, ook als het druk is.",
      "Heeft het heftruckcertificaat gehaald tijdens de werkervaring in detentie en daarna veel uren gemaakt in de logistieke werkplaats.",
    ],
    skills: [
      "heftruck rijden",
      "reachtruck rijden",
      "laden en lossen",
      "palletiseren",
      "orderpicken",
      "veilig werken in het magazijn",
    ],
    certificates: [
      ["heftruckcertificaat", 1],
      ["reachtruckcertificaat", 0.5],
      ["VCA", 0.5],
    ],
    licences: [["B", 0.5]],
    detentionWork: "Heftruckchauffeur in de logistieke werkplaats",
    occupation: "wb:heftruckchauffeur",
    priorWork: ["Magazijnmedewerker", "Productiemedewerker"],
    shifts: ["dag", "avond", "nacht"],
  },
  magazijn: {
    sector: "logistiek",
    headlines: [
      "Magazijnmedewerker met oog voor voorraad",
      "Medewerker goederenontvangst en voorraadbeheer",
    ],
    summaries: [
      "Controleert binnenkomende goederen, boekt ze in het systeem en houdt de voorraad op orde. Werkt nauwkeurig en netjes.",
      "Heeft ervaring met goederenontvangst en retouren. Rekent snel en werkt graag met een computersysteem.",
    ],
    skills: [
      "goederenontvangst",
      "voorraadbeheer",
      "werken met WMS-systeem",
      "retouren verwerken",
      "kwaliteitscontrole",
      "inpakken",
    ],
    certificates: [
      ["VCA", 0.3],
      ["heftruckcertificaat", 0.4],
    ],
    licences: [["B", 0.4]],
    detentionWork: "Magazijnmedewerker interne logistiek",
    occupation: "wb:magazijnmedewerker",
    priorWork: ["Magazijnmedewerker", "Medewerker expeditie"],
    shifts: ["dag"],
  },
  chauffeur: {
    sector: "transport",
    extraSectors: ["logistiek"],
    headlines: ["Chauffeur met rijbewijs C", "Bezorger en chauffeur bakwagen"],
    summaries: [
      "Rijdt bakwagen en bezorgt bij klanten. Plant de route zelf, is vriendelijk aan de deur en houdt de ritadministratie bij.",
      "Heeft jaren gereden als bezorger en wil verder als chauffeur. Zelfstandig, op tijd en zuinig op het materiaal.",
    ],
    skills: [
      "rijden met bakwagen",
      "laden en lossen",
      "routeplanning",
      "klantcontact",
      "ritadministratie",
    ],
    certificates: [
      ["code 95", 0.6],
      ["heftruckcertificaat", 0.3],
    ],
    licences: [
      ["B", 1],
      ["C", 0.8],
      ["CE", 0.3],
    ],
    detentionWork: "Laad- en losmedewerker in de werkzaal",
    occupation: "wb:vrachtwagenchauffeur",
    priorWork: ["Pakketbezorger", "Chauffeur bakwagen", "Bijrijder verhuisbedrijf"],
    shifts: ["dag", "avond"],
  },
  lasser: {
    sector: "techniek",
    extraSectors: ["productie"],
    headlines: ["Lasser MIG/MAG met lasdiploma", "Constructielasser in opleiding"],
    summaries: [
      "Last staal met MIG/MAG volgens tekening en werkt het laswerk netjes af. Leert graag TIG-lassen erbij.",
      "Heeft in de metaalwerkplaats in detentie het lasdiploma gehaald. Werkt precies en veilig.",
    ],
    skills: [
      "MIG/MAG lassen",
      "TIG lassen (basis)",
      "tekening lezen",
      "bramen en slijpen",
      "metaal op maat zagen",
    ],
    certificates: [
      ["lasdiploma", 0.9],
      ["VCA", 0.6],
    ],
    licences: [["B", 0.4]],
    detentionWork: "Lasser in de metaalwerkplaats",
    occupation: "wb:lasser",
    priorWork: ["Hulp in een constructiewerkplaats", "Productiemedewerker metaal"],
    shifts: ["dag"],
  },
  metaal: {
    sector: "productie",
    extraSectors: ["techniek"],
    headlines: ["Productiemedewerker metaal", "Metaalbewerker, handig met machines"],
    summaries: [
      "Bedient de kantbank en de zaagmachine en meet zelf na. Houdt de werkplek schoon en veilig.",
      "Werkt graag met de handen en met machines. Heeft in de werkplaats metaal gezaagd, geboord en gezet.",
    ],
    skills: [
      "kantbank bedienen",
      "zagen en boren",
      "meten met schuifmaat",
      "CNC-machine bedienen (basis)",
      "kwaliteitscontrole",
    ],
    certificates: [["VCA", 0.4]],
    licences: [["B", 0.3]],
    detentionWork: "Metaalbewerker in de werkplaats",
    occupation: "wb:metaalbewerker",
    priorWork: ["Productiemedewerker", "Operator in een fabriek"],
    shifts: ["dag", "avond"],
  },
  installatie: {
    sector: "techniek",
    headlines: ["Assistent installatiemonteur", "Hulpmonteur installatietechniek"],
    summaries: [
      "Helpt bij het aanleggen van leidingen en het monteren van sanitair. Werkt netjes bij mensen thuis en op de bouw.",
      "Technisch handig en leergierig. Wil een opleiding tot monteur volgen naast het werk.",
    ],
    skills: [
      "leidingwerk",
      "sanitair monteren",
      "werken met elektrisch gereedschap",
      "veilig werken op hoogte",
      "storingen melden",
    ],
    certificates: [["VCA", 0.7]],
    licences: [["B", 0.6]],
    detentionWork: "Installatiemonteur (hulp) bij de technische dienst",
    occupation: "wb:installatiemonteur",
    priorWork: ["Hulpmonteur bij een installatiebedrijf", "Klusser"],
    shifts: ["dag"],
  },
  elektro: {
    sector: "techniek",
    extraSectors: ["bouw"],
    headlines: ["Beginnend elektromonteur", "Monteur zonnepanelen in opleiding"],
    summaries: [
      "Trekt kabels, monteert schakelmateriaal en meet na met de multimeter. Werkt volgens tekening.",
      "Heeft de basis van elektrotechniek geleerd en wil verder in de energietransitie, bijvoorbeeld met zonnepanelen.",
    ],
    skills: [
      "bekabeling trekken",
      "schakelmateriaal monteren",
      "meten met multimeter",
      "zonnepanelen monteren",
      "werken volgens tekening",
    ],
    certificates: [
      ["VCA", 0.7],
      ["NEN 3140", 0.3],
    ],
    licences: [["B", 0.5]],
    detentionWork: "Elektromonteur (hulp) bij de technische dienst",
    occupation: "wb:elektromonteur",
    priorWork: ["Assistent elektricien", "Monteur bij een zonnepanelenbedrijf"],
    shifts: ["dag"],
  },
  bouw: {
    sector: "bouw",
    headlines: [
      "Bouwplaatsmedewerker, sterk en zelfstandig",
      "Allround bouwvakker met timmerervaring",
    ],
    summaries: [
      "Helpt bij timmerwerk, sloopwerk en bekisting. Houdt de bouwplaats netjes en werkt veilig.",
      "Heeft in de houtwerkplaats leren timmeren en wil graag in de bouw werken. Is fit en houdt van buiten werken.",
    ],
    skills: [
      "timmeren",
      "sloopwerk",
      "bekisting maken",
      "steigers opbouwen (basis)",
      "bouwplaats netjes houden",
    ],
    certificates: [["VCA", 0.8]],
    licences: [["B", 0.5]],
    detentionWork: "Timmerman in de houtwerkplaats",
    occupation: "wb:bouwvakker",
    priorWork: ["Sloper", "Hulp timmerman", "Stratenmaker (hulp)"],
    shifts: ["dag"],
  },
  productie: {
    sector: "productie",
    headlines: ["Productiemedewerker, gewend aan ploegendienst", "Operator productielijn"],
    summaries: [
      "Bedient de machines aan de productielijn, controleert de kwaliteit en pakt producten in. Werkt hygiënisch.",
      "Heeft in de werkzaal in ploegen gewerkt aan de lopende band. Betrouwbaar en altijd op tijd.",
    ],
    skills: [
      "machine bedienen",
      "kwaliteitscontrole",
      "inpakken",
      "hygiënisch werken",
      "werken in ploegendienst",
    ],
    certificates: [
      ["HACCP", 0.3],
      ["VCA", 0.2],
    ],
    licences: [["B", 0.3]],
    detentionWork: "Productiemedewerker in de werkzaal",
    occupation: "wb:productiemedewerker",
    priorWork: ["Productiemedewerker voedingsindustrie", "Inpakker"],
    shifts: ["dag", "avond", "nacht"],
  },
  schoonmaak: {
    sector: "schoonmaak",
    headlines: ["Schoonmaker die van opgeruimd houdt", "Schoonmaakmedewerker met machine-ervaring"],
    summaries: [
      "Maakt kantoren, sanitair en hallen schoon en werkt met de schrob-zuigmachine. Zelfstandig en grondig.",
      "Heeft in de reinigingsploeg gewerkt en weet hoe je hygiënisch en volgens een schema werkt.",
    ],
    skills: [
      "interieurreiniging",
      "werken met schrob-zuigmachine",
      "sanitair reinigen",
      "hygiëneregels volgen",
      "glazenwassen",
    ],
    certificates: [["VCA", 0.2]],
    licences: [["B", 0.3]],
    detentionWork: "Schoonmaker in de reinigingsploeg",
    occupation: "wb:schoonmaker",
    priorWork: ["Schoonmaker kantoren", "Medewerker huishoudelijke dienst"],
    shifts: ["dag", "avond"],
  },
  groen: {
    sector: "groen",
    headlines: ["Medewerker groenvoorziening", "Hovenier (hulp), houdt van buiten werken"],
    summaries: [
      "Maait, snoeit en houdt perken bij. Werkt met de bosmaaier en de bladblazer en werkt veilig langs de weg.",
      "Heeft in de groenploeg het buitenterrein onderhouden en wil dat graag als vak blijven doen.",
    ],
    skills: [
      "maaien",
      "snoeien",
      "bosmaaier gebruiken",
      "bestrating (basis)",
      "planten en onderhouden",
    ],
    certificates: [
      ["VCA", 0.4],
      ["motorkettingzaag", 0.2],
    ],
    licences: [["B", 0.5]],
    detentionWork: "Groenmedewerker op het buitenterrein",
    occupation: "wb:groenmedewerker",
    priorWork: ["Hulp hovenier", "Seizoenswerker in de akkerbouw"],
    shifts: ["dag"],
  },
  horeca: {
    sector: "horeca",
    headlines: [
      "Keukenmedewerker met ervaring in een grootkeuken",
      "Medewerker bedrijfsrestaurant",
    ],
    summaries: [
      "Kookt in grote hoeveelheden, snijdt groenten en houdt de keuken schoon volgens de HACCP-regels.",
      "Heeft in de grootkeuken elke dag honderden maaltijden helpen maken. Werkt snel en schoon.",
    ],
    skills: [
      "koken in grote hoeveelheden",
      "afwassen",
      "groenten snijden",
      "HACCP-regels volgen",
      "keuken schoonhouden",
    ],
    certificates: [
      ["HACCP", 0.5],
      ["sociale hygiëne", 0.2],
    ],
    licences: [["B", 0.2]],
    detentionWork: "Keukenmedewerker in de grootkeuken",
    occupation: "wb:keukenhulp",
    priorWork: ["Afwasser", "Medewerker snackbar"],
    shifts: ["dag", "avond", "weekend"],
  },
};

export const MOTIVATIONS = [
  "Ik wil laten zien dat ik betrouwbaar ben. Met vast werk kan ik mijn leven weer opbouwen.",
  "Werken geeft me structuur. Ik ben elke dag op tijd en ik leer snel.",
  "Ik wil geld verdienen op een eerlijke manier en voor mijn kinderen zorgen.",
  "In de werkzaal merkte ik hoe fijn het is om iets af te maken. Dat wil ik buiten ook.",
  "Ik wil een vak leren en later een diploma halen.",
  "Ik zoek een werkgever die mij een kans geeft. Ik ga die kans niet verspelen.",
  "Ik werk graag met mijn handen en ben het liefst de hele dag bezig.",
  "Ik wil mijn schulden aflossen en op eigen benen staan.",
];

export const TRAITS = [
  "Is altijd op tijd en houdt zich aan afspraken.",
  "Werkt graag in een team met duidelijke afspraken.",
  "Heeft geleerd om veilig en volgens de regels te werken.",
  "Wil graag doorgroeien en een vakdiploma halen.",
  "Is rustig, betrouwbaar en vraagt hulp als iets niet duidelijk is.",
  "Pakt werk zelf op en houdt van aanpakken.",
];

export const LANGUAGE_SETS: { language: string; level: string }[][] = [
  [{ language: "Nederlands", level: "moedertaal" }],
  [{ language: "Nederlands", level: "moedertaal" }],
  [{ language: "Nederlands", level: "moedertaal" }],
  [
    { language: "Nederlands", level: "moedertaal" },
    { language: "Engels", level: "B1" },
  ],
  [
    { language: "Nederlands", level: "B2" },
    { language: "Arabisch", level: "moedertaal" },
  ],
  [
    { language: "Nederlands", level: "B1" },
    { language: "Turks", level: "moedertaal" },
  ],
  [
    { language: "Nederlands", level: "B1" },
    { language: "Pools", level: "moedertaal" },
  ],
  [
    { language: "Nederlands", level: "B2" },
    { language: "Papiaments", level: "moedertaal" },
  ],
];

export const EDUCATION_LEVELS = [
  "basisonderwijs",
  "vmbo",
  "vmbo",
  "mbo-1",
  "mbo-2",
  "mbo-2",
  "mbo-3",
];

// Fictional identities: first and last names are combined at random. Last names that are also
// ordinary words in profile texts (Bakker, Smit, Kok, Timmerman …) are left out on purpose.
export const FIRST_NAMES = [
  "Kevin",
  "Dennis",
  "Ricardo",
  "Mohamed",
  "Youssef",
  "Mehmet",
  "Emre",
  "Jeroen",
  "Patrick",
  "Sander",
  "Danny",
  "Stefan",
  "Marvin",
  "Giovanni",
  "Shanice",
  "Priscilla",
  "Naomi",
  "Chantal",
  "Tamara",
  "Ilona",
  "Rachid",
  "Hamza",
  "Bilal",
  "Tomasz",
  "Marek",
  "Jordy",
  "Remco",
  "Wesley",
  "Romano",
  "Jermaine",
  "Dewi",
  "Kimberly",
  "Sevda",
  "Ayoub",
  "Niels",
  "Ruud",
  "Ferdi",
  "Quincy",
  "Lucas",
  "Milan",
];
export const LAST_NAMES = [
  "de Groot",
  "Hoekstra",
  "van der Meer",
  "Postma",
  "Kaya",
  "Öztürk",
  "El Idrissi",
  "Benali",
  "Martina",
  "Rosaria",
  "Kowalski",
  "Nowak",
  "Jansma",
  "van Leeuwen",
  "Brinkman",
  "Hazelhoff",
  "Lammers",
  "Stegeman",
  "Oosterhuis",
  "Wijnja",
  "Tuinstra",
  "Ramdin",
  "Soekhlal",
  "Doğan",
  "Aydın",
  "Bouchtaoui",
  "Zwart",
  "ter Beek",
  "Wubbels",
  "Nijboer",
  "Kloosterman",
  "Heijnen",
];

export const STREETS = [
  "Kastanjelaan",
  "Meeuwenstraat",
  "Zuiderzeestraat",
  "Botterweg",
  "Lisdoddeweg",
  "Klaverhof",
  "Esdoornstraat",
  "Havikweg",
  "Reigerplein",
  "Waterlelie",
  "Beukenhof",
  "Zeilmakerstraat",
];
export const POSTCODE_PREFIX: Record<MunicipalityCode, number> = {
  "0995": 8220,
  "0034": 1320,
  "0303": 8250,
  "0193": 8010,
  "0080": 8910,
  "0150": 7410,
};

// ---------------------------------------------------------------------------
// Vacancies

export type VacancyKey = string;
export type VacancyData = {
  key: VacancyKey;
  employer: EmployerKey;
  title: string;
  archetype: ArchetypeKey;
  /** Taxonomy occupation code; defaults to the archetype's. */
  occupation?: string;
  sector?: Sector;
  kind?: "job" | "work_experience";
  status: "draft" | "open" | "filled" | "closed";
  placeName: string;
  positions: number;
  hours: [number, number];
  shifts: string[];
  certificates?: string[];
  licences?: string[];
  vogRiskAreas?: VogRiskArea[];
  /** VOG required but no specific areas beyond the general one. */
  vogRequired?: boolean;
  support?: string[];
  contractType: string;
  wageIndication?: string;
  maxDistanceKm: number;
  /** Days from now (negative: in the past). */
  startInDays: number;
  description: string;
  requiredSkills: string[];
  preferredSkills?: string[];
};

export const VACANCIES: VacancyData[] = [
  // Flevo Distributie, Lelystad (the demo employer account)
  {
    key: "fd-orderpicker",
    employer: "fd",
    title: "Orderpicker dagdienst",
    archetype: "orderpicker",
    status: "open",
    placeName: "Lelystad",
    positions: 4,
    hours: [32, 40],
    shifts: ["dag"],
    support: ["buddy", "flexibele_start"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,50 – € 16,00 per uur",
    maxDistanceKm: 30,
    startInDays: 14,
    description:
      "Je verzamelt bestellingen voor winkels in heel Nederland met een handscanner en een elektrische pallettruck. Je werkt in een vast team met een vaste begintijd.",
    requiredSkills: ["orderpicken"],
    preferredSkills: ["werken met handscanner", "elektrische pallettruck"],
  },
  {
    key: "fd-heftruck",
    employer: "fd",
    title: "Heftruckchauffeur",
    archetype: "heftruck",
    status: "open",
    placeName: "Lelystad",
    positions: 2,
    hours: [36, 40],
    shifts: ["dag", "avond"],
    certificates: ["heftruckcertificaat"],
    support: ["buddy"],
    contractType: "tijdelijk",
    wageIndication: "€ 15,00 – € 17,00 per uur",
    maxDistanceKm: 30,
    startInDays: 21,
    description:
      "Je laadt en lost vrachtwagens en zet pallets op de juiste plek in het magazijn. Veiligheid gaat bij ons voor snelheid.",
    requiredSkills: ["heftruck rijden", "laden en lossen"],
    preferredSkills: ["palletiseren"],
  },
  {
    key: "fd-reachtruck",
    employer: "fd",
    title: "Reachtruckchauffeur (ploegendienst)",
    archetype: "heftruck",
    occupation: "wb:reachtruckchauffeur",
    status: "open",
    placeName: "Lelystad",
    positions: 1,
    hours: [38, 40],
    shifts: ["dag", "avond", "nacht"],
    certificates: ["reachtruckcertificaat"],
    contractType: "vast",
    wageIndication: "€ 16,00 – € 18,00 per uur plus ploegentoeslag",
    maxDistanceKm: 35,
    startInDays: 30,
    description:
      "Je haalt en brengt pallets in de hoogbouw met de reachtruck. Je werkt in een drieploegendienst.",
    requiredSkills: ["reachtruck rijden"],
    preferredSkills: ["heftruck rijden"],
  },
  {
    key: "fd-wep",
    employer: "fd",
    title: "Werkervaringsplaats magazijn (laatste fase detentie)",
    archetype: "orderpicker",
    kind: "work_experience",
    status: "open",
    placeName: "Lelystad",
    positions: 2,
    hours: [16, 24],
    shifts: ["dag"],
    support: ["buddy", "flexibele_start", "begeleiding_op_de_werkvloer"],
    contractType: "werkervaringsplaats",
    maxDistanceKm: 20,
    startInDays: 7,
    description:
      "Een werkervaringsplaats voor wie in de laatste fase van de detentie buiten mag werken. Bij goed functioneren volgt na vrijlating een contract.",
    requiredSkills: [],
    preferredSkills: ["orderpicken", "inpakken en verzendklaar maken"],
  },
  {
    key: "fd-retour",
    employer: "fd",
    title: "Medewerker retourverwerking",
    archetype: "magazijn",
    status: "open",
    placeName: "Lelystad",
    positions: 1,
    hours: [24, 32],
    shifts: ["dag"],
    vogRiskAreas: ["goederen"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,00 – € 15,50 per uur",
    maxDistanceKm: 25,
    startInDays: 10,
    description:
      "Je controleert retourzendingen van webwinkels, boekt ze in en zet ze terug in de voorraad.",
    requiredSkills: ["retouren verwerken"],
    preferredSkills: ["werken met WMS-systeem", "kwaliteitscontrole"],
  },
  {
    key: "fd-kantine",
    employer: "fd",
    title: "Medewerker bedrijfsrestaurant",
    archetype: "horeca",
    occupation: "wb:cateringmedewerker",
    status: "open",
    placeName: "Lelystad",
    positions: 1,
    hours: [20, 32],
    shifts: ["dag"],
    contractType: "tijdelijk",
    wageIndication: "€ 13,50 – € 14,50 per uur",
    maxDistanceKm: 20,
    startInDays: 14,
    description:
      "Je bereidt lunches voor 300 collega's, houdt de keuken schoon en helpt aan de uitgifte.",
    requiredSkills: ["keuken schoonhouden"],
    preferredSkills: ["koken in grote hoeveelheden", "HACCP-regels volgen"],
  },
  {
    key: "fd-inbound",
    employer: "fd",
    title: "Medewerker goederenontvangst",
    archetype: "magazijn",
    occupation: "wb:magazijnmedewerker",
    status: "filled",
    placeName: "Lelystad",
    positions: 2,
    hours: [32, 40],
    shifts: ["dag"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,50 – € 16,00 per uur",
    maxDistanceKm: 30,
    startInDays: -150,
    description: "Je lost vrachtwagens, controleert de pakbon en boekt de goederen in.",
    requiredSkills: ["goederenontvangst"],
    preferredSkills: ["werken met WMS-systeem"],
  },
  {
    key: "fd-piek",
    employer: "fd",
    title: "Orderpicker piekseizoen",
    archetype: "orderpicker",
    status: "closed",
    placeName: "Lelystad",
    positions: 3,
    hours: [24, 40],
    shifts: ["dag", "avond"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: -430,
    description: "Extra handen in de drukke maanden voor de feestdagen.",
    requiredSkills: ["orderpicken"],
  },
  {
    key: "fd-teamleider",
    employer: "fd",
    title: "Meewerkend voorman magazijn",
    archetype: "magazijn",
    occupation: "wb:teamleider-magazijn",
    status: "draft",
    placeName: "Lelystad",
    positions: 1,
    hours: [36, 40],
    shifts: ["dag"],
    vogRiskAreas: ["goederen", "proces"],
    contractType: "vast",
    maxDistanceKm: 30,
    startInDays: 60,
    description:
      "Je werkt mee in het magazijn en verdeelt het werk over een ploeg van acht collega's.",
    requiredSkills: ["voorraadbeheer"],
    preferredSkills: ["heftruck rijden"],
  },

  // Polderpoort Logistiek, Almere
  {
    key: "pp-orderpicker",
    employer: "pp",
    title: "Orderpicker avond- en nachtdienst",
    archetype: "orderpicker",
    status: "open",
    placeName: "Almere Poort",
    positions: 3,
    hours: [32, 40],
    shifts: ["avond", "nacht"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,00 per uur plus toeslag",
    maxDistanceKm: 25,
    startInDays: 10,
    description:
      "Je verzamelt bestellingen voor een webwinkel. Bestellingen van vandaag gaan vannacht de deur uit.",
    requiredSkills: ["orderpicken"],
    preferredSkills: ["werken met handscanner"],
  },
  {
    key: "pp-heftruck",
    employer: "pp",
    title: "Heftruckchauffeur cross-dock",
    archetype: "heftruck",
    status: "open",
    placeName: "Almere Poort",
    positions: 2,
    hours: [36, 40],
    shifts: ["dag", "avond"],
    certificates: ["heftruckcertificaat", "VCA"],
    contractType: "tijdelijk",
    wageIndication: "€ 15,50 – € 17,00 per uur",
    maxDistanceKm: 30,
    startInDays: 14,
    description:
      "Je lost inkomende vrachtwagens en laadt ze direct weer voor de ritten naar winkels.",
    requiredSkills: ["heftruck rijden", "laden en lossen"],
  },
  {
    key: "pp-chauffeur",
    employer: "pp",
    title: "Chauffeur bakwagen (rijbewijs C)",
    archetype: "chauffeur",
    status: "open",
    placeName: "Almere Poort",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    licences: ["C"],
    certificates: ["code 95"],
    contractType: "vast",
    wageIndication: "€ 2.600 – € 2.900 per maand",
    maxDistanceKm: 40,
    startInDays: 30,
    description: "Je rijdt vaste ritten naar winkels in de Randstad en lost zelf met de laadklep.",
    requiredSkills: ["rijden met bakwagen"],
    preferredSkills: ["routeplanning", "klantcontact"],
  },
  {
    key: "pp-bezorger",
    employer: "pp",
    title: "Pakketbezorger (rijbewijs B)",
    archetype: "chauffeur",
    occupation: "wb:pakketbezorger",
    status: "open",
    placeName: "Almere Stad",
    positions: 4,
    hours: [24, 40],
    shifts: ["dag", "avond"],
    licences: ["B"],
    support: ["flexibele_start"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,00 per uur",
    maxDistanceKm: 25,
    startInDays: 7,
    description:
      "Je bezorgt pakketten in Almere met een elektrische bus. Je ritten zijn vooraf gepland.",
    requiredSkills: ["klantcontact"],
    preferredSkills: ["routeplanning"],
  },
  {
    key: "pp-magazijn",
    employer: "pp",
    title: "Magazijnmedewerker voorraadbeheer",
    archetype: "magazijn",
    occupation: "wb:voorraadbeheerder",
    status: "open",
    placeName: "Almere Poort",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    vogRiskAreas: ["goederen"],
    contractType: "tijdelijk",
    maxDistanceKm: 25,
    startInDays: 21,
    description:
      "Je telt de voorraad, zoekt verschillen uit en zorgt dat het systeem klopt met wat er ligt.",
    requiredSkills: ["voorraadbeheer"],
    preferredSkills: ["werken met WMS-systeem"],
  },
  {
    key: "pp-schoonmaak",
    employer: "pp",
    title: "Schoonmaker distributiecentrum",
    archetype: "schoonmaak",
    sector: "schoonmaak",
    status: "open",
    placeName: "Almere Poort",
    positions: 1,
    hours: [20, 30],
    shifts: ["avond"],
    contractType: "tijdelijk",
    wageIndication: "€ 13,80 per uur",
    maxDistanceKm: 20,
    startInDays: 7,
    description: "Je houdt de kantine, kleedruimtes en vloeren van het distributiecentrum schoon.",
    requiredSkills: ["interieurreiniging"],
    preferredSkills: ["werken met schrob-zuigmachine"],
  },
  {
    key: "pp-inpak",
    employer: "pp",
    title: "Inpakker e-commerce",
    archetype: "orderpicker",
    occupation: "wb:inpakker",
    status: "filled",
    placeName: "Almere Poort",
    positions: 1,
    hours: [24, 32],
    shifts: ["dag"],
    contractType: "tijdelijk",
    maxDistanceKm: 25,
    startInDays: -210,
    description: "Je pakt bestellingen in en maakt ze klaar voor de vervoerder.",
    requiredSkills: ["inpakken en verzendklaar maken"],
  },

  // IJsselland Transport & Opslag, Zwolle
  {
    key: "ito-orderpicker",
    employer: "ito",
    title: "Orderpicker koel- en vriesopslag",
    archetype: "orderpicker",
    status: "open",
    placeName: "Zwolle",
    positions: 2,
    hours: [32, 40],
    shifts: ["dag", "avond"],
    support: ["buddy"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,50 per uur plus koeltoeslag",
    maxDistanceKm: 30,
    startInDays: 14,
    description:
      "Je verzamelt orders voor supermarkten in de koel- en vriescel. Warme werkkleding krijg je van ons.",
    requiredSkills: ["orderpicken"],
    preferredSkills: ["elektrische pallettruck"],
  },
  {
    key: "ito-chauffeur",
    employer: "ito",
    title: "Chauffeur CE nationaal",
    archetype: "chauffeur",
    status: "open",
    placeName: "Zwolle",
    positions: 1,
    hours: [40, 45],
    shifts: ["dag"],
    licences: ["C", "CE"],
    certificates: ["code 95"],
    vogRiskAreas: ["goederen"],
    contractType: "vast",
    wageIndication: "€ 2.800 – € 3.200 per maand",
    maxDistanceKm: 40,
    startInDays: 30,
    description:
      "Je rijdt met trekker en oplegger naar klanten in heel Nederland en bent elke avond thuis.",
    requiredSkills: ["laden en lossen"],
    preferredSkills: ["ritadministratie"],
  },
  {
    key: "ito-heftruck",
    employer: "ito",
    title: "Heftruckchauffeur buitenterrein",
    archetype: "heftruck",
    status: "open",
    placeName: "Zwolle",
    positions: 1,
    hours: [36, 40],
    shifts: ["dag"],
    certificates: ["heftruckcertificaat"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: 21,
    description: "Je laadt en lost containers en trailers op ons buitenterrein aan de haven.",
    requiredSkills: ["heftruck rijden"],
  },
  {
    key: "ito-wep",
    employer: "ito",
    title: "Werkervaringsplaats logistiek",
    archetype: "magazijn",
    kind: "work_experience",
    status: "open",
    placeName: "Zwolle",
    positions: 2,
    hours: [16, 24],
    shifts: ["dag"],
    support: ["buddy", "flexibele_start", "opleiding"],
    contractType: "werkervaringsplaats",
    maxDistanceKm: 15,
    startInDays: 7,
    description:
      "Leer het vak in ons magazijn tijdens de laatste fase van je detentie. Je haalt bij ons het heftruckcertificaat.",
    requiredSkills: [],
    preferredSkills: ["inpakken", "goederenontvangst"],
  },
  {
    key: "ito-planner",
    employer: "ito",
    title: "Assistent transportplanner",
    archetype: "magazijn",
    occupation: "wb:expeditiemedewerker",
    status: "draft",
    placeName: "Zwolle",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    vogRiskAreas: ["informatie"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: 45,
    description: "Je helpt bij het plannen van de ritten en houdt contact met chauffeurs.",
    requiredSkills: ["werken met WMS-systeem"],
  },

  // IJsseldelta Installatietechniek, Zwolle
  {
    key: "idi-monteur",
    employer: "idi",
    title: "Assistent installatiemonteur",
    archetype: "installatie",
    status: "open",
    placeName: "Zwolle",
    positions: 2,
    hours: [36, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    licences: ["B"],
    support: ["opleiding", "buddy"],
    contractType: "tijdelijk",
    wageIndication: "€ 2.300 – € 2.700 per maand",
    maxDistanceKm: 35,
    startInDays: 14,
    description:
      "Je werkt mee met een ervaren monteur aan cv-ketels, leidingwerk en badkamers. Wij betalen je opleiding.",
    requiredSkills: ["leidingwerk"],
    preferredSkills: ["sanitair monteren"],
  },
  {
    key: "idi-elektro",
    employer: "idi",
    title: "Leerling elektromonteur (BBL)",
    archetype: "elektro",
    status: "open",
    placeName: "Zwolle",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    support: ["opleiding"],
    contractType: "bbl",
    wageIndication: "volgens cao Installatiebranche",
    maxDistanceKm: 35,
    startInDays: 45,
    description:
      "Vier dagen werken, één dag naar school. Na twee jaar heb je je mbo-diploma elektrotechniek.",
    requiredSkills: ["bekabeling trekken"],
    preferredSkills: ["meten met multimeter"],
  },
  {
    key: "idi-service",
    employer: "idi",
    title: "Servicemonteur cv (hulp)",
    archetype: "installatie",
    occupation: "wb:installatiemonteur",
    status: "closed",
    placeName: "Zwolle",
    positions: 1,
    hours: [36, 40],
    shifts: ["dag"],
    licences: ["B"],
    contractType: "tijdelijk",
    maxDistanceKm: 35,
    startInDays: -260,
    description: "Je helpt bij onderhoud van cv-ketels bij klanten thuis.",
    requiredSkills: ["storingen melden"],
  },
  {
    key: "idi-sanitair",
    employer: "idi",
    title: "Monteur sanitair renovatie",
    archetype: "installatie",
    status: "filled",
    placeName: "Zwolle",
    positions: 1,
    hours: [36, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    contractType: "tijdelijk",
    maxDistanceKm: 35,
    startInDays: -410,
    description: "Je vernieuwt badkamers en toiletten in huurwoningen.",
    requiredSkills: ["sanitair monteren"],
  },
  {
    key: "idi-zonne",
    employer: "idi",
    title: "Monteur zonnepanelen",
    archetype: "elektro",
    occupation: "wb:zonnepanelenmonteur",
    sector: "techniek",
    status: "open",
    placeName: "Zwolle",
    positions: 3,
    hours: [32, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    support: ["opleiding"],
    contractType: "tijdelijk",
    wageIndication: "€ 15,00 – € 17,50 per uur",
    maxDistanceKm: 40,
    startInDays: 21,
    description:
      "Je monteert zonnepanelen op daken van woningen en bedrijven in de regio. Werken op hoogte leer je bij ons.",
    requiredSkills: ["zonnepanelen monteren"],
    preferredSkills: ["bekabeling trekken"],
  },

  // Hanzemetaal, Kampen
  {
    key: "hmk-lasser",
    employer: "hmk",
    title: "Lasser MIG/MAG",
    archetype: "lasser",
    status: "open",
    placeName: "Kampen",
    positions: 2,
    hours: [38, 40],
    shifts: ["dag"],
    certificates: ["lasdiploma"],
    contractType: "tijdelijk",
    wageIndication: "€ 16,00 – € 19,00 per uur",
    maxDistanceKm: 35,
    startInDays: 14,
    description: "Je last stalen frames voor landbouwmachines volgens tekening.",
    requiredSkills: ["MIG/MAG lassen"],
    preferredSkills: ["tekening lezen"],
  },
  {
    key: "hmk-cnc",
    employer: "hmk",
    title: "Productiemedewerker metaal (CNC)",
    archetype: "metaal",
    occupation: "wb:cnc-operator",
    status: "open",
    placeName: "Kampen",
    positions: 2,
    hours: [32, 40],
    shifts: ["dag", "avond"],
    support: ["opleiding"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,50 – € 16,50 per uur",
    maxDistanceKm: 35,
    startInDays: 10,
    description: "Je zet de CNC-machine klaar, haalt onderdelen eruit en meet ze na.",
    requiredSkills: ["meten met schuifmaat"],
    preferredSkills: ["CNC-machine bedienen (basis)"],
  },
  {
    key: "hmk-kantbank",
    employer: "hmk",
    title: "Kantbankoperator",
    archetype: "metaal",
    occupation: "wb:plaatwerker",
    status: "filled",
    placeName: "Kampen",
    positions: 1,
    hours: [38, 40],
    shifts: ["dag"],
    contractType: "tijdelijk",
    maxDistanceKm: 35,
    startInDays: -70,
    description: "Je zet plaatwerk op de kantbank volgens tekening.",
    requiredSkills: ["kantbank bedienen"],
  },
  {
    key: "hmk-wep",
    employer: "hmk",
    title: "Werkervaringsplaats metaalbewerking",
    archetype: "lasser",
    kind: "work_experience",
    status: "open",
    placeName: "Kampen",
    positions: 1,
    hours: [16, 24],
    shifts: ["dag"],
    support: ["buddy", "opleiding"],
    contractType: "werkervaringsplaats",
    maxDistanceKm: 25,
    startInDays: 14,
    description:
      "Ervaring opdoen in een echte metaalwerkplaats, met een vaste collega als begeleider.",
    requiredSkills: [],
    preferredSkills: ["bramen en slijpen"],
  },
  {
    key: "hmk-coater",
    employer: "hmk",
    title: "Medewerker poedercoating",
    archetype: "productie",
    occupation: "wb:machineoperator",
    sector: "productie",
    status: "open",
    placeName: "Kampen",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag", "avond"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: 21,
    description:
      "Je hangt onderdelen aan de lijn, bedient de coatinginstallatie en controleert de laag.",
    requiredSkills: ["machine bedienen"],
    preferredSkills: ["kwaliteitscontrole"],
  },

  // Poortbouw, Almere
  {
    key: "pb-bouw",
    employer: "pb",
    title: "Bouwplaatsmedewerker",
    archetype: "bouw",
    status: "open",
    placeName: "Almere Buiten",
    positions: 3,
    hours: [38, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    contractType: "tijdelijk",
    wageIndication: "€ 15,00 – € 17,00 per uur",
    maxDistanceKm: 35,
    startInDays: 7,
    description:
      "Je helpt bij de bouw van nieuwe woningen: materiaal klaarzetten, timmerwerk en opruimen.",
    requiredSkills: ["bouwplaats netjes houden"],
    preferredSkills: ["timmeren"],
  },
  {
    key: "pb-timmer",
    employer: "pb",
    title: "Timmerman renovatie",
    archetype: "bouw",
    occupation: "wb:timmerman",
    status: "open",
    placeName: "Almere Stad",
    positions: 1,
    hours: [36, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    contractType: "tijdelijk",
    maxDistanceKm: 35,
    startInDays: 21,
    description: "Je vervangt kozijnen en deuren in bestaande woningen.",
    requiredSkills: ["timmeren"],
  },
  {
    key: "pb-sloop",
    employer: "pb",
    title: "Medewerker sloopwerk",
    archetype: "bouw",
    status: "filled",
    placeName: "Almere Buiten",
    positions: 2,
    hours: [38, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    contractType: "tijdelijk",
    maxDistanceKm: 35,
    startInDays: -100,
    description: "Je sloopt binnenwanden en keukens voor renovatieprojecten.",
    requiredSkills: ["sloopwerk"],
  },
  {
    key: "pb-onderhoud",
    employer: "pb",
    title: "Onderhoudsmedewerker huurwoningen",
    archetype: "installatie",
    occupation: "wb:onderhoudsmonteur",
    status: "open",
    placeName: "Almere Stad",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    licences: ["B"],
    vogRiskAreas: ["personen"],
    contractType: "vast",
    maxDistanceKm: 30,
    startInDays: 30,
    description:
      "Je verhelpt kleine gebreken bij huurders thuis. Je werkt zelfstandig met een eigen bus.",
    requiredSkills: ["werken met elektrisch gereedschap"],
    preferredSkills: ["sanitair monteren"],
  },

  // Flevo Facilitair & Techniek, Lelystad
  {
    key: "fft-groen",
    employer: "fft",
    title: "Medewerker groenonderhoud",
    archetype: "groen",
    status: "open",
    placeName: "Lelystad",
    positions: 3,
    hours: [32, 40],
    shifts: ["dag"],
    licences: ["B"],
    support: ["buddy"],
    contractType: "tijdelijk",
    wageIndication: "€ 14,00 – € 15,50 per uur",
    maxDistanceKm: 30,
    startInDays: 7,
    description:
      "Je onderhoudt het groen rond bedrijventerreinen en scholen: maaien, snoeien en onkruid wieden.",
    requiredSkills: ["maaien"],
    preferredSkills: ["bosmaaier gebruiken", "snoeien"],
  },
  {
    key: "fft-schoonmaak",
    employer: "fft",
    title: "Schoonmaker kantoren (avond)",
    archetype: "schoonmaak",
    status: "open",
    placeName: "Lelystad",
    positions: 2,
    hours: [15, 25],
    shifts: ["avond"],
    vogRiskAreas: ["informatie"],
    contractType: "tijdelijk",
    wageIndication: "€ 13,80 per uur",
    maxDistanceKm: 15,
    startInDays: 7,
    description: "Je maakt 's avonds kantoren schoon, in een vast team en een vaste route.",
    requiredSkills: ["interieurreiniging"],
  },
  {
    key: "fft-gevel",
    employer: "fft",
    title: "Glazenwasser en gevelreiniger",
    archetype: "schoonmaak",
    occupation: "wb:glazenwasser",
    status: "open",
    placeName: "Almere Stad",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    support: ["opleiding"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: 14,
    description:
      "Je wast ramen en reinigt gevels met een hoogwerker. Het hoogwerkercertificaat haal je bij ons.",
    requiredSkills: ["glazenwassen"],
  },
  {
    key: "fft-monteur",
    employer: "fft",
    title: "Technisch medewerker gebouwonderhoud",
    archetype: "installatie",
    occupation: "wb:onderhoudsmonteur",
    status: "open",
    placeName: "Dronten",
    positions: 1,
    hours: [32, 40],
    shifts: ["dag"],
    certificates: ["VCA"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: 21,
    description:
      "Je doet klein onderhoud in scholen en sporthallen: lampen, kranen, deuren en sloten.",
    requiredSkills: ["werken met elektrisch gereedschap"],
    preferredSkills: ["storingen melden"],
  },
  {
    key: "fft-catering",
    employer: "fft",
    title: "Medewerker catering",
    archetype: "horeca",
    occupation: "wb:cateringmedewerker",
    status: "open",
    placeName: "Lelystad",
    positions: 1,
    hours: [20, 28],
    shifts: ["dag"],
    contractType: "tijdelijk",
    maxDistanceKm: 20,
    startInDays: 14,
    description: "Je verzorgt de lunch en koffie bij vergaderingen en houdt de pantry's schoon.",
    requiredSkills: ["keuken schoonhouden"],
    preferredSkills: ["HACCP-regels volgen"],
  },
  {
    key: "fft-seizoen",
    employer: "fft",
    title: "Seizoensmedewerker groen",
    archetype: "groen",
    status: "closed",
    placeName: "Lelystad",
    positions: 2,
    hours: [32, 40],
    shifts: ["dag"],
    contractType: "tijdelijk",
    maxDistanceKm: 30,
    startInDays: -200,
    description: "Extra hulp bij het groenonderhoud in het voorjaar en de zomer.",
    requiredSkills: ["maaien"],
  },

  // Dronter Agro Logistiek, Dronten (unverified: drafts only)
  {
    key: "dal-productie",
    employer: "dal",
    title: "Productiemedewerker aardappelverwerking",
    archetype: "productie",
    occupation: "wb:voedingsoperator",
    status: "draft",
    placeName: "Dronten",
    positions: 3,
    hours: [32, 40],
    shifts: ["dag", "avond", "nacht"],
    contractType: "tijdelijk",
    maxDistanceKm: 25,
    startInDays: 30,
    description: "Je sorteert, wast en verpakt aardappelen aan de productielijn.",
    requiredSkills: ["machine bedienen"],
  },
  {
    key: "dal-heftruck",
    employer: "dal",
    title: "Heftruckchauffeur loods",
    archetype: "heftruck",
    status: "draft",
    placeName: "Dronten",
    positions: 1,
    hours: [36, 40],
    shifts: ["dag"],
    certificates: ["heftruckcertificaat"],
    contractType: "tijdelijk",
    maxDistanceKm: 25,
    startInDays: 30,
    description: "Je laadt vrachtwagens met kisten en bigbags.",
    requiredSkills: ["heftruck rijden"],
  },
];

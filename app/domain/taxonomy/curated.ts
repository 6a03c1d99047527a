/*
 * Werkbrug's own small occupation taxonomy for the sectors candidates work in most: how
 * people write these jobs in Dutch (synonyms, female forms, common compounds) with the
 * ISCO-08 unit group. Written for this project; the full ESCO list can be imported next to
 * it (`importEscoOccupations`). Codes are `wb:<slug>`.
 */

export type Sector = "logistiek" | "techniek" | "bouw" | "productie" | "schoonmaak" | "groen" | "horeca" | "transport";

export type CuratedOccupation = {
  code: string;
  title: string;
  sector: Sector;
  iscoGroup: string;
  synonyms: string[];
};

type Row = [slug: string, title: string, sector: Sector, isco: string, synonyms: string[]];

const rows: Row[] = [
  // logistiek
  ["magazijnmedewerker", "magazijnmedewerker", "logistiek", "9333", ["magazijnmedewerkster", "magazijnbediende", "medewerker magazijn", "logistiek medewerker", "logistiek medewerkster", "warehouse medewerker"]],
  ["orderpicker", "orderpicker", "logistiek", "9333", ["orderpickster", "orderverzamelaar", "orderverzamelaarster", "picker", "medewerker orderpicking"]],
  ["heftruckchauffeur", "heftruckchauffeur", "logistiek", "8344", ["vorkheftruckchauffeur", "heftruckbestuurder", "heftruckchauffeuse", "vorkheftruckbestuurder", "heftruckrijder", "bestuurder vorkheftruck"]],
  ["reachtruckchauffeur", "reachtruckchauffeur", "logistiek", "8344", ["reachtruckbestuurder", "reachtruckchauffeuse", "reachtruckrijder", "bestuurder reachtruck"]],
  ["inpakker", "inpakker", "logistiek", "9321", ["inpakster", "verpakker", "verpakster", "medewerker inpak", "handverpakker"]],
  ["expeditiemedewerker", "expeditiemedewerker", "logistiek", "4321", ["expeditiemedewerkster", "medewerker expeditie", "expeditieassistent"]],
  ["voorraadbeheerder", "voorraadbeheerder", "logistiek", "4321", ["voorraadbeheerster", "voorraadadministrateur", "magazijnadministrateur", "medewerker voorraadbeheer"]],
  ["laadmedewerker", "laad- en losmedewerker", "logistiek", "9333", ["laad en losmedewerker", "laad- en losmedewerkster", "losser", "sjouwer", "ladingmedewerker"]],
  ["pakketsorteerder", "pakketsorteerder", "logistiek", "9333", ["sorteerder", "sorteerster", "postsorteerder", "medewerker sorteercentrum"]],
  ["teamleider-magazijn", "teamleider magazijn", "logistiek", "4321", ["ploegleider magazijn", "voorman magazijn", "chef magazijn", "magazijnchef"]],
  // transport
  ["vrachtwagenchauffeur", "vrachtwagenchauffeur", "transport", "8332", ["vrachtwagenchauffeuse", "chauffeur groot rijbewijs", "trucker", "vrachtautochauffeur", "chauffeur ce", "chauffeur c", "beroepschauffeur", "internationaal chauffeur"]],
  ["bestelbuschauffeur", "bestelbuschauffeur", "transport", "8322", ["bestelwagenchauffeur", "koeriersdienstchauffeur", "chauffeur bestelbus", "busjeschauffeur"]],
  ["pakketbezorger", "pakketbezorger", "transport", "8322", ["pakketbezorgster", "bezorger", "bezorgster", "koerier", "koerierster", "postbezorger", "maaltijdbezorger"]],
  ["taxichauffeur", "taxichauffeur", "transport", "8322", ["taxichauffeuse", "taxibestuurder", "taxibestuurster", "chauffeur taxi", "zorgtaxichauffeur"]],
  ["buschauffeur", "buschauffeur", "transport", "8331", ["buschauffeuse", "chauffeur openbaar vervoer", "touringcarchauffeur", "lijnbuschauffeur", "busbestuurder"]],
  ["kraanmachinist", "kraanmachinist", "transport", "8343", ["kraanmachiniste", "kraandrijver", "torenkraanmachinist", "mobiele kraanmachinist", "kraanbestuurder"]],
  ["verhuizer", "verhuizer", "transport", "9333", ["verhuismedewerker", "verhuismedewerkster", "verhuizer sjouwer"]],
  ["grondverzetmachinist", "machinist grondverzet", "transport", "8342", ["grondverzetmachinist", "shovelmachinist", "graafmachinist", "machinist graafmachine", "kraanmachinist grondverzet"]],
  // techniek
  ["lasser", "lasser", "techniek", "7212", ["lasster", "mig-lasser", "mag-lasser", "tig-lasser", "co2-lasser", "elektrodelasser", "booglasser", "constructielasser", "puntlasser", "autogeenlasser"]],
  ["constructiebankwerker", "constructiebankwerker", "techniek", "7214", ["constructiewerker", "metaalconstructeur", "bankwerker constructie", "staalconstructiemonteur", "samensteller staalconstructies"]],
  ["plaatwerker", "plaatwerker", "techniek", "7213", ["plaatwerkster", "dunplaatwerker", "metaalplaatwerker", "plaatbewerker", "zetter plaatwerk"]],
  ["cnc-operator", "cnc-operator", "techniek", "7223", ["cnc-operateur", "cnc-verspaner", "verspaner", "draaier", "frezer", "cnc-draaier", "cnc-frezer", "operatrice cnc"]],
  ["elektromonteur", "elektromonteur", "techniek", "7411", ["elektricien", "installateur elektrotechniek", "monteur elektrotechniek", "elektrotechnisch monteur", "elektromonteuse", "monteur elektra"]],
  ["installatiemonteur", "installatiemonteur", "techniek", "7126", ["loodgieter", "monteur installatietechniek", "cv-monteur", "servicemonteur cv", "sanitairmonteur", "installateur", "monteur werktuigbouwkundige installaties"]],
  ["koeltechnicus", "koeltechnisch monteur", "techniek", "7127", ["koelmonteur", "monteur koeltechniek", "airco-monteur", "monteur klimaattechniek", "warmtepompmonteur"]],
  ["automonteur", "automonteur", "techniek", "7231", ["monteur personenauto's", "autotechnicus", "apk-keurmeester", "bedrijfsautomonteur", "vrachtwagenmonteur", "automonteuse"]],
  ["onderhoudsmonteur", "onderhoudsmonteur", "techniek", "7233", ["technisch onderhoudsmedewerker", "storingsmonteur", "mechanisch monteur", "machinemonteur", "monteur machinebouw", "onderhoudstechnicus"]],
  ["fietsenmaker", "fietsenmaker", "techniek", "7234", ["fietsmonteur", "tweewielermonteur", "rijwielhersteller", "fietstechnicus"]],
  ["zonnepanelenmonteur", "zonnepanelenmonteur", "techniek", "7411", ["monteur zonnepanelen", "pv-monteur", "installateur zonnepanelen"]],
  ["metaalbewerker", "metaalbewerker", "techniek", "7221", ["smid", "metaalbewerkster", "bankwerker", "metaalarbeider", "smeder"]],
  // bouw
  ["timmerman", "timmerman", "bouw", "7115", ["timmervrouw", "bouwtimmerman", "timmerlieden", "houtskeletbouwer", "betontimmerman", "kozijnmonteur"]],
  ["metselaar", "metselaar", "bouw", "7112", ["metselaarster", "metselaar voeger", "voeger", "blokkenlijmer", "lijmer"]],
  ["stukadoor", "stukadoor", "bouw", "7123", ["stukadoorster", "stucadoor", "pleisteraar", "afbouwmedewerker stuc", "spuitstukadoor"]],
  ["tegelzetter", "tegelzetter", "bouw", "7122", ["tegelzetster", "wandtegelzetter", "vloertegelzetter", "tegellegger"]],
  ["vloerenlegger", "vloerenlegger", "bouw", "7122", ["vloerlegger", "parketlegger", "tapijtlegger", "vloerenlegster"]],
  ["schilder", "schilder", "bouw", "7131", ["schilderes", "huisschilder", "onderhoudsschilder", "bouwschilder", "kwastschilder", "spuiter"]],
  ["dakdekker", "dakdekker", "bouw", "7121", ["dakdekster", "dakdekker bitumen", "pannendekker", "dakwerker"]],
  ["stratenmaker", "stratenmaker", "bouw", "7114", ["straatmaker", "bestrater", "stratenmaakster", "tegelbestrater"]],
  ["grondwerker", "grondwerker", "bouw", "9312", ["grondwerkster", "wegenbouwer", "medewerker grond- weg- en waterbouw", "gww-medewerker", "rioolwerker", "pijpenlegger"]],
  ["bouwvakker", "bouwvakker", "bouw", "9313", ["bouwvakster", "bouwplaatsmedewerker", "hulparbeider bouw", "bouwhulp", "opperman", "sloper", "sloopmedewerker"]],
  ["steigerbouwer", "steigerbouwer", "bouw", "7119", ["steigermonteur", "steigerbouwster"]],
  ["betonwerker", "betonwerker", "bouw", "7114", ["betonvlechter", "ijzervlechter", "betonstorter", "betonwerkster"]],
  ["glaszetter", "glaszetter", "bouw", "7125", ["beglazer", "glaszetster", "glasmonteur"]],
  // productie
  ["productiemedewerker", "productiemedewerker", "productie", "9329", ["productiemedewerkster", "medewerker productie", "fabrieksmedewerker", "fabrieksarbeider", "productiearbeider", "lijnmedewerker"]],
  ["machineoperator", "machineoperator", "productie", "8189", ["machinebediener", "machinebedienster", "operator productie", "productieoperator", "operator", "operatrice", "bediener productiemachine"]],
  ["procesoperator", "procesoperator", "productie", "3133", ["operator procesindustrie", "procesoperatrice", "operator chemische installatie", "meet- en regeltechnicus"]],
  ["verpakkingsoperator", "operator verpakkingsmachine", "productie", "8183", ["inpakmachinebediener", "operator inpaklijn", "verpakkingsmachinebediener"]],
  ["montagemedewerker", "montagemedewerker", "productie", "8219", ["montagemedewerkster", "assemblagemedewerker", "monteur assemblage", "samensteller", "assembleur"]],
  ["kwaliteitscontroleur", "kwaliteitscontroleur", "productie", "7543", ["kwaliteitscontroleuse", "kwaliteitsinspecteur", "inspecteur kwaliteit", "controleur eindproduct", "keurder"]],
  ["meubelmaker", "meubelmaker", "productie", "7522", ["meubelmaakster", "interieurbouwer", "meubelschrijnwerker", "schrijnwerker", "houtbewerker"]],
  ["bakker", "bakker", "productie", "7512", ["bakster", "broodbakker", "banketbakker", "medewerker bakkerij", "bakkersknecht"]],
  ["slager", "slager", "productie", "7511", ["slagersmedewerker", "uitbener", "vleesbewerker", "vleessnijder", "slageres"]],
  ["drukker", "drukker", "productie", "7322", ["drukster", "offsetdrukker", "zeefdrukker", "operator drukpers", "drukkerijmedewerker"]],
  ["naaister", "naaister", "productie", "7533", ["naaier", "coupeuse", "confectiemedewerker", "textielbewerker", "kleermaker"]],
  ["voedingsoperator", "operator voedingsmiddelenindustrie", "productie", "8160", ["medewerker voedingsmiddelenindustrie", "productiemedewerker voedingsmiddelen", "operator levensmiddelen"]],
  // schoonmaak
  ["schoonmaker", "schoonmaker", "schoonmaak", "9112", ["schoonmaakster", "schoonmaakmedewerker", "schoonmaakmedewerkster", "interieurverzorger", "interieurverzorgster", "bedrijfsschoonmaker", "poetser", "poetsvrouw", "reinigingsmedewerker", "kantoorschoonmaker"]],
  ["glazenwasser", "glazenwasser", "schoonmaak", "9123", ["glazenwasster", "glasbewassing medewerker", "gevelreiniger", "ramenwasser"]],
  ["huishoudelijk-medewerker", "huishoudelijk medewerker", "schoonmaak", "9111", ["huishoudelijk medewerkster", "huishoudster", "huishoudhulp", "hulp in de huishouding", "werkster"]],
  ["voertuigreiniger", "voertuigreiniger", "schoonmaak", "9122", ["autowasser", "autopoetser", "treinreiniger", "schoonmaker treinen", "carwashmedewerker"]],
  ["specialistisch-reiniger", "specialistisch reiniger", "schoonmaak", "9129", ["industrieel reiniger", "industriële schoonmaker", "dieptereiniger", "reiniger na calamiteiten", "graffitiverwijderaar"]],
  ["kamermeisje", "medewerker housekeeping", "schoonmaak", "9112", ["kamermeisje", "roomattendant", "housekeeping medewerker", "kamerschoonmaker"]],
  // groen
  ["hovenier", "hovenier", "groen", "6113", ["hovenierster", "tuinman", "tuinvrouw", "tuinier", "tuinaanlegger", "groenvoorziener", "hoveniersmedewerker"]],
  ["groenmedewerker", "medewerker groenvoorziening", "groen", "9214", ["groenmedewerker", "medewerker groenonderhoud", "groenwerker", "medewerker openbaar groen", "plantsoenmedewerker", "groenvoorzieningsmedewerker"]],
  ["boomverzorger", "boomverzorger", "groen", "6210", ["boomverzorgster", "boomchirurg", "bosbouwer", "bosarbeider", "houthakker", "boomklimmer"]],
  ["teeltmedewerker", "teeltmedewerker", "groen", "9214", ["kassenmedewerker", "kasmedewerker", "tuinbouwmedewerker", "medewerker glastuinbouw", "oogstmedewerker", "plukker", "teeltmedewerkster", "kwekerijmedewerker"]],
  ["landarbeider", "landarbeider", "groen", "9211", ["landbouwmedewerker", "landbouwmedewerkster", "akkerbouwmedewerker", "landarbeidster", "seizoensarbeider landbouw"]],
  ["veehouder", "medewerker veehouderij", "groen", "9212", ["veeverzorger", "veeverzorgster", "melker", "dierverzorger boerderij", "medewerker melkveehouderij"]],
  // horeca
  ["kok", "kok", "horeca", "5120", ["kokkin", "zelfstandig werkend kok", "chef-kok", "souschef", "grillkok", "pizzabakker", "leerling-kok", "kok-kokkin"]],
  ["keukenhulp", "keukenhulp", "horeca", "9412", ["keukenmedewerker", "keukenmedewerkster", "afwasser", "afwasster", "spoelkeukenmedewerker", "keukenassistent"]],
  ["bediening", "medewerker bediening", "horeca", "5131", ["ober", "serveerster", "kelner", "bedieningsmedewerker", "bedieningsmedewerkster", "gastheer", "gastvrouw", "runner"]],
  ["barmedewerker", "barmedewerker", "horeca", "5132", ["barkeeper", "barvrouw", "barman", "barmedewerkster", "tapper", "barista"]],
  ["cateringmedewerker", "cateringmedewerker", "horeca", "9411", ["cateringmedewerkster", "medewerker catering", "medewerker fastfood", "snackbarmedewerker", "lunchroommedewerker", "bedrijfsrestaurantmedewerker"]],
  ["hotelmedewerker", "hotelmedewerker", "horeca", "4224", ["receptionist hotel", "receptioniste", "frontofficemedewerker", "nachtportier"]],
];

export const curatedOccupations: CuratedOccupation[] = rows.map(([slug, title, sector, iscoGroup, synonyms]) => ({
  code: `wb:${slug}`,
  title,
  sector,
  iscoGroup,
  synonyms,
}));

/**
 * Word-level synonyms people use interchangeably in job titles and skills. Each group is
 * multi-way. Used by both engines (query expansion) and the matcher.
 */
export const curatedWordSynonyms: string[][] = [
  ["heftruck", "vorkheftruck", "reachtruck", "vorkliftruck"],
  ["magazijn", "orderpicker", "orderpicken", "magazijnmedewerker", "warehouse", "distributiecentrum"],
  ["schoonmaak", "schoonmaker", "reiniging", "poetser", "interieurverzorger"],
  ["chauffeur", "bestuurder", "driver"],
  ["vrachtwagen", "vrachtauto", "truck"],
  ["kok", "keukenchef", "chef-kok"],
  ["hovenier", "tuinman", "tuinier", "groenvoorziener"],
  ["monteur", "technicus", "mechanicus", "mechanic"],
  ["operator", "bediener", "operateur", "machinebediener"],
  ["bezorger", "koerier", "pakketbezorger"],
  ["bouwvakker", "bouwarbeider", "bouwplaatsmedewerker"],
  ["lassen", "lasser", "laswerk"],
  ["horeca", "catering", "restaurant"],
  ["tuinbouw", "glastuinbouw", "kassen"],
  ["elektricien", "elektromonteur"],
];

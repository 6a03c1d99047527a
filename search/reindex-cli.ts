// `npm run search:reindex [-- candidates|vacancies]`: rebuilds the search indexes from the
// database. On Meilisearch: into a new index, then an atomic swap (searches never see a half
// index). The embedded engine lives inside the web process and is rebuilt at every start.
import { and, gte, inArray } from "drizzle-orm";
import { openDatabase } from "#db/client.server";
import { searchOutbox } from "#db/schema";
import { loadTaxonomy } from "~/domain/taxonomy/taxonomy.server";
import { env } from "~/env.server";
import { candidateDocumentSchema, candidateIndexSettings, vacancyDocumentSchema, vacancyIndexSettings } from "./documents";
import type { BaseDocument, IndexName } from "./engine";
import { MeilisearchEngine } from "./meilisearch";
import { reindexMeilisearch } from "./reindex";
import { allDocuments, resolverOf } from "./sync.server";

const config = env();
const requested = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const indexes: IndexName[] = requested.length
  ? requested.map((name) => {
      if (name !== "candidates" && name !== "vacancies") {
        console.error(`Onbekende index: ${name} (kies candidates of vacancies)`);
        process.exit(2);
      }
      return name;
    })
  : ["candidates", "vacancies"];

if (!config.MEILI_URL) {
  console.log(
    "Geen MEILI_URL: de ingebouwde zoekmachine laadt alle documenten opnieuw bij elke start van de app. Herstart de app om de index opnieuw op te bouwen.",
  );
  process.exit(0);
}

const handle = config.DATABASE_URL
  ? await openDatabase({ kind: "postgres", url: config.DATABASE_URL, max: 2 })
  : await openDatabase({ kind: "pglite", dataDir: config.DATA_DIR });
await handle.migrate();
const db = handle.db;
const taxonomy = await loadTaxonomy(db);
const resolver = resolverOf(taxonomy);
const synonyms = taxonomy.engineSynonyms();
const engine = new MeilisearchEngine({ url: config.MEILI_URL, apiKey: config.MEILI_MASTER_KEY || undefined });

for (const index of indexes) {
  const startedAt = new Date();
  const report = await reindexMeilisearch<BaseDocument>({
    engine,
    index,
    settings: index === "candidates" ? candidateIndexSettings(synonyms) : vacancyIndexSettings(synonyms),
    documents: allDocuments(db, index, { resolver }) as AsyncIterable<BaseDocument[]>,
    validate: (doc) =>
      (index === "candidates" ? candidateDocumentSchema.parse(doc) : vacancyDocumentSchema.parse(doc)) as BaseDocument,
    log: (line) => console.info(line),
  });
  // Changes the worker applied to the old index while this ran are queued again for the new one.
  const changed = await db
    .selectDistinct({ entityId: searchOutbox.entityId })
    .from(searchOutbox)
    .where(and(gte(searchOutbox.createdAt, startedAt), inArray(searchOutbox.indexName, [index])));
  if (changed.length > 0) {
    await db.insert(searchOutbox).values(changed.map((c) => ({ indexName: index, entityId: c.entityId })));
  }
  console.log(
    `${index}: ${report.documents} documenten in ${Math.round(report.ms)} ms (${Math.round(report.docsPerSecond)}/s), ${changed.length} wijzigingen opnieuw in de wachtrij`,
  );
}
await handle.close();

import { parseArgs } from "node:util";
import { runEvaluation } from "./run";

/*
 * npm run eval:matching -- --dataset <file> [--taxonomy <esco-occupations.csv>]
 * The last line of output is one JSON object (see ../shared/eval/FORMAT.md).
 */

const { values } = parseArgs({
  options: {
    dataset: { type: "string" },
    taxonomy: { type: "string" },
  },
  strict: true,
});

if (!values.dataset) {
  console.error("Gebruik: npm run eval:matching -- --dataset <bestand> [--taxonomy <esco-occupations.csv>]");
  process.exit(2);
}

const result = await runEvaluation({
  datasetPath: values.dataset,
  ...(values.taxonomy ? { taxonomyPath: values.taxonomy } : {}),
  log: (line) => console.log(line),
});
console.log(JSON.stringify(result));

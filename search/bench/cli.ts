import { runBench, runHttpOnly } from "./run";

/*
 * npm run bench [-- --candidates N --vacancies M --http-seconds S --no-http --skip-build --keep
 *                   --server-cpu-prof DIR] | --http-only DIR (a kept world) [--skip-build --http-seconds S]
 * Progress goes to stderr; the LAST line on stdout is one JSON object with the figures.
 */

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function stringFlag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

function numberFlag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`--${name} verwacht een positief geheel getal\n`);
    process.exit(2);
  }
  return value;
}

const started = Date.now();
try {
  const httpOnly = stringFlag("http-only");
  const options = {
    candidates: numberFlag("candidates", 20_000),
    vacancies: numberFlag("vacancies", 5_000),
    httpSeconds: numberFlag("http-seconds", 10),
    build: !flag("skip-build"),
    http: !flag("no-http"),
    keep: flag("keep"),
    serverCpuProf: stringFlag("server-cpu-prof"),
    log: (line: string) => process.stderr.write(`${line}\n`),
  };
  const result = httpOnly ? await runHttpOnly({ ...options, httpOnly }) : await runBench(options);
  process.stderr.write(`klaar in ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`bench mislukt: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

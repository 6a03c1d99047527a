import { type Database, getDb } from "#db/client.server";
import { runReminders } from "~/domain/pipeline/checkins.server";
import { expireOffers } from "~/domain/pipeline/offers.server";
import { expireVacancies } from "~/domain/vacancies/vacancies.server";

/*
 * The pipeline's scheduled jobs: check-in reminders (due and overdue) and offer expiry, and, on
 * request, vacancy expiry (app/workers.server.ts already runs the vacancies' own expiry job, so
 * it is off by default; running both is harmless, only wasteful). Every job claims its rows
 * with FOR UPDATE SKIP LOCKED and writes its idempotent marker (remindedAt, the new status) in
 * the same transaction as the notification, so any number of processes may run this loop at
 * once; a round that fails is simply tried again next time.
 * The lead wires `startPipelineScheduler` into app/workers.server.ts.
 */

export type ScheduledRound = {
  reminders: { due: number; overdue: number };
  expiredOffers: number;
  expiredVacancies: number;
};

/** One round of every job, at `now` (tests move the clock). */
export async function runScheduledJobs(
  db: Database,
  now: Date = new Date(),
  options: { vacancies?: boolean } = {},
): Promise<ScheduledRound> {
  const offers = await expireOffers(db, now);
  const vacancies = options.vacancies ? await expireVacancies(db, now) : { expired: [] };
  const reminders = await runReminders(db, now);
  return {
    reminders,
    expiredOffers: offers.expired.length,
    expiredVacancies: vacancies.expired.length,
  };
}

export type PipelineSchedulerOptions = {
  db?: Database;
  /** Between rounds; default 5 minutes. */
  intervalMs?: number;
  /** The clock (tests pass a fixed or moving one). */
  now?: () => Date;
  /** Also expire vacancies (off: the vacancies' own expiry job does it). */
  vacancies?: boolean;
};

/** Runs the jobs now and then every `intervalMs`. Returns a stop function that waits for the current round. */
export function startPipelineScheduler(
  options: PipelineSchedulerOptions = {},
): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const clock = options.now ?? (() => new Date());
  const db = options.db ?? getDb();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  const round = async () => {
    try {
      await runScheduledJobs(db, clock(), { vacancies: options.vacancies ?? false });
    } catch (error) {
      // Nothing is lost: the rows are still due and the next round picks them up.
      console.error("[pipeline scheduler] round failed:", error);
    }
    if (!stopped) timer = setTimeout(run, intervalMs);
  };
  const run = () => {
    current = round();
  };
  run();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}

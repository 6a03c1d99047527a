import { getDb } from "#db/client.server";
import { startEmailWorker } from "#emails/worker.server";
import { getSearchRuntime, startSearchWorker } from "#search/runtime.server";
import { startVacancyExpiryJob } from "~/domain/vacancies/expiry-job.server";
import { startPipelineScheduler } from "~/workers/scheduler.server";

type Stop = () => Promise<void> | void;

/**
 * Starts the outbox workers in this process; returns a function that stops them.
 * `search` is started wherever the engine lives: the embedded engine is in-process, so its
 * worker must run in the web process.
 */
export async function startWorkers(options: {
  email: boolean;
  search: boolean;
  scheduled: boolean;
}): Promise<() => Promise<void>> {
  const stops: Stop[] = [];
  if (options.email) stops.push(startEmailWorker({ intervalMs: 5_000 }));
  // Scheduled jobs claim their rows with SKIP LOCKED, so several processes may run them.
  if (options.scheduled) {
    stops.push(startVacancyExpiryJob({ db: getDb() }));
    // Offer expiry and check-in reminders (due and overdue).
    stops.push(startPipelineScheduler({ db: getDb() }));
  }
  if (options.search) stops.push(startSearchWorker({ db: getDb(), runtime: getSearchRuntime() }));
  return async () => {
    for (const stop of stops) await stop();
  };
}

import { startEmailWorker } from "#emails/worker.server";

/** Starts the outbox workers in this process; returns a function that stops them. */
export async function startWorkers(): Promise<() => Promise<void>> {
  const stops: (() => Promise<void> | void)[] = [];
  stops.push(startEmailWorker({ intervalMs: 5_000 }));
  return async () => {
    for (const stop of stops) await stop();
  };
}

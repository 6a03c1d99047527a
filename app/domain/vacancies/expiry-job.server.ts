import type { Database } from "#db/client.server";
import { expireVacancies } from "./vacancies.server";

/*
 * The scheduled job that closes vacancies after their expiry day. Safe in any number of
 * processes (expireVacancies locks with SKIP LOCKED). Meant to be started next to the outbox
 * workers: `startVacancyExpiryJob({ db: getDb() })`.
 */

export const EXPIRY_INTERVAL_MS = 15 * 60 * 1000;

export function startVacancyExpiryJob(options: {
  db: Database;
  intervalMs?: number;
  now?: () => Date;
  onRun?: (expired: string[]) => void;
}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? EXPIRY_INTERVAL_MS;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  const round = async () => {
    try {
      const { expired } = await expireVacancies(options.db, options.now?.() ?? new Date());
      options.onRun?.(expired);
    } catch (error) {
      // The next round tries again; an expired vacancy stays due until it is closed.
      console.error("[vacancy expiry] round failed:", error);
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

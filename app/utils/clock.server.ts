import { env } from "~/env.server";

/*
 * The clock the pages pass to the pipeline as `now`. In production it is the system clock, and
 * nothing can change that: the test clock is active only when BOTH
 *   - the runtime is not production (NODE_ENV read at run time through env(): the server build
 *     inlines `process.env.NODE_ENV` as "production", so that literal is not a safe test), and
 *   - E2E_CLOCK=1 is set, which only the end-to-end web server of playwright.config.ts does.
 * Then /e2e-clock (routes/_resources+/e2e-clock.ts) may move the clock forward by an offset, so
 * an end-to-end story can reach "six months later". The offset lives in this process only:
 * the test clock is a single-process test tool, never shared state of the application.
 */

let offsetMs = 0;

/** Is the movable test clock switched on in this process? */
export function testClockEnabled(source: Record<string, string | undefined> = process.env) {
  return env().NODE_ENV !== "production" && source.NODE_ENV !== "production" && source.E2E_CLOCK === "1";
}

/** Now, as the pages see it: the system clock, plus the test offset when the test clock is on. */
export function clockNow(): Date {
  return testClockEnabled() && offsetMs !== 0 ? new Date(Date.now() + offsetMs) : new Date();
}

/** The current test offset in milliseconds (0 when the test clock is off). */
export function testClockOffset(): number {
  return testClockEnabled() ? offsetMs : 0;
}

/** Moves the test clock to `ms` after the system clock; refused when the test clock is off. */
export function setTestClockOffset(ms: number) {
  if (!testClockEnabled()) throw new Error("The test clock is not enabled in this process.");
  if (!Number.isFinite(ms) || ms < 0) throw new Error("The test clock only moves forward.");
  offsetMs = ms;
}

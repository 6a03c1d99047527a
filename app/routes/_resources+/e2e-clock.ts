import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { clockNow, setTestClockOffset, testClockEnabled, testClockOffset } from "~/utils/clock.server";

/*
 * End-to-end tests only: reads or moves the test clock (utils/clock.server.ts). Outside a
 * non-production process started with E2E_CLOCK=1 this route does not exist (404), whoever asks.
 *   GET  /e2e-clock               → { now, offsetDays }
 *   POST /e2e-clock  days=<n>     → moves the clock to n days after the system clock (n ≥ 0)
 */

const notFound = () => new Response("Not Found", { status: 404, statusText: "Not Found" });
const state = () =>
  json({ now: clockNow().toISOString(), offsetDays: testClockOffset() / 86_400_000 }, { headers: { "cache-control": "no-store" } });

export async function loader() {
  if (!testClockEnabled()) throw notFound();
  return state();
}

const MoveSchema = z.object({ days: z.coerce.number().min(0).max(3650) });

export async function action({ request }: ActionFunctionArgs) {
  if (!testClockEnabled()) throw notFound();
  const parsed = MoveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ error: "days: a number of days from 0 to 3650" }, { status: 400 });
  setTestClockOffset(Math.round(parsed.data.days * 86_400_000));
  return state();
}

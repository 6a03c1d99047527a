import type { Placement } from "#db/schema";
import { addMonths, dutchToday } from "./dates";

/*
 * Retention at 1, 3, 6 and 12 months, derived from a placement's start, end and outcome
 * (DESIGN.md: "retention at 1, 3, 6 and 12 months is derived from it"). Nothing is stored:
 * the figures follow from the placement row whenever they are asked for.
 *
 *   retained     the person was still in the job at that moment (active then, or ended later)
 *   ended_early  the placement ended early before that moment: not retained
 *   completed    the placement was completed (e.g. a fixed-term contract or work-experience place
 *                that ran its course) before that moment: neither a success nor a failure of
 *                retention, so it is left out of the rate
 *   pending      the moment has not come yet
 */

export const RETENTION_MONTHS = [1, 3, 6, 12] as const;
export type RetentionMonth = (typeof RETENTION_MONTHS)[number];
export type RetentionState = "retained" | "ended_early" | "completed" | "pending";

export type RetentionSource = Pick<Placement, "startedOn" | "endedOn" | "status">;

export function retentionOf(
  placement: RetentionSource,
  now: Date,
): Record<RetentionMonth, RetentionState> {
  const today = dutchToday(now);
  const result = {} as Record<RetentionMonth, RetentionState>;
  for (const months of RETENTION_MONTHS) {
    const milestone = addMonths(placement.startedOn, months);
    if (placement.status === "active" || !placement.endedOn) {
      result[months] = today >= milestone ? "retained" : "pending";
    } else if (placement.endedOn >= milestone) {
      result[months] = "retained";
    } else {
      result[months] = placement.status === "completed" ? "completed" : "ended_early";
    }
  }
  return result;
}

export type RetentionRate = {
  /** Placements that reached the milestone with a verdict (retained or ended early). */
  counted: number;
  retained: number;
  /** retained / counted, or null when nothing counts yet. */
  rate: number | null;
};

/** Retention over many placements, per milestone (for reports and dashboards). */
export function retentionRates(
  placements: readonly RetentionSource[],
  now: Date,
): Record<RetentionMonth, RetentionRate> {
  const result = {} as Record<RetentionMonth, RetentionRate>;
  for (const months of RETENTION_MONTHS) result[months] = { counted: 0, retained: 0, rate: null };
  for (const placement of placements) {
    const states = retentionOf(placement, now);
    for (const months of RETENTION_MONTHS) {
      const state = states[months];
      if (state === "retained" || state === "ended_early") {
        result[months].counted += 1;
        if (state === "retained") result[months].retained += 1;
      }
    }
  }
  for (const months of RETENTION_MONTHS) {
    const r = result[months];
    r.rate = r.counted > 0 ? r.retained / r.counted : null;
  }
  return result;
}

import type { Database } from "#db/client.server";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { TransitionError } from "~/domain/candidates/lifecycle.server";
import { failureOf, PipelineError, type PipelineResult } from "./errors";

/*
 * Every pipeline step runs through `runStep`: one transaction for the domain rows, the audit
 * row and the outbox/notification rows. A PipelineError thrown anywhere inside rolls all of it
 * back and becomes a typed failure; refusals for role or tenant are audited (result "denied")
 * after the rollback. A deadlock or serialization failure (PostgreSQL picks a victim when two
 * transactions wait on each other) is retried, so the caller sees the outcome the retry gets,
 * typically "stale".
 */

const DENIED: ReadonlySet<string> = new Set(["not_found", "forbidden", "not_verified"]);
const RETRYABLE: ReadonlySet<string> = new Set(["40P01", "40001"]);
const MAX_ATTEMPTS = 3;

export type StepMeta = {
  /** The audit action of a refusal, e.g. "proposal.review". */
  action: string;
  objectType: string;
  objectId: string | null;
  origin?: Origin;
};

function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export async function runStep<T extends object>(
  db: Database,
  context: Pick<AuthContext, "user" | "organisation"> | null,
  meta: StepMeta,
  work: (tx: Database) => Promise<T>,
): Promise<PipelineResult<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await db.transaction((tx) => work(tx));
      return { ok: true, ...value };
    } catch (thrown) {
      let error = thrown;
      if (error instanceof TransitionError) error = new PipelineError("candidate_unavailable");
      if (error instanceof PipelineError) {
        if (context && DENIED.has(error.code)) {
          await audit(db, {
            actorUserId: context.user.id,
            actorOrganisationId: context.organisation?.id ?? null,
            action: meta.action,
            objectType: meta.objectType,
            objectId: meta.objectId,
            result: "denied",
            origin: meta.origin,
            details: { reason: error.code },
          });
        }
        return failureOf(error);
      }
      const state = sqlState(error);
      if (state && RETRYABLE.has(state) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** The audit actor of a signed-in caller. */
export function actorOf(context: Pick<AuthContext, "user" | "organisation">) {
  return { actorUserId: context.user.id, actorOrganisationId: context.organisation?.id ?? null };
}

import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { type Proposal, proposals } from "#db/schema";
import { formatDate, formatDateTime } from "#emails/format";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { dayAsDate } from "./dates";
import { PipelineError } from "./errors";
import type { ProposalCase } from "./access.server";
import type { ProposalStatus } from "./transitions";

/** What every step accepts besides its input: where the request came from, and the clock. */
export type StepOptions = { origin?: Origin; now?: Date };

/**
 * Moves a proposal one step (the caller has locked it and checked role, state and version):
 * compare-and-set on the version, one audit row "proposal.<to>". Returns the new row.
 */
export async function moveProposal(
  db: Database,
  c: Pick<ProposalCase, "proposal" | "candidate" | "vacancy">,
  to: ProposalStatus,
  step: {
    context: Pick<AuthContext, "user" | "organisation"> | null;
    origin?: Origin;
    now: Date;
    set?: Partial<Pick<Proposal, "proposedByUserId" | "note" | "reasonCode" | "reasonText">>;
    details?: Record<string, unknown>;
  },
): Promise<Proposal> {
  const from = c.proposal.status;
  const [row] = await db
    .update(proposals)
    .set({ ...step.set, status: to, version: c.proposal.version + 1, updatedAt: step.now })
    .where(and(eq(proposals.id, c.proposal.id), eq(proposals.version, c.proposal.version)))
    .returning();
  if (!row)
    throw new PipelineError("stale", { current: { status: from, version: c.proposal.version } });
  await audit(db, {
    actorUserId: step.context?.user.id ?? null,
    actorOrganisationId: step.context?.organisation?.id ?? null,
    action: `proposal.${to}`,
    objectType: "proposal",
    objectId: row.id,
    origin: step.origin,
    details: {
      from,
      to,
      version: row.version,
      candidateId: c.candidate.id,
      vacancyId: c.vacancy.id,
      ...(step.context ? {} : { automatic: true }),
      ...step.details,
    },
  });
  c.proposal = row;
  return row;
}

/**
 * A change on a proposal that keeps its status (a meeting moved, cancelled or held): the
 * version still goes up, so a form made before it is stale.
 */
export async function bumpProposalVersion(
  db: Database,
  c: Pick<ProposalCase, "proposal">,
  now: Date,
) {
  const [row] = await db
    .update(proposals)
    .set({ version: c.proposal.version + 1, updatedAt: now })
    .where(and(eq(proposals.id, c.proposal.id), eq(proposals.version, c.proposal.version)))
    .returning();
  if (!row)
    throw new PipelineError("stale", {
      current: { status: c.proposal.status, version: c.proposal.version },
    });
  c.proposal = row;
  return row;
}

/** Text variables every pipeline notification may use (no identity, only the public code). */
export function caseVars(c: Pick<ProposalCase, "candidate" | "vacancy" | "employer">) {
  return { code: c.candidate.publicCode, vacancy: c.vacancy.title, employer: c.employer.name };
}

export const dayLabel = (day: string) => formatDate(dayAsDate(day));
export const momentLabel = (at: Date) => formatDateTime(at);

import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  candidates,
  consents,
  memberships,
  offers,
  organisations,
  proposals,
  users,
  vacancies,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { candidateScope } from "~/domain/candidates/access.server";
import { PipelineError } from "./errors";
import { isUuid } from "./schemas";
import { type ProposalActor, type ProposalStatus, mayTransitionProposal } from "./transitions";

/*
 * Who may act on a proposal, checked on the server for every step:
 *   coach     the candidate is on the caller's own caseload (candidateScope(ctx, "write"));
 *             a colleague who may only read the case gets "forbidden", anyone else "not_found"
 *   employer  the vacancy belongs to the caller's active organisation, and that organisation
 *             is verified right now (read in the same transaction, not from the session)
 *   candidate their own record
 * An id of another tenant is "not_found", exactly like an id that does not exist.
 */

export type Party = Exclude<ProposalActor, "system">;

const proposalColumns = {
  proposal: proposals,
  vacancy: {
    id: vacancies.id,
    organisationId: vacancies.organisationId,
    title: vacancies.title,
    status: vacancies.status,
    createdByUserId: vacancies.createdByUserId,
    positions: vacancies.positions,
    positionsFilled: vacancies.positionsFilled,
  },
  candidate: {
    id: candidates.id,
    status: candidates.status,
    publicCode: candidates.publicCode,
    coachUserId: candidates.coachUserId,
    coachingOrganisationId: candidates.coachingOrganisationId,
    userId: candidates.userId,
    releaseDate: candidates.releaseDate,
    municipalityCode: candidates.municipalityCode,
  },
  employer: {
    id: organisations.id,
    name: organisations.name,
    verificationStatus: organisations.verificationStatus,
  },
};

export type ProposalCase = Awaited<ReturnType<typeof selectProposalCase>>[number];

function selectProposalCase(db: Database, proposalId: string, lock: boolean) {
  const query = db
    .select(proposalColumns)
    .from(proposals)
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .innerJoin(candidates, eq(candidates.id, proposals.candidateId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(eq(proposals.id, proposalId));
  return lock ? query.for("update", { of: proposals }) : query;
}

/** A proposal with its vacancy, candidate and employer; `lock` takes the proposal row lock. */
export async function loadProposalCase(
  db: Database,
  proposalId: string,
  options: { lock?: boolean } = {},
) {
  if (!isUuid(proposalId)) throw new PipelineError("not_found");
  const [row] = await selectProposalCase(db, proposalId, options.lock ?? false);
  if (!row) throw new PipelineError("not_found");
  return row;
}

/** Which party the caller is on this proposal; throws when they are none of `allowed`. */
export async function requireParty(
  db: Database,
  context: AuthContext,
  c: Pick<ProposalCase, "candidate" | "vacancy">,
  allowed: readonly Party[],
): Promise<Party> {
  const party = await partyOf(db, context, c);
  if (!allowed.includes(party)) throw new PipelineError("forbidden");
  return party;
}

/** The caller's party on a proposal (or the candidate and vacancy of one). */
export async function partyOf(
  db: Database,
  context: AuthContext,
  c: Pick<ProposalCase, "candidate" | "vacancy">,
): Promise<Party> {
  switch (context.role) {
    case "coach": {
      if (await inCandidateScope(db, context, c.candidate.id, "write")) {
        if (!context.permissions.includes("propose:candidates"))
          throw new PipelineError("forbidden");
        return "coach";
      }
      if (await inCandidateScope(db, context, c.candidate.id, "read"))
        throw new PipelineError("forbidden");
      throw new PipelineError("not_found");
    }
    case "employer": {
      if (!context.organisation || context.organisation.id !== c.vacancy.organisationId) {
        throw new PipelineError("not_found");
      }
      await requireVerifiedEmployer(db, context);
      return "employer";
    }
    case "candidate":
      if (context.candidateId && context.candidateId === c.candidate.id) return "candidate";
      throw new PipelineError("not_found");
    default:
      throw new PipelineError("not_found");
  }
}

async function inCandidateScope(
  db: Database,
  context: AuthContext,
  candidateId: string,
  access: "read" | "write",
) {
  const scope = candidateScope(context, access);
  if (!scope) return false;
  const [row] = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), scope));
  return Boolean(row);
}

/** The caller is an employer of a verified organisation (read now, locked against a change). */
export async function requireVerifiedEmployer(db: Database, context: AuthContext) {
  if (context.role !== "employer" || !context.organisation) throw new PipelineError("forbidden");
  const [org] = await db
    .select({ kind: organisations.kind, verificationStatus: organisations.verificationStatus })
    .from(organisations)
    .where(eq(organisations.id, context.organisation.id))
    .for("share");
  if (
    org?.kind !== "employer" ||
    org.verificationStatus !== "verified" ||
    !context.permissions.includes("review:proposals:own-organisation")
  ) {
    throw new PipelineError("not_verified");
  }
  return context.organisation;
}

/**
 * The stale-form check and the lifecycle check, in this order: a form made from another
 * version is "stale" (with the current state, for the message); a step the lifecycle does not
 * have for this actor is "invalid_transition".
 */
export function expectStep(
  proposal: { status: ProposalStatus; version: number },
  expectedVersion: number | null,
  to: ProposalStatus,
  actor: ProposalActor,
) {
  if (expectedVersion !== null && proposal.version !== expectedVersion) {
    throw new PipelineError("stale", {
      current: { status: proposal.status, version: proposal.version },
    });
  }
  if (!mayTransitionProposal(proposal.status, to, actor)) {
    throw new PipelineError("invalid_transition", {
      current: { status: proposal.status, version: proposal.version },
    });
  }
}

/** The stale-form check alone (steps that do not change the status: meetings). */
export function expectVersion(
  proposal: { status: ProposalStatus; version: number },
  expectedVersion: number,
) {
  if (proposal.version !== expectedVersion) {
    throw new PipelineError("stale", {
      current: { status: proposal.status, version: proposal.version },
    });
  }
}

// ---------------------------------------------------------------------------
// Recipients

const EMPLOYER_ROLES = ["employer_owner", "employer_recruiter"] as const;

/**
 * The employer's people for a proposal: whoever created the vacancy and whoever asked for the
 * introduction or made the offer (when they still work for the organisation); otherwise the
 * organisation's owners.
 */
export async function employerRecipients(
  db: Database,
  organisationId: string,
  preferred: readonly (string | null | undefined)[],
): Promise<string[]> {
  const members = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.role, [...EMPLOYER_ROLES]),
        isNull(users.disabledAt),
      ),
    );
  const ids = new Set(members.map((m) => m.userId));
  const wanted = [...new Set(preferred.filter((u): u is string => Boolean(u && ids.has(u))))];
  if (wanted.length > 0) return wanted;
  const owners = members.filter((m) => m.role === "employer_owner").map((m) => m.userId);
  return [...new Set(owners.length > 0 ? owners : members.map((m) => m.userId))];
}

/** Is there an active identity-disclosure consent for this employer on this proposal (or its offers)? */
export async function hasActiveConsent(
  db: Database,
  candidateId: string,
  organisationId: string,
  proposalId: string,
) {
  const offerIds = db
    .select({ id: offers.id })
    .from(offers)
    .where(eq(offers.proposalId, proposalId));
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.candidateId, candidateId),
        eq(consents.organisationId, organisationId),
        isNull(consents.revokedAt),
        or(eq(consents.proposalId, proposalId), inArray(consents.offerId, offerIds)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** A user's display name and email (for "your job coach is …"). */
export async function userCard(db: Database, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type Proposal,
  candidateIdentities,
  candidates,
  consents,
  offers,
  organisations,
  proposals,
  vacancies,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { isUuid } from "./access.server";

/*
 * Identity disclosure (DESIGN.md, privacy rule 3): an employer organisation sees the
 * candidate's first name, last name, phone and email only while the candidate's consent for
 * that organisation and that proposal (or offer) is active. Consent is checked on every
 * request, never cached, so a revocation counts from the next request on. Every grant, revoke,
 * disclosure and refused identity read is audited (ids only, never the values).
 */

type ProposalStatus = Proposal["status"];

/** Proposals that have ended: no disclosure on them, whatever the consent says. */
const CLOSED_PROPOSALS: readonly ProposalStatus[] = ["declined_by_coach", "rejected", "declined", "withdrawn", "expired"];
/** Proposals the candidate can share their identity on: the employer is interested or further. */
const CONSENTABLE_PROPOSALS: readonly ProposalStatus[] = [
  "proposed",
  "interested",
  "meeting_planned",
  "offer_made",
  "accepted",
  "placed",
];

export type ConsentSubject = { proposalId: string } | { offerId: string };

/** The identity an employer may see (and nothing more). */
export type DisclosedIdentity = { firstName: string; lastName: string; phone: string | null; email: string | null };

function candidateIdOf(context: AuthContext) {
  if (context.role !== "candidate" || !context.candidateId) throw new Response("Not Found", { status: 404 });
  return context.candidateId;
}

/**
 * The subject of a consent for this candidate: the proposal (and offer), with the employer
 * organisation it belongs to. Null when it is not the candidate's.
 */
async function resolveSubject(db: Database, candidateId: string, subject: ConsentSubject) {
  let proposalId: string;
  let offerId: string | null = null;
  if ("offerId" in subject) {
    if (!isUuid(subject.offerId)) return null;
    const [offer] = await db
      .select({ proposalId: offers.proposalId })
      .from(offers)
      .where(eq(offers.id, subject.offerId));
    if (!offer) return null;
    proposalId = offer.proposalId;
    offerId = subject.offerId;
  } else {
    if (!isUuid(subject.proposalId)) return null;
    proposalId = subject.proposalId;
  }
  const [row] = await db
    .select({
      proposalId: proposals.id,
      proposalStatus: proposals.status,
      organisationId: vacancies.organisationId,
      organisationName: organisations.name,
    })
    .from(proposals)
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(eq(proposals.candidateId, candidateId), eq(proposals.id, proposalId)));
  return row ? { ...row, offerId } : null;
}

/** The candidate's proposals and offers with their consent state, for the consents page. */
export async function consentOverview(db: Database, context: AuthContext) {
  const candidateId = candidateIdOf(context);
  const subjects = await db
    .select({
      proposalId: proposals.id,
      proposalStatus: proposals.status,
      vacancyTitle: vacancies.title,
      organisationId: organisations.id,
      organisationName: organisations.name,
    })
    .from(proposals)
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(and(eq(proposals.candidateId, candidateId), inArray(proposals.status, [...CONSENTABLE_PROPOSALS])))
    .orderBy(desc(proposals.updatedAt));
  const offerRows = subjects.length
    ? await db
        .select({ id: offers.id, proposalId: offers.proposalId, status: offers.status })
        .from(offers)
        .where(inArray(offers.proposalId, subjects.map((s) => s.proposalId)))
    : [];
  const consentRows = await db
    .select({
      id: consents.id,
      organisationId: consents.organisationId,
      proposalId: consents.proposalId,
      offerId: consents.offerId,
      grantedAt: consents.grantedAt,
      revokedAt: consents.revokedAt,
    })
    .from(consents)
    .where(eq(consents.candidateId, candidateId))
    .orderBy(desc(consents.grantedAt));
  return subjects.map((s) => {
    const offerIds = offerRows.filter((o) => o.proposalId === s.proposalId).map((o) => o.id);
    const mine = consentRows.filter(
      (c) =>
        c.organisationId === s.organisationId &&
        (c.proposalId === s.proposalId || (c.offerId !== null && offerIds.includes(c.offerId))),
    );
    const active = mine.find((c) => c.revokedAt === null) ?? null;
    return {
      proposalId: s.proposalId,
      vacancyTitle: s.vacancyTitle,
      organisationName: s.organisationName,
      hasOffer: offerIds.length > 0,
      active: active ? { id: active.id, grantedAt: active.grantedAt } : null,
      revoked: mine.filter((c) => c.revokedAt !== null).map((c) => ({ id: c.id, grantedAt: c.grantedAt, revokedAt: c.revokedAt! })),
    };
  });
}

export type ConsentResult =
  | { ok: true; consentId: string; organisationName: string }
  | { ok: false; reason: "not_found" | "not_allowed" };

/**
 * Records consent for the employer organisation of a proposal or offer of this candidate.
 * For the candidate's own page (`grantConsent`) and for other flows that ask for it (accepting
 * an offer), which pass the candidate id they have already scoped.
 */
export async function recordConsent(
  db: Database,
  input: { candidateId: string; subject: ConsentSubject; grantedByUserId: string; origin?: Origin },
): Promise<ConsentResult> {
  return db.transaction(async (tx) => {
    const subject = await resolveSubject(tx, input.candidateId, input.subject);
    if (!subject) return { ok: false, reason: "not_found" } as const;
    if (!CONSENTABLE_PROPOSALS.includes(subject.proposalStatus)) return { ok: false, reason: "not_allowed" } as const;
    const [existing] = await tx
      .select({ id: consents.id })
      .from(consents)
      .where(
        and(
          eq(consents.candidateId, input.candidateId),
          eq(consents.organisationId, subject.organisationId),
          subject.offerId ? eq(consents.offerId, subject.offerId) : eq(consents.proposalId, subject.proposalId),
          isNull(consents.revokedAt),
        ),
      );
    if (existing) return { ok: true, consentId: existing.id, organisationName: subject.organisationName } as const;
    const [row] = await tx
      .insert(consents)
      .values({
        candidateId: input.candidateId,
        organisationId: subject.organisationId,
        proposalId: subject.proposalId,
        offerId: subject.offerId,
        grantedByUserId: input.grantedByUserId,
      })
      .returning({ id: consents.id });
    await audit(tx, {
      actorUserId: input.grantedByUserId,
      action: "consent.granted",
      objectType: "consent",
      objectId: row!.id,
      origin: input.origin,
      details: {
        candidateId: input.candidateId,
        organisationId: subject.organisationId,
        proposalId: subject.proposalId,
        offerId: subject.offerId,
      },
    });
    return { ok: true, consentId: row!.id, organisationName: subject.organisationName } as const;
  });
}

/** The candidate grants consent for one proposal (or offer). */
export function grantConsent(db: Database, context: AuthContext, subject: ConsentSubject, origin?: Origin) {
  return recordConsent(db, { candidateId: candidateIdOf(context), subject, grantedByUserId: context.user.id, origin });
}

/** The candidate revokes one of their consents; effective from the next request on. */
export async function revokeConsent(
  db: Database,
  context: AuthContext,
  consentId: string,
  origin?: Origin,
): Promise<ConsentResult> {
  const candidateId = candidateIdOf(context);
  if (!isUuid(consentId)) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(consents)
      .set({ revokedAt: new Date() })
      .where(and(eq(consents.id, consentId), eq(consents.candidateId, candidateId), isNull(consents.revokedAt)))
      .returning({ id: consents.id, organisationId: consents.organisationId });
    if (!row) return { ok: false, reason: "not_found" } as const;
    const [org] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, row.organisationId));
    await audit(tx, {
      actorUserId: context.user.id,
      action: "consent.revoked",
      objectType: "consent",
      objectId: row.id,
      origin,
      details: { candidateId, organisationId: row.organisationId },
    });
    return { ok: true, consentId: row.id, organisationName: org?.name ?? "" } as const;
  });
}

/**
 * The candidate's identity for an employer, on one proposal: only for a verified employer of
 * the vacancy's organisation, on a proposal of this candidate that has not ended, while an
 * active consent exists for that organisation and that proposal (or one of its offers).
 * Otherwise null. Both outcomes are audited.
 */
export async function identityForEmployer(
  db: Database,
  context: AuthContext,
  candidateId: string,
  proposalId: string,
  origin?: Origin,
): Promise<DisclosedIdentity | null> {
  const org = context.organisation;
  const deny = async (reason: string) => {
    await audit(db, {
      actorUserId: context.user.id,
      actorOrganisationId: org?.id ?? null,
      action: "identity.read",
      objectType: "candidate",
      objectId: isUuid(candidateId) ? candidateId : null,
      result: "denied",
      origin,
      details: { purpose: "employer_disclosure", proposalId: isUuid(proposalId) ? proposalId : null, reason },
    });
    return null;
  };
  if (
    context.role !== "employer" ||
    !org ||
    org.verificationStatus !== "verified" ||
    !context.permissions.includes("review:proposals:own-organisation")
  ) {
    return deny("not_a_verified_employer");
  }
  if (!isUuid(candidateId) || !isUuid(proposalId)) return deny("no_such_proposal");

  const [proposal] = await db
    .select({ id: proposals.id, status: proposals.status })
    .from(proposals)
    .innerJoin(vacancies, eq(vacancies.id, proposals.vacancyId))
    .where(and(eq(proposals.id, proposalId), eq(proposals.candidateId, candidateId), eq(vacancies.organisationId, org.id)));
  if (!proposal) return deny("no_such_proposal");
  if (CLOSED_PROPOSALS.includes(proposal.status)) return deny("proposal_closed");

  const offerIds = db.select({ id: offers.id }).from(offers).where(eq(offers.proposalId, proposal.id));
  const [consent] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.candidateId, candidateId),
        eq(consents.organisationId, org.id),
        isNull(consents.revokedAt),
        or(eq(consents.proposalId, proposal.id), inArray(consents.offerId, offerIds)),
      ),
    )
    .limit(1);
  if (!consent) return deny("no_active_consent");

  const [identity] = await db
    .select({
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      phone: candidateIdentities.phone,
      email: candidateIdentities.email,
    })
    .from(candidateIdentities)
    .innerJoin(candidates, eq(candidates.id, candidateIdentities.candidateId))
    .where(eq(candidateIdentities.candidateId, candidateId));
  if (!identity) return deny("no_identity");
  await audit(db, {
    actorUserId: context.user.id,
    actorOrganisationId: org.id,
    action: "identity.disclosed",
    objectType: "candidate",
    objectId: candidateId,
    origin,
    details: { proposalId: proposal.id, consentId: consent.id },
  });
  return identity;
}

import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { candidateIdentities } from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { findScopedCandidate } from "./access.server";
import { CONTACT_FIELDS, type ContactField } from "./contact-schemas";

/*
 * Contact details (phone, email, address) once they are known, kept by prison staff of the
 * candidate's prison or the candidate's own coach (write scope; anyone else: not found).
 * Identity lives only in candidate_identities and never reaches the search index, so there is
 * no search-outbox row; the audit row names the changed fields, never their values.
 */

export type ContactDetailsChange = {
  candidateId: string;
  /** undefined: leave as is; null (or ""): clear. */
  phone?: string | null;
  email?: string | null;
  address?: string | null;
};

export type ContactResult = { ok: true; changed: ContactField[] } | { ok: false; reason: "not_found" };

function mayKeepContact(context: AuthContext) {
  return context.role === "prison_staff" || context.role === "coach";
}

/** The current contact details for the edit form, if the caller may change them; otherwise null. */
export async function readContactDetails(db: Database, context: AuthContext, candidateId: string) {
  if (!mayKeepContact(context)) return null;
  const candidate = await findScopedCandidate(db, context, candidateId, "write");
  if (!candidate) return null;
  const [row] = await db
    .select({ phone: candidateIdentities.phone, email: candidateIdentities.email, address: candidateIdentities.address })
    .from(candidateIdentities)
    .where(eq(candidateIdentities.candidateId, candidate.id));
  return row ?? null;
}

export async function updateContactDetails(
  db: Database,
  context: AuthContext,
  input: ContactDetailsChange,
  origin: Origin,
): Promise<ContactResult> {
  if (!mayKeepContact(context)) return { ok: false, reason: "not_found" };
  return db.transaction(async (tx): Promise<ContactResult> => {
    const candidate = await findScopedCandidate(tx, context, input.candidateId, "write");
    if (!candidate) return { ok: false, reason: "not_found" };
    const [current] = await tx
      .select({ phone: candidateIdentities.phone, email: candidateIdentities.email, address: candidateIdentities.address })
      .from(candidateIdentities)
      .where(eq(candidateIdentities.candidateId, candidate.id))
      .for("update");
    if (!current) return { ok: false, reason: "not_found" };

    const next: Partial<Record<ContactField, string | null>> = {};
    for (const field of CONTACT_FIELDS) {
      const given = input[field];
      if (given === undefined) continue;
      const value = given === null || given.trim() === "" ? null : given;
      if (value !== current[field]) next[field] = value;
    }
    const changed = CONTACT_FIELDS.filter((field) => field in next);
    if (changed.length === 0) return { ok: true, changed };

    await tx.update(candidateIdentities).set(next).where(eq(candidateIdentities.candidateId, candidate.id));
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id ?? null,
      action: "candidate.contact_changed",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      // Field names only: the values are identity and never go into the audit log.
      details: { fields: changed },
    });
    return { ok: true, changed };
  });
}

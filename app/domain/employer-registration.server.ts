import { eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { organisations } from "#db/schema";
import { hit, isLimited, type Limit } from "~/auth/rate-limit.server";
import { audit, type Origin } from "~/domain/audit.server";
import { createInvitation, normaliseEmail } from "~/domain/invitations.server";
import { t } from "~/i18n";

/*
 * An employer registers their own organisation. It starts unverified (no access to profiles)
 * until a platform admin verifies it; the contact person gets an invitation as its owner and
 * admin, which confirms their email address and lets them choose a password.
 */

/** Registrations per IP: each one sends an email to an address the visitor typed. */
export const REGISTRATION_LIMIT_PER_IP: Limit = { max: 5, windowMs: 60 * 60 * 1000 };
export const registrationIpKey = (ip: string) => `employer-registration:ip:${ip}`;

export type EmployerRegistrationInput = {
  organisationName: string;
  /** Exactly 8 digits. */
  kvkNumber: string;
  address: string;
  placeName: string;
  contactName: string;
  email: string;
  origin: Origin;
};

export type EmployerRegistrationResult =
  | { ok: true; organisationId: string; invitationId: string }
  | { ok: false; reason: "kvk_taken" | "rate_limited" | "email_unavailable" };

class KvkTaken extends Error {}
class EmailUnavailable extends Error {}

/** Postgres unique violation on the KvK index (postgres.js and PGlite both report `code`). */
function isKvkConflict(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint } = e as Record<string, unknown>;
    if (code === "23505" && (constraint_name ?? constraint) === "organisations_kvk_unique")
      return true;
    if (code === "23505" && String((e as Error).message).includes("organisations_kvk_unique"))
      return true;
  }
  return false;
}

export async function registerEmployer(
  db: Database,
  input: EmployerRegistrationInput,
  now = new Date(),
): Promise<EmployerRegistrationResult> {
  const ip = input.origin.ip ?? "unknown";
  if (await isLimited(db, registrationIpKey(ip), REGISTRATION_LIMIT_PER_IP, now)) {
    await audit(db, {
      action: "organisation.registered",
      result: "denied",
      origin: input.origin,
      details: { reason: "rate_limited" },
    });
    return { ok: false, reason: "rate_limited" };
  }
  await hit(db, registrationIpKey(ip), REGISTRATION_LIMIT_PER_IP, now);

  const email = normaliseEmail(input.email);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.kvkNumber, input.kvkNumber));
      if (taken) throw new KvkTaken();
      const [organisation] = await tx
        .insert(organisations)
        .values({
          kind: "employer",
          name: input.organisationName.trim(),
          kvkNumber: input.kvkNumber,
          verificationStatus: "unverified",
          address: input.address.trim(),
          placeName: input.placeName.trim(),
          contactName: input.contactName.trim(),
          contactEmail: email,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: organisations.id });
      const organisationId = organisation!.id;
      await audit(tx, {
        action: "organisation.registered",
        objectType: "organisation",
        objectId: organisationId,
        origin: input.origin,
        details: { kind: "employer", verificationStatus: "unverified" },
      });
      const invitation = await createInvitation(
        tx,
        {
          organisationId,
          email,
          role: "employer_owner",
          isOrgAdmin: true,
          inviter: { userId: null, name: t("app.name"), organisationId: null },
          inviteeName: input.contactName.trim(),
          origin: input.origin,
        },
        now,
      );
      // A blocked account cannot own a new organisation.
      if (!invitation.ok && invitation.reason === "account_disabled") throw new EmailUnavailable();
      // A brand-new organisation has no members and fits the role: anything else is a bug.
      if (!invitation.ok)
        throw new Error(`registerEmployer: invitation failed (${invitation.reason})`);
      return { ok: true, organisationId, invitationId: invitation.invitationId } as const;
    });
  } catch (error) {
    // Two registrations of the same KvK number at once: the unique index decides.
    if (error instanceof KvkTaken || isKvkConflict(error)) {
      await audit(db, {
        action: "organisation.registered",
        result: "failed",
        origin: input.origin,
        details: { reason: "kvk_taken" },
      });
      return { ok: false, reason: "kvk_taken" };
    }
    if (error instanceof EmailUnavailable) return { ok: false, reason: "email_unavailable" };
    throw error;
  }
}

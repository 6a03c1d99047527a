import { parseWithZod } from "@conform-to/zod/v4";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { organisations } from "#db/schema";
import { audit, type Origin } from "~/domain/audit.server";
import { lookupPlace } from "~/domain/vacancies/place.server";
import { identityFields, profileFields } from "./profile";

/*
 * The employer's own organisation profile: read and change, scoped to the caller's active
 * organisation, audited (field names only, never the values).
 */

const profileColumns = {
  id: organisations.id,
  kind: organisations.kind,
  name: organisations.name,
  kvkNumber: organisations.kvkNumber,
  verificationStatus: organisations.verificationStatus,
  sector: organisations.sector,
  size: organisations.size,
  address: organisations.address,
  placeName: organisations.placeName,
  contactName: organisations.contactName,
  contactEmail: organisations.contactEmail,
  contactPhone: organisations.contactPhone,
  fairChanceStatement: organisations.fairChanceStatement,
};

export async function getEmployerProfile(db: Database, organisationId: string) {
  const [row] = await db
    .select(profileColumns)
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.kind, "employer")));
  return row ?? null;
}

export type EmployerProfile = NonNullable<Awaited<ReturnType<typeof getEmployerProfile>>>;

/** Name and KvK number are what the admin checked: they only change before verification. */
export function identityLocked(verificationStatus: EmployerProfile["verificationStatus"]) {
  return verificationStatus !== "unverified";
}

const placeChecked = profileFields.placeName.superRefine((name, ctx) => {
  const found = lookupPlace(name);
  if (!found.ok) ctx.addIssue({ code: "custom", message: found.message });
});

/** Parses the profile form on the server (the place checked against the gazetteer). */
export function parseProfileForm(formData: FormData, locked: boolean) {
  const fields = { ...profileFields, placeName: placeChecked };
  return locked
    ? parseWithZod(formData, { schema: z.object(fields) })
    : parseWithZod(formData, { schema: z.object({ ...identityFields, ...fields }) });
}

export type ProfileInput = {
  name?: string;
  kvkNumber?: string;
  sector: string;
  size: string;
  address: string;
  placeName: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  fairChanceStatement?: string;
};

export type ProfileResult =
  | { ok: true; changed: string[] }
  | { ok: false; reason: "not_found" | "locked" | "kvk_taken" };

function isKvkConflict(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint, message } = e as Record<string, unknown>;
    if (code === "23505" && [constraint_name, constraint, message].some((v) => String(v).includes("organisations_kvk_unique"))) {
      return true;
    }
  }
  return false;
}

export async function updateEmployerProfile(
  db: Database,
  actor: { userId: string; organisationId: string; origin?: Origin },
  input: ProfileInput,
): Promise<ProfileResult> {
  const found = lookupPlace(input.placeName);
  if (!found.ok) throw new Error("updateEmployerProfile: place was not checked");
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.id, actor.organisationId), eq(organisations.kind, "employer")))
        .for("update");
      if (!current) return { ok: false, reason: "not_found" } as const;
      const locked = identityLocked(current.verificationStatus);
      const name = input.name ?? current.name;
      const kvkNumber = input.kvkNumber ?? current.kvkNumber;
      if (locked && (name !== current.name || kvkNumber !== current.kvkNumber)) {
        return { ok: false, reason: "locked" } as const;
      }
      if (kvkNumber && kvkNumber !== current.kvkNumber) {
        const [taken] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(eq(organisations.kvkNumber, kvkNumber), ne(organisations.id, current.id)));
        if (taken) return { ok: false, reason: "kvk_taken" } as const;
      }
      const next = {
        name,
        kvkNumber,
        sector: input.sector,
        size: input.size,
        address: input.address,
        placeName: found.place.name,
        municipalityCode: found.place.municipalityCode,
        lat: found.place.lat,
        lon: found.place.lon,
        contactName: input.contactName,
        contactEmail: input.contactEmail,
        contactPhone: input.contactPhone || null,
        fairChanceStatement: input.fairChanceStatement || null,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
        (key) => (current[key] ?? null) !== (next[key] ?? null),
      );
      await tx
        .update(organisations)
        .set({ ...next, updatedAt: new Date() })
        .where(eq(organisations.id, current.id));
      await audit(tx, {
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        action: "organisation.profile_updated",
        objectType: "organisation",
        objectId: current.id,
        origin: actor.origin,
        details: { changed },
      });
      return { ok: true, changed } as const;
    });
  } catch (error) {
    // Two organisations claiming one KvK number at once: the unique index decides.
    if (isKvkConflict(error)) return { ok: false, reason: "kvk_taken" };
    throw error;
  }
}

import { z } from "zod";
import { ORGANISATION_SIZES, SECTORS } from "~/domain/vacancies/options";
import { t } from "~/i18n";

/*
 * The employer's organisation profile form (client-safe). The place is checked against the
 * gazetteer on the server (profile.server.ts). Name and KvK number can only be changed while
 * the organisation is not yet verified: after that they are what the admin checked.
 */

export const KVK_FORMAT = /^[0-9]{8}$/;

export const profileFields = {
  sector: z.enum(SECTORS, { error: t("employer.profile.error.sectorRequired") }),
  size: z.enum(ORGANISATION_SIZES, { error: t("employer.profile.error.sizeRequired") }),
  address: z
    .string({ error: t("employer.profile.error.addressRequired") })
    .trim()
    .min(1, { error: t("employer.profile.error.addressRequired") })
    .max(200, { error: t("employer.profile.error.addressTooLong") }),
  placeName: z
    .string({ error: t("vacancy.error.placeRequired") })
    .trim()
    .min(1, { error: t("vacancy.error.placeRequired") })
    .max(100, { error: t("vacancy.error.placeTooLong") }),
  contactName: z
    .string({ error: t("employer.profile.error.contactNameRequired") })
    .trim()
    .min(1, { error: t("employer.profile.error.contactNameRequired") })
    .max(100, { error: t("employer.profile.error.contactNameTooLong") }),
  contactEmail: z
    .string({ error: t("employer.profile.error.emailRequired") })
    .trim()
    .toLowerCase()
    .max(254, { error: t("employer.profile.error.emailInvalid") })
    .pipe(z.email({ error: t("employer.profile.error.emailInvalid") })),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{7,18}$/, { error: t("employer.profile.error.phoneInvalid") })
    .optional(),
  fairChanceStatement: z
    .string()
    .trim()
    .max(1000, { error: t("employer.profile.error.fairChanceTooLong") })
    .optional(),
};

export const identityFields = {
  name: z
    .string({ error: t("employer.profile.error.nameRequired") })
    .trim()
    .min(2, { error: t("employer.profile.error.nameLength") })
    .max(200, { error: t("employer.profile.error.nameLength") }),
  kvkNumber: z
    .string({ error: t("employer.profile.error.kvkRequired") })
    .transform((v) => v.replace(/[\s.]/g, ""))
    .pipe(z.string().regex(KVK_FORMAT, { error: t("employer.profile.error.kvkFormat") })),
};

/** The form of an organisation whose name and KvK number may still change (unverified). */
export const openProfileSchema = z.object({ ...identityFields, ...profileFields });
/** The form once name and KvK number are locked (verified or suspended). */
export const lockedProfileSchema = z.object(profileFields);

import { z } from "zod";
import { t } from "~/i18n";

/*
 * The contact-details form (prison staff and the candidate's own coach): phone, email and
 * address, each optional. An empty field clears the value. Client-safe (no server imports), so
 * the page and the server check with the same rules.
 */

/** phone: as typed (with spaces and dashes); email and address: as stored. */
export const CONTACT_LIMITS = { phone: 30, email: 200, address: 200 } as const;

export const CONTACT_FIELDS = ["phone", "email", "address"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * A Dutch phone number without spaces, dashes, dots or brackets: "06-12345678" → "0612345678",
 * "+31 6 12345678" → "+31612345678", "0320 123456" → "0320123456".
 */
export function normalisePhone(value: string) {
  return value.trim().replace(/[\s().-]/g, "");
}

/** Ten digits starting with 0 (not 00), or +31 / 0031 followed by nine digits. */
const dutchPhone = /^(?:0[1-9]\d{8}|\+31[1-9]\d{8}|0031[1-9]\d{8})$/;

/**
 * A Dutch phone number as typed, stored normalised: the one rule of the nomination form and
 * the contact-details form (each with its own message).
 */
export function dutchPhoneNumber(error: string) {
  return z
    .string()
    .max(CONTACT_LIMITS.phone, { error })
    .transform(normalisePhone)
    .pipe(z.string().regex(dutchPhone, { error }));
}

const phone = dutchPhoneNumber(t("candidates.contact.phoneInvalid"));

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(CONTACT_LIMITS.email, { error: t("candidates.contact.emailInvalid") })
  .pipe(z.email({ error: t("candidates.contact.emailInvalid") }));

const address = z
  .string()
  .trim()
  .max(CONTACT_LIMITS.address, { error: t("candidates.contact.addressTooLong", { max: CONTACT_LIMITS.address }) });

/** Conform turns an empty field into undefined: that clears the value (null). */
const clearable = <T extends z.ZodType<string, string>>(schema: T) =>
  schema
    .optional()
    .transform((value) => (value === undefined || value === "" ? null : value));

export const contactDetailsSchema = z.object({
  intent: z.literal("contact"),
  phone: clearable(phone),
  email: clearable(email),
  address: clearable(address),
});
export type ContactDetailsInput = z.output<typeof contactDetailsSchema>;

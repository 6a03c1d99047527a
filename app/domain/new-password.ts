import { z } from "zod";
import { t } from "~/i18n";

/*
 * The "choose a password" fields of the invitation and password-reset forms. Shared by the
 * server and the browser (Conform validates on blur), so it cannot import password.server:
 * the classic compiler empties .server modules in the browser bundle. password.server
 * re-exports these limits, so there is one source.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const newPasswordFields = {
  password: z
    .string({ error: t("invite.password.required") })
    .min(PASSWORD_MIN, { error: t("invite.password.tooShort") })
    .max(PASSWORD_MAX, { error: t("invite.password.tooLong") }),
  confirmPassword: z.string({ error: t("invite.password.repeatRequired") }),
};

/** Adds the "the two must match" rule to a schema holding newPasswordFields. */
export function withMatchingPasswords<
  S extends z.ZodType<{ password: string; confirmPassword: string }>,
>(schema: S) {
  return schema.superRefine((value, ctx) => {
    if (value.password !== value.confirmPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmPassword"],
        message: t("invite.password.mismatch"),
      });
    }
  });
}

/** Email as every account form reads it: trimmed and lowercased before it is checked. */
export const emailField = z
  .string({ error: t("invite.email.required") })
  .trim()
  .toLowerCase()
  .pipe(
    z.email({ error: t("invite.email.invalid") }).max(254, { error: t("invite.email.invalid") }),
  );

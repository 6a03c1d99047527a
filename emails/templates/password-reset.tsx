import { z } from "zod";
import { t } from "~/i18n";
import { formatDateTime } from "../format";
import { emailDate, emailLink, personName } from "./schemas";
import { ActionLink, Greeting, Layout, Paragraph } from "./Layout";

export const passwordResetSchema = z.object({
  name: personName.optional(),
  /** The one-time link (carries the token). */
  link: emailLink,
  expiresAt: emailDate,
});

export type PasswordResetProps = z.output<typeof passwordResetSchema>;

export function passwordResetSubject() {
  return t("email.passwordReset.subject");
}

export function PasswordResetEmail(props: PasswordResetProps) {
  return (
    <Layout preview={t("email.passwordReset.preview")} heading={t("email.passwordReset.heading")}>
      <Greeting name={props.name} />
      <Paragraph>{t("email.passwordReset.intro")}</Paragraph>
      <ActionLink href={props.link} label={t("email.passwordReset.button")} />
      <Paragraph>
        {t("email.passwordReset.expires", { expiresAt: formatDateTime(props.expiresAt) })}
      </Paragraph>
      <Paragraph>{t("email.passwordReset.ignore")}</Paragraph>
    </Layout>
  );
}

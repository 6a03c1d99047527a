import { z } from "zod";
import { t } from "~/i18n";
import { formatDateTime } from "../format";
import { emailDate, emailLink, personName } from "./schemas";
import { ActionLink, Greeting, Layout, Paragraph } from "./Layout";

export const invitationRoles = [
  "platform_admin",
  "prison_staff",
  "coach",
  "municipality_coordinator",
  "employer_owner",
  "employer_recruiter",
  "candidate",
] as const;

export const invitationSchema = z
  .object({
    /** The invitee's name, when known. */
    name: personName.optional(),
    inviterName: personName,
    /** Required for an organisation role; absent for a candidate account. */
    organisationName: z.string().trim().min(1).max(200).optional(),
    role: z.enum(invitationRoles),
    /** The one-time link (carries the token). */
    link: emailLink,
    expiresAt: emailDate,
  })
  .refine((p) => p.role === "candidate" || p.organisationName !== undefined, {
    path: ["organisationName"],
    message: "organisationName is required for an organisation role",
  });

export type InvitationProps = z.output<typeof invitationSchema>;

export function invitationSubject(props: InvitationProps) {
  return props.role === "candidate" || !props.organisationName
    ? t("email.invitation.subjectCandidate")
    : t("email.invitation.subject", { organisation: props.organisationName });
}

export function InvitationEmail(props: InvitationProps) {
  const candidate = props.role === "candidate" || !props.organisationName;
  return (
    <Layout
      preview={t("email.invitation.preview", { inviter: props.inviterName })}
      heading={t("email.invitation.heading")}
    >
      <Greeting name={props.name} />
      <Paragraph>
        {candidate
          ? t("email.invitation.introCandidate", { inviter: props.inviterName })
          : t("email.invitation.intro", {
              inviter: props.inviterName,
              organisation: props.organisationName ?? "",
              role: t(`role.${props.role}`),
            })}
      </Paragraph>
      <Paragraph>{t("email.invitation.action")}</Paragraph>
      <ActionLink href={props.link} label={t("email.invitation.button")} />
      <Paragraph>
        {t("email.invitation.expires", { expiresAt: formatDateTime(props.expiresAt) })}
      </Paragraph>
      <Paragraph>{t("email.invitation.notExpected")}</Paragraph>
    </Layout>
  );
}

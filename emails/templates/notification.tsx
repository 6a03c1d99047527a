import { z } from "zod";
import { t } from "~/i18n";
import { emailLink, personName } from "./schemas";
import { ActionLink, Greeting, Layout, Paragraph } from "./Layout";

export const notificationSchema = z.object({
  name: personName.optional(),
  title: z.string().trim().min(1).max(200),
  body: z.string().max(5000).default(""),
  link: emailLink.optional(),
});

export type NotificationProps = z.output<typeof notificationSchema>;

export function notificationSubject(props: NotificationProps) {
  return t("email.notification.subject", { title: props.title });
}

export function NotificationEmail(props: NotificationProps) {
  return (
    <Layout preview={props.title} heading={props.title} why={t("email.notification.why")}>
      <Greeting name={props.name} />
      {props.body
        .split(/\n{2,}/)
        .filter((part) => part.trim() !== "")
        .map((part, i) => (
          <Paragraph key={i}>{part}</Paragraph>
        ))}
      {props.link ? <ActionLink href={props.link} label={t("email.notification.button")} /> : null}
    </Layout>
  );
}

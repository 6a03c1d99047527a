import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { t } from "~/i18n";
import { formatDate, formatDateTime } from "../format";
import { emailDate, emailLink, personName } from "./schemas";
import { Greeting, ItemLink, Layout, Paragraph, styles } from "./Layout";

export const digestSchema = z.object({
  name: personName.optional(),
  /** The day the digest covers (the last day when it catches up on several). */
  day: emailDate,
  items: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(200),
        body: z.string().max(5000).default(""),
        link: emailLink.optional(),
        createdAt: emailDate,
      }),
    )
    .min(1)
    .max(500),
});

export type DigestProps = z.output<typeof digestSchema>;

export function digestSubject(props: DigestProps) {
  const date = formatDate(props.day);
  return props.items.length === 1
    ? t("email.digest.subjectOne", { date })
    : t("email.digest.subjectMany", { count: props.items.length, date });
}

export function DigestEmail(props: DigestProps) {
  return (
    <Layout
      preview={t("email.digest.preview")}
      heading={t("email.digest.heading")}
      why={t("email.digest.why")}
    >
      <Greeting name={props.name} />
      <Paragraph>{t("email.digest.intro")}</Paragraph>
      {props.items.map((item, i) => (
        <Section
          key={i}
          style={{ borderLeft: "4px solid #1d4ed8", padding: "0 0 0 12px", margin: "0 0 16px" }}
        >
          <Text style={{ ...styles.text, fontWeight: 700, margin: "0 0 4px" }}>{item.title}</Text>
          <Text style={styles.small}>{formatDateTime(item.createdAt)}</Text>
          {item.body ? (
            <Text style={{ ...styles.text, margin: "0 0 4px" }}>{item.body}</Text>
          ) : null}
          {item.link ? (
            <Text style={styles.small}>
              <ItemLink href={item.link} label={t("email.digest.open")} />
            </Text>
          ) : null}
        </Section>
      ))}
    </Layout>
  );
}

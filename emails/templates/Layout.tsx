import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import { t } from "~/i18n";

const styles = {
  body: { backgroundColor: "#f4f4f5", fontFamily: "Arial, Helvetica, sans-serif", margin: 0 },
  container: {
    backgroundColor: "#ffffff",
    margin: "24px auto",
    maxWidth: "560px",
    padding: "24px",
    borderRadius: "8px",
  },
  brand: { color: "#1d4ed8", fontSize: "20px", fontWeight: 700, margin: "0 0 16px" },
  heading: { color: "#111827", fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" },
  text: { color: "#111827", fontSize: "16px", lineHeight: "1.5", margin: "0 0 16px" },
  small: { color: "#4b5563", fontSize: "14px", lineHeight: "1.5", margin: "0 0 8px" },
  button: {
    backgroundColor: "#1d4ed8",
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 20px",
    borderRadius: "6px",
    textDecoration: "none",
  },
  link: { color: "#1d4ed8", wordBreak: "break-all" as const },
} as const;

export function Layout(props: {
  preview: string;
  heading: string;
  children: ReactNode;
  why?: string;
}) {
  return (
    <Html lang="nl">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{t("app.name")}</Text>
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          {props.children}
          <Hr />
          {props.why ? <Text style={styles.small}>{props.why}</Text> : null}
          <Text style={styles.small}>{t("email.footer")}</Text>
          <Text style={styles.small}>{t("email.footerNoReply")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph(props: { children: ReactNode }) {
  return <Text style={styles.text}>{props.children}</Text>;
}

export function Greeting(props: { name?: string | null }) {
  return (
    <Paragraph>
      {props.name ? t("email.greeting", { name: props.name }) : t("email.greetingNoName")}
    </Paragraph>
  );
}

/** A button plus the bare link, for mail programs that do not show buttons. */
export function ActionLink(props: { href: string; label: string }) {
  return (
    <Section>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={props.href} style={styles.button}>
          {props.label}
        </Button>
      </Section>
      <Text style={styles.small}>{t("email.linkFallback")}</Text>
      <Text style={styles.small}>
        <Link href={props.href} style={styles.link}>
          {props.href}
        </Link>
      </Text>
    </Section>
  );
}

export function ItemLink(props: { href: string; label: string }) {
  return (
    <Link href={props.href} style={styles.link}>
      {props.label}
    </Link>
  );
}

export { styles };

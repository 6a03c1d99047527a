import { render, toPlainText } from "@react-email/render";
import { createElement } from "react";
import type { z } from "zod";
import { type EmailTemplateName, emailTemplates, isEmailTemplateName } from "./registry";

export type RenderedEmail = { subject: string; html: string; text: string };

export class EmailPropsError extends Error {
  constructor(
    readonly template: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `Invalid props for email template "${template}": ` +
        issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
    );
    this.name = "EmailPropsError";
  }
}

/** Checks props against the template's schema; returns the parsed props (dates as Date). */
export function parseEmailProps(template: string, props: unknown) {
  if (!isEmailTemplateName(template)) throw new Error(`Unknown email template "${template}"`);
  const result = emailTemplates[template].schema.safeParse(props);
  if (!result.success) throw new EmailPropsError(template, result.error.issues);
  return result.data;
}

export function emailSubject(template: EmailTemplateName, props: unknown): string {
  const definition = emailTemplates[template];
  const parsed = parseEmailProps(template, props);
  return (definition.subject as (p: unknown) => string)(parsed);
}

/** Renders a stored message (template name + props) to subject, HTML and plain text. */
export async function renderEmail(template: string, props: unknown): Promise<RenderedEmail> {
  const parsed = parseEmailProps(template, props);
  const definition = emailTemplates[template as EmailTemplateName];
  const subject = (definition.subject as (p: unknown) => string)(parsed);
  const component = definition.component as (p: unknown) => React.ReactElement;
  const html = await render(createElement(component, parsed as object));
  const text = toPlainText(html);
  return { subject, html, text };
}

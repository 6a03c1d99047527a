import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "#db/client.server";
import { emailOutbox, notifications, users } from "#db/schema";
import { env } from "~/env.server";
import { type EmailTemplateName, type EmailTemplateProps, emailTemplates } from "./registry";
import { parseEmailProps } from "./render.server";

export type EnqueueEmailInput<N extends EmailTemplateName> = {
  to: string;
  template: N;
  props: EmailTemplateProps<N>;
  /**
   * The recipient's account, when they have one. A user who chose a daily digest gets
   * digestible messages (notifications) in it instead of one by one.
   */
  userId?: string | null;
};

export type EnqueuedEmail = { id: string; subject: string; digest: boolean };

/**
 * Writes one message to the email outbox. Pass the transaction of the event that causes the
 * message: if it rolls back, no email is sent. Props are checked against the template's zod
 * schema here, so a bad call fails at once (and rolls back the event) instead of in the worker.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  db: Database,
  input: EnqueueEmailInput<N>,
): Promise<EnqueuedEmail> {
  const definition = emailTemplates[input.template];
  const parsed = parseEmailProps(input.template, input.props);
  const to = input.to.trim().toLowerCase();
  if (!z.email().safeParse(to).success) throw new Error("enqueueEmail: invalid recipient address");

  let digestUserId: string | null = null;
  if (input.userId && definition.digestible) {
    const [user] = await db
      .select({ emailDigest: users.emailDigest })
      .from(users)
      .where(eq(users.id, input.userId));
    if (user?.emailDigest) digestUserId = input.userId;
  }

  const subject = (definition.subject as (p: unknown) => string)(parsed);
  // Stored as JSON (dates become ISO strings); the worker parses them again when it renders.
  const props = JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>;
  const [row] = await db
    .insert(emailOutbox)
    .values({ toAddress: to, template: input.template, props, subject, digestUserId })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("enqueueEmail: insert returned no row");
  return { id: row.id, subject, digest: digestUserId !== null };
}

export type NotifyInput = {
  userId: string;
  /** What happened, for filtering and icons, e.g. "proposal.interested". */
  kind: string;
  title: string;
  body?: string;
  /** A path in the portal ("/coach/voorstellen/…") or an absolute URL. */
  link?: string | null;
  /** Also send it by email (default true); it goes into the daily digest when the user chose that. */
  email?: boolean;
};

export type NotifyResult = { notificationId: string; email: EnqueuedEmail | null };

/**
 * An in-app notification plus (unless `email: false`) the same message by email. Pass the
 * transaction of the event. Disabled users get the in-app row but no email.
 */
export async function notify(db: Database, input: NotifyInput): Promise<NotifyResult> {
  const [user] = await db
    .select({ email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!user) throw new Error("notify: unknown user");

  const [row] = await db
    .insert(notifications)
    .values({
      userId: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body ?? "",
      link: input.link ?? null,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error("notify: insert returned no row");

  let email: EnqueuedEmail | null = null;
  if ((input.email ?? true) && !user.disabledAt) {
    email = await enqueueEmail(db, {
      to: user.email,
      template: "notification",
      userId: input.userId,
      props: {
        name: user.name,
        title: input.title,
        body: input.body ?? "",
        link: input.link ? absoluteUrl(input.link) : undefined,
      },
    });
  }
  return { notificationId: row.id, email };
}

/** Email links must be absolute; in-app links are paths on APP_URL. */
export function absoluteUrl(pathOrUrl: string): string {
  return new URL(pathOrUrl, env().APP_URL).toString();
}

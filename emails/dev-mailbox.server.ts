import { and, desc, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { emailOutbox } from "#db/schema";
import { renderEmail } from "./render.server";
import { DEV_MAILBOX_MESSAGE_ID } from "./transport.server";

export type DevMailboxMessage = {
  id: string;
  to: string;
  template: string;
  subject: string;
  html: string;
  text: string;
  createdAt: Date;
  sentAt: Date | null;
};

type Row = typeof emailOutbox.$inferSelect;

async function toMessage(row: Row): Promise<DevMailboxMessage> {
  let html: string;
  let text: string;
  try {
    ({ html, text } = await renderEmail(row.template, row.props));
  } catch (error) {
    // A message whose template changed since it was stored still shows up, with the reason.
    text = `(kan niet worden getoond: ${error instanceof Error ? error.message : String(error)})`;
    html = `<pre>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</pre>`;
  }
  return {
    id: row.id,
    to: row.toAddress,
    template: row.template,
    subject: row.subject,
    html,
    text,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
  };
}

/**
 * Messages "delivered" without RESEND_API_KEY, newest first, rendered for reading. Data only:
 * the route that shows it decides who may see it (platform admin, outside production).
 */
export async function listDevMailbox(
  db: Database,
  options: { limit?: number } = {},
): Promise<DevMailboxMessage[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
  const rows = await db
    .select()
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.status, "done"),
        eq(emailOutbox.providerMessageId, DEV_MAILBOX_MESSAGE_ID),
      ),
    )
    .orderBy(desc(emailOutbox.sentAt), desc(emailOutbox.createdAt))
    .limit(limit);
  return Promise.all(rows.map(toMessage));
}

/** One dev-mailbox message by outbox id, or null. */
export async function getDevMailboxMessage(
  db: Database,
  id: string,
): Promise<DevMailboxMessage | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.providerMessageId, DEV_MAILBOX_MESSAGE_ID)));
  return row ? toMessage(row) : null;
}

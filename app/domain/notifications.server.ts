import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { notifications } from "#db/schema";

/*
 * The signed-in user's in-app notifications (the mirror of the emails): the list and marking
 * them read (the header's unread count comes with the caller's context, app/auth/session.server.ts).
 * Always scoped to the user: another user's notification id changes nothing.
 */

export async function listNotifications(db: Database, userId: string, limit = 100) {
  return db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Marks the given notifications of this user read (all unread ones when `ids` is omitted). */
export async function markNotificationsRead(db: Database, userId: string, ids?: string[], now = new Date()) {
  if (ids && ids.length === 0) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids ? inArray(notifications.id, ids) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** One of the user's own notifications (its link), or null. */
export async function ownNotification(db: Database, userId: string, id: string) {
  const [row] = await db
    .select({ id: notifications.id, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row ?? null;
}

import { and, count, desc, eq, max } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { memberships, organisations, profileViews } from "#db/schema";
import { notify } from "#emails/outbox.server";
import type { AuthContext } from "~/auth/session.server";
import { type Limit, hit } from "~/auth/rate-limit.server";
import { audit, type Origin } from "~/domain/audit.server";
import { t } from "~/i18n";

/*
 * Employers' views of anonymised profiles: counted per view (the candidate sees which
 * organisations looked), and limited per employer account. Every attempt counts, also a code
 * that does not exist, so guessing codes runs into the same limit. A burst is refused with 429
 * and flagged to the platform admins once per window.
 */

/** More than this many profile requests by one account in the window is a burst. */
export const PROFILE_VIEW_LIMIT: Limit = { max: 100, windowMs: 10 * 60 * 1000 };

const keyOf = (userId: string) => `profile-view:${userId}`;

export type ViewAttempt = { allowed: true } | { allowed: false; count: number };

/**
 * Counts one profile request of this employer account. Over the limit it is refused; the first
 * refused request of a window notifies the platform admins and is audited.
 */
export async function countProfileRequest(
  db: Database,
  context: AuthContext,
  origin?: Origin,
  now = new Date(),
): Promise<ViewAttempt> {
  const n = await hit(db, keyOf(context.user.id), PROFILE_VIEW_LIMIT, now);
  if (n <= PROFILE_VIEW_LIMIT.max) return { allowed: true };
  if (n === PROFILE_VIEW_LIMIT.max + 1) {
    await db.transaction(async (tx) => {
      await audit(tx, {
        actorUserId: context.user.id,
        actorOrganisationId: context.organisation?.id,
        action: "profile_view.burst",
        objectType: "user",
        objectId: context.user.id,
        result: "denied",
        origin,
        details: { count: n, windowMinutes: PROFILE_VIEW_LIMIT.windowMs / 60_000 },
      });
      const admins = await tx
        .selectDistinct({ userId: memberships.userId })
        .from(memberships)
        .where(eq(memberships.role, "platform_admin"));
      for (const admin of admins) {
        await notify(tx, {
          userId: admin.userId,
          kind: "profile_view.burst",
          title: t("approval.notify.burst.title"),
          body: t("approval.notify.burst.body", {
            email: context.user.email,
            organisation: context.organisation?.name ?? "",
            max: PROFILE_VIEW_LIMIT.max,
            minutes: PROFILE_VIEW_LIMIT.windowMs / 60_000,
          }),
          link: "/admin/audit",
        });
      }
    });
  }
  return { allowed: false, count: n };
}

/** Records that this employer account viewed this candidate's public profile. */
export async function recordProfileView(db: Database, context: AuthContext, candidateId: string, now = new Date()) {
  if (!context.organisation) return;
  await db.insert(profileViews).values({
    candidateId,
    organisationId: context.organisation.id,
    userId: context.user.id,
    viewedAt: now,
  });
}

/** Which organisations viewed the candidate's profile, how often and when last (names only). */
export async function viewsOfCandidate(db: Database, candidateId: string) {
  return db
    .select({
      organisationName: organisations.name,
      views: count(profileViews.id),
      lastViewedAt: max(profileViews.viewedAt),
    })
    .from(profileViews)
    .innerJoin(organisations, eq(organisations.id, profileViews.organisationId))
    .where(and(eq(profileViews.candidateId, candidateId)))
    .groupBy(organisations.id, organisations.name)
    .orderBy(desc(max(profileViews.viewedAt)));
}

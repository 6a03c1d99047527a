import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or } from "drizzle-orm";
import { type Database, getDb } from "#db/client.server";
import { emailOutbox, users } from "#db/schema";
import { env } from "~/env.server";
import { enqueueEmail } from "./outbox.server";
import { renderEmail } from "./render.server";
import { notificationSchema } from "./templates/notification";
import { type EmailTransport, emailTransportFromEnv } from "./transport.server";

/** After this many failed sends a message is marked `failed` (kept, never deleted). */
export const EMAIL_MAX_ATTEMPTS = 10;
/** How long a claimed message belongs to one worker; after that another may take it over. */
export const EMAIL_LEASE_MS = 2 * 60_000;
export const EMAIL_BATCH_SIZE = 20;

/** Wait before the next try after `attempts` failed tries: 30 s, 1 min, 2 min, … at most 1 h. */
export function emailBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(attempts - 1, 0), 60 * 60_000);
}

export type ProcessEmailOutboxOptions = {
  db: Database;
  transport: EmailTransport;
  now?: Date;
  /** Sender address; defaults to EMAIL_FROM. */
  from?: string;
  batchSize?: number;
  leaseMs?: number;
};

export type ProcessEmailOutboxResult = {
  claimed: number;
  sent: number;
  /** Failed this time, scheduled again. */
  retrying: number;
  /** Failed for the last time (status `failed`). */
  failed: number;
};

type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * Claims due messages and sends them. Safe to run in any number of processes at once: rows
 * are claimed with FOR UPDATE SKIP LOCKED and leased (status processing, lockedUntil), and a
 * worker that dies mid-send leaves a lease that runs out, after which another worker sends the
 * message again with the same idempotency key (the outbox id), so Resend delivers it once.
 */
export async function processEmailOutbox(
  options: ProcessEmailOutboxOptions,
): Promise<ProcessEmailOutboxResult> {
  const { db, transport } = options;
  const now = options.now ?? new Date();
  const from = options.from ?? env().EMAIL_FROM;
  const rows = await claimDueEmails(
    db,
    now,
    options.batchSize ?? EMAIL_BATCH_SIZE,
    options.leaseMs ?? EMAIL_LEASE_MS,
  );
  const result: ProcessEmailOutboxResult = {
    claimed: rows.length,
    sent: 0,
    retrying: 0,
    failed: 0,
  };
  for (const row of rows) {
    const outcome = await sendOne(db, transport, row, from, now);
    result[outcome] += 1;
  }
  return result;
}

async function claimDueEmails(db: Database, now: Date, batchSize: number, leaseMs: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(
        and(
          // Digest messages wait for sendDigests.
          isNull(emailOutbox.digestUserId),
          // Microseconds in the database, milliseconds in JS: round `now` up, so a message
          // written in this very millisecond is due.
          lte(emailOutbox.nextAttemptAt, new Date(now.getTime() + 1)),
          or(
            eq(emailOutbox.status, "pending"),
            and(eq(emailOutbox.status, "processing"), lt(emailOutbox.lockedUntil, now)),
          ),
        ),
      )
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(emailOutbox)
      .set({ status: "processing", lockedUntil: new Date(now.getTime() + leaseMs) })
      .where(
        inArray(
          emailOutbox.id,
          due.map((r) => r.id),
        ),
      )
      .returning();
  });
}

async function sendOne(
  db: Database,
  transport: EmailTransport,
  row: OutboxRow,
  from: string,
  now: Date,
): Promise<"sent" | "retrying" | "failed"> {
  // The lease is the claim token: if it ran out and another worker took the row over, this
  // worker's late update changes nothing.
  const ours = and(
    eq(emailOutbox.id, row.id),
    eq(emailOutbox.status, "processing"),
    row.lockedUntil
      ? eq(emailOutbox.lockedUntil, row.lockedUntil)
      : isNull(emailOutbox.lockedUntil),
  );
  const attempts = row.attempts + 1;
  try {
    const rendered = await renderEmail(row.template, row.props);
    const { providerMessageId } = await transport.send({
      id: row.id,
      from,
      to: row.toAddress,
      subject: row.subject,
      html: rendered.html,
      text: rendered.text,
    });
    await db
      .update(emailOutbox)
      .set({
        status: "done",
        attempts,
        providerMessageId,
        sentAt: now,
        lockedUntil: null,
        lastError: null,
      })
      .where(ours);
    return "sent";
  } catch (error) {
    const finalAttempt = attempts >= EMAIL_MAX_ATTEMPTS;
    await db
      .update(emailOutbox)
      .set({
        status: finalAttempt ? "failed" : "pending",
        attempts,
        lastError: describeError(error),
        nextAttemptAt: new Date(now.getTime() + emailBackoffMs(attempts)),
        lockedUntil: null,
      })
      .where(ours);
    return finalAttempt ? "failed" : "retrying";
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

// ---------------------------------------------------------------------------
// Daily digest

const amsterdamParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function partsInAmsterdam(date: Date) {
  const get = (type: string) =>
    Number(amsterdamParts.formatToParts(date).find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

function amsterdamOffsetMs(date: Date): number {
  const p = partsInAmsterdam(date);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** Midnight (Dutch time) at the start of the day `date` falls on. */
export function startOfDutchDay(date: Date): Date {
  const p = partsInAmsterdam(date);
  const utcMidnight = Date.UTC(p.year, p.month - 1, p.day);
  const first = utcMidnight - amsterdamOffsetMs(new Date(utcMidnight));
  return new Date(utcMidnight - amsterdamOffsetMs(new Date(first)));
}

export function dutchHour(date: Date): number {
  return partsInAmsterdam(date).hour;
}

export type SendDigestsResult = { digests: number; messages: number };

/** Most items in one digest; more wait for the next run. */
const DIGEST_MAX_ITEMS = 200;

/**
 * Gathers each digest user's waiting messages from before today (Dutch time) into one
 * `digest` email (written to the outbox, sent by processEmailOutbox). Running it often is
 * harmless: once a day's messages are gathered, nothing is left until the next day. Safe in
 * several processes at once: each user is handled in one transaction that locks the user row
 * (SKIP LOCKED: a user busy in another process is skipped) and the messages.
 */
export async function sendDigests(options: {
  db: Database;
  now?: Date;
}): Promise<SendDigestsResult> {
  const { db } = options;
  const now = options.now ?? new Date();
  const cutoff = startOfDutchDay(now);
  const waiting = and(
    eq(emailOutbox.status, "pending"),
    isNotNull(emailOutbox.digestUserId),
    lt(emailOutbox.createdAt, cutoff),
  );
  const recipients = await db
    .selectDistinct({ userId: emailOutbox.digestUserId })
    .from(emailOutbox)
    .where(waiting);

  const result: SendDigestsResult = { digests: 0, messages: 0 };
  for (const { userId } of recipients) {
    if (!userId) continue;
    await db.transaction(async (tx) => {
      const [user] = await tx
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          disabledAt: users.disabledAt,
        })
        .from(users)
        .where(eq(users.id, userId))
        // "no key update" does not block inserts that reference the user (sessions, notifications).
        .for("no key update", { skipLocked: true });
      if (!user) return;
      const rows = await tx
        .select()
        .from(emailOutbox)
        .where(and(waiting, eq(emailOutbox.digestUserId, userId)))
        .orderBy(asc(emailOutbox.createdAt))
        .limit(DIGEST_MAX_ITEMS)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.id);

      if (user.disabledAt) {
        // Kept for the record, but a disabled account gets no mail.
        await tx
          .update(emailOutbox)
          .set({ status: "failed", lastError: "account disabled before the digest" })
          .where(inArray(emailOutbox.id, ids));
        return;
      }

      const items = rows.map(digestItem);
      const digest = await enqueueEmail(tx, {
        to: user.email,
        template: "digest",
        props: { name: user.name, day: rows[rows.length - 1]!.createdAt, items },
      });
      await tx
        .update(emailOutbox)
        .set({
          status: "done",
          providerMessageId: `digest:${digest.id}`,
          sentAt: now,
          lockedUntil: null,
        })
        .where(inArray(emailOutbox.id, ids));
      result.digests += 1;
      result.messages += rows.length;
    });
  }
  return result;
}

function digestItem(row: OutboxRow) {
  const parsed = row.template === "notification" ? notificationSchema.safeParse(row.props) : null;
  if (parsed?.success) {
    return {
      title: parsed.data.title,
      body: parsed.data.body,
      link: parsed.data.link,
      createdAt: row.createdAt,
    };
  }
  return { title: row.subject, body: "", createdAt: row.createdAt };
}

// ---------------------------------------------------------------------------
// Loop

export type EmailWorkerOptions = {
  intervalMs?: number;
  db?: Database;
  transport?: EmailTransport;
  /** Digests go out from this hour (Dutch time) on; default 7. */
  digestHour?: number;
};

/**
 * Sends due messages every `intervalMs`, and the daily digests from `digestHour`. Any number of
 * processes may run it. Returns a stop function that waits for the current round to finish.
 */
export function startEmailWorker(options: EmailWorkerOptions = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 5_000;
  const digestHour = options.digestHour ?? 7;
  const db = options.db ?? getDb();
  const transport = options.transport ?? emailTransportFromEnv();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();

  const round = async () => {
    try {
      let result: ProcessEmailOutboxResult;
      do {
        result = await processEmailOutbox({ db, transport });
      } while (!stopped && result.claimed === EMAIL_BATCH_SIZE);
      const now = new Date();
      if (!stopped && dutchHour(now) >= digestHour) {
        const digests = await sendDigests({ db, now });
        if (digests.digests > 0 && !stopped) await processEmailOutbox({ db, transport });
      }
    } catch (error) {
      // The next round tries again; nothing is lost, the rows stay in the outbox.
      console.error("[email worker] round failed:", error);
    }
    if (!stopped) timer = setTimeout(run, intervalMs);
  };
  const run = () => {
    current = round();
  };
  run();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}

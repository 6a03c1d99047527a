import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, notifications, users } from "#db/schema";
import { getDevMailboxMessage, listDevMailbox } from "#emails/dev-mailbox.server";
import { enqueueEmail, notify } from "#emails/outbox.server";
import { EmailPropsError } from "#emails/render.server";
import {
  createResendTransport,
  devMailboxTransport,
  emailTransportFromEnv,
  type EmailTransport,
} from "#emails/transport.server";
import {
  EMAIL_MAX_ATTEMPTS,
  processEmailOutbox,
  sendDigests,
  startEmailWorker,
} from "#emails/worker.server";
import { useTestDatabase } from "#tests/support/db";
import { FakeResend } from "#tests/support/fake-resend";
import { resetEnvForTests } from "~/env.server";

const test = useTestDatabase();
const API_KEY = "re_test_123456";
let fake: FakeResend;
let resend: EmailTransport;
const savedEnv = { ...process.env };

const invitationProps = {
  name: "Jan Jansen",
  inviterName: "Sanne de Vries",
  organisationName: "PI Lelystad",
  role: "prison_staff" as const,
  link: "https://werkbrug.example/uitnodiging/tok123",
  expiresAt: new Date("2026-03-05T12:00:00Z"),
};

// A moment safely after every row's default next_attempt_at (now() at insert time).
const soon = () => new Date(Date.now() + 1_000);

async function outboxRow(id: string) {
  const [row] = await test.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
  if (!row) throw new Error(`outbox row ${id} is gone`);
  return row;
}

let userCounter = 0;
async function createUser(options: { emailDigest?: boolean; disabled?: boolean } = {}) {
  userCounter += 1;
  const [user] = await test.db
    .insert(users)
    .values({
      email: `gebruiker${userCounter}@voorbeeld.nl`,
      name: `Gebruiker ${userCounter}`,
      emailDigest: options.emailDigest ?? false,
      disabledAt: options.disabled ? new Date() : null,
    })
    .returning();
  return user!;
}

beforeAll(async () => {
  fake = await FakeResend.start();
  // The SDK reads RESEND_BASE_URL when the client is made.
  process.env.RESEND_BASE_URL = fake.url;
  delete process.env.RESEND_API_KEY;
  delete process.env.EMAIL_FROM;
  resetEnvForTests();
  resend = createResendTransport({ apiKey: API_KEY });
});

afterAll(async () => {
  await fake.stop();
  process.env = savedEnv;
  resetEnvForTests();
});

beforeEach(async () => {
  fake.reset();
  await test.db.delete(emailOutbox);
  await test.db.delete(notifications);
});

describe("enqueueEmail", () => {
  it("writes nothing when the event's transaction rolls back", async () => {
    await expect(
      test.db.transaction(async (tx) => {
        await enqueueEmail(tx, {
          to: "a@voorbeeld.nl",
          template: "invitation",
          props: invitationProps,
        });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await test.db.select().from(emailOutbox)).toHaveLength(0);
    await processEmailOutbox({ db: test.db, transport: resend, now: soon() });
    expect(fake.requests).toHaveLength(0);

    await test.db.transaction(async (tx) => {
      await enqueueEmail(tx, {
        to: "a@voorbeeld.nl",
        template: "invitation",
        props: invitationProps,
      });
    });
    expect(await test.db.select().from(emailOutbox)).toHaveLength(1);
  });

  it("rejects bad props with the template's zod schema and writes nothing", async () => {
    await expect(
      enqueueEmail(test.db, {
        to: "a@voorbeeld.nl",
        template: "password-reset",
        // @ts-expect-error -- the type also forbids a missing expiry
        props: { link: "https://werkbrug.example/x" },
      }),
    ).rejects.toThrow(EmailPropsError);
    await expect(
      enqueueEmail(test.db, {
        to: "a@voorbeeld.nl",
        template: "notification",
        props: { title: "", link: "javascript:alert(1)" },
      }),
    ).rejects.toThrow(/title|link/);
    await expect(
      enqueueEmail(test.db, { to: "geen-adres", template: "invitation", props: invitationProps }),
    ).rejects.toThrow(/recipient/);
    expect(await test.db.select().from(emailOutbox)).toHaveLength(0);
  });
});

describe("processEmailOutbox with Resend", () => {
  it("sends the right message to Resend with the outbox id as idempotency key", async () => {
    const { id } = await enqueueEmail(test.db, {
      to: "Jan.Jansen@Voorbeeld.nl",
      template: "invitation",
      props: invitationProps,
    });
    const now = soon();
    const result = await processEmailOutbox({ db: test.db, transport: resend, now });
    expect(result).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

    expect(fake.delivered).toHaveLength(1);
    const sent = fake.delivered[0]!;
    expect(sent.path).toBe("/emails");
    expect(sent.idempotencyKey).toBe(id);
    expect(sent.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.body.from).toBe("Werkbrug <noreply@werkbrug.nl>");
    expect(sent.body.to).toEqual(["jan.jansen@voorbeeld.nl"]);
    expect(sent.body.subject).toBe("Uitnodiging voor Werkbrug van PI Lelystad");
    expect(sent.body.text).toContain("Sanne de Vries nodigt u uit voor Werkbrug");
    expect(sent.body.text).toContain("https://werkbrug.example/uitnodiging/tok123");
    expect(sent.body.text).toContain("geldig tot 5 maart 2026 om 13:00");
    expect(sent.body.html).toContain('href="https://werkbrug.example/uitnodiging/tok123"');

    const row = await outboxRow(id);
    expect(row.status).toBe("done");
    expect(row.providerMessageId).toBe(sent.id);
    expect(row.sentAt?.getTime()).toBe(now.getTime());
    expect(row.attempts).toBe(1);
    expect(row.lockedUntil).toBeNull();

    // Nothing left to do.
    expect((await processEmailOutbox({ db: test.db, transport: resend, now })).claimed).toBe(0);
    expect(fake.requests).toHaveLength(1);
  });

  it("retries a failure with backoff, then delivers exactly once", async () => {
    const { id } = await enqueueEmail(test.db, {
      to: "a@voorbeeld.nl",
      template: "password-reset",
      props: { link: "https://werkbrug.example/wachtwoord/t", expiresAt: new Date() },
    });
    fake.failNext(1, { status: 500 });
    fake.failNext(1, { status: 429 });
    const t0 = soon();

    const first = await processEmailOutbox({ db: test.db, transport: resend, now: t0 });
    expect(first).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
    let row = await outboxRow(id);
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("internal_server_error");
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + 30_000);

    // Not due yet.
    const early = await processEmailOutbox({
      db: test.db,
      transport: resend,
      now: new Date(t0.getTime() + 29_000),
    });
    expect(early.claimed).toBe(0);

    const t1 = new Date(t0.getTime() + 30_000);
    await processEmailOutbox({ db: test.db, transport: resend, now: t1 });
    row = await outboxRow(id);
    expect(row.attempts).toBe(2);
    expect(row.lastError).toContain("rate_limit_exceeded");
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + 60_000);

    const t2 = new Date(t1.getTime() + 60_000);
    const last = await processEmailOutbox({ db: test.db, transport: resend, now: t2 });
    expect(last.sent).toBe(1);
    row = await outboxRow(id);
    expect(row.status).toBe("done");
    expect(row.attempts).toBe(3);
    expect(row.lastError).toBeNull();

    expect(fake.requests.map((r) => r.status)).toEqual([500, 429, 200]);
    expect(fake.requests.every((r) => r.idempotencyKey === id)).toBe(true);
    expect(fake.delivered).toHaveLength(1);
  });

  it("never loses a message: unreachable provider, last attempt kept as failed", async () => {
    const down = await FakeResend.start();
    const downUrl = down.url;
    await down.stop();
    const unreachable = createResendTransport({ apiKey: API_KEY, baseUrl: downUrl });

    const { id } = await enqueueEmail(test.db, {
      to: "a@voorbeeld.nl",
      template: "invitation",
      props: invitationProps,
    });
    let now = soon();
    for (let attempt = 1; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      const result = await processEmailOutbox({ db: test.db, transport: unreachable, now });
      expect(result.claimed).toBe(1);
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toContain("Unable to fetch data");
      expect(row.status).toBe(attempt < EMAIL_MAX_ATTEMPTS ? "pending" : "failed");
      now = row.nextAttemptAt;
    }
    // Failed for good: kept in the outbox with its last error, not retried.
    expect(
      (
        await processEmailOutbox({
          db: test.db,
          transport: resend,
          now: new Date(now.getTime() + 86_400_000),
        })
      ).claimed,
    ).toBe(0);
    const row = await outboxRow(id);
    expect(row.status).toBe("failed");
    expect(row.props).toMatchObject({ inviterName: "Sanne de Vries" });
  });

  it("a worker that dies mid-send leaves a lease; another worker sends it once afterwards", async () => {
    const { id } = await enqueueEmail(test.db, {
      to: "a@voorbeeld.nl",
      template: "invitation",
      props: invitationProps,
    });
    const t0 = soon();
    // Worker A claimed the row and Resend accepted the message, then A died before recording it.
    const leaseMs = 60_000;
    await test.db
      .update(emailOutbox)
      .set({ status: "processing", lockedUntil: new Date(t0.getTime() + leaseMs) })
      .where(eq(emailOutbox.id, id));
    const claimed = await outboxRow(id);
    await resend.send({
      id,
      from: "Werkbrug <noreply@werkbrug.nl>",
      to: claimed.toAddress,
      subject: claimed.subject,
      html: "<p>x</p>",
      text: "x",
    });
    expect(fake.delivered).toHaveLength(1);

    // While the lease runs, nobody touches it.
    expect(
      (
        await processEmailOutbox({
          db: test.db,
          transport: resend,
          now: new Date(t0.getTime() + 1_000),
        })
      ).claimed,
    ).toBe(0);

    // After the lease, worker B takes over; Resend sees the same idempotency key: no second email.
    const later = new Date(t0.getTime() + leaseMs + 1_000);
    expect((await processEmailOutbox({ db: test.db, transport: resend, now: later })).sent).toBe(1);
    expect((await outboxRow(id)).status).toBe("done");
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.every((r) => r.idempotencyKey === id)).toBe(true);
    expect(fake.delivered).toHaveLength(1);
  });

  it("two workers running at the same time send each message once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const { id } = await enqueueEmail(test.db, {
        to: `ontvanger${i}@voorbeeld.nl`,
        template: "notification",
        props: { title: `Melding ${i}`, body: "Er is iets nieuws." },
      });
      ids.push(id);
    }
    fake.setDelay(5);
    const now = soon();
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const result = await processEmailOutbox({
          db: test.db,
          transport: resend,
          now,
          batchSize: 5,
        });
        sent += result.sent;
        if (result.claimed === 0) return sent;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(24);
    // Both really worked (neither waited for the other to finish everything).
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(24);
    expect(new Set(fake.requests.map((r) => r.idempotencyKey))).toEqual(new Set(ids));
    const rows = await test.db.select().from(emailOutbox).where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
  });
});

describe("dev mailbox", () => {
  it("without RESEND_API_KEY messages are stored as delivered and readable later", async () => {
    resetEnvForTests();
    const transport = emailTransportFromEnv();
    expect(transport.kind).toBe("dev-mailbox");

    const { id } = await enqueueEmail(test.db, {
      to: "a@voorbeeld.nl",
      template: "invitation",
      props: invitationProps,
    });
    const now = soon();
    expect((await processEmailOutbox({ db: test.db, transport, now })).sent).toBe(1);
    expect(fake.requests).toHaveLength(0);
    const row = await outboxRow(id);
    expect(row.status).toBe("done");
    expect(row.providerMessageId).toBe("dev-mailbox");

    const mailbox = await listDevMailbox(test.db, { limit: 10 });
    expect(mailbox).toHaveLength(1);
    expect(mailbox[0]).toMatchObject({
      id,
      to: "a@voorbeeld.nl",
      subject: "Uitnodiging voor Werkbrug van PI Lelystad",
    });
    expect(mailbox[0]!.html).toContain("https://werkbrug.example/uitnodiging/tok123");
    expect(mailbox[0]!.text).toContain("Sanne de Vries");
    expect(mailbox[0]!.createdAt).toBeInstanceOf(Date);
    expect((await getDevMailboxMessage(test.db, id))?.subject).toBe(mailbox[0]!.subject);
    expect(await getDevMailboxMessage(test.db, "not-an-id")).toBeNull();
  });

  it("startEmailWorker sends in a loop and stops cleanly", async () => {
    const { id } = await enqueueEmail(test.db, {
      to: "a@voorbeeld.nl",
      template: "notification",
      props: { title: "Hallo" },
    });
    const stop = startEmailWorker({
      intervalMs: 20,
      db: test.db,
      transport: devMailboxTransport,
      digestHour: 24,
    });
    try {
      for (let i = 0; i < 200 && (await outboxRow(id)).status !== "done"; i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await stop();
    }
    expect((await outboxRow(id)).status).toBe("done");
  });
});

describe("notify and the daily digest", () => {
  it("writes an in-app notification and mirrors it by email", async () => {
    const user = await createUser();
    const result = await test.db.transaction((tx) =>
      notify(tx, {
        userId: user.id,
        kind: "proposal.interested",
        title: "De werkgever heeft interesse",
        body: "Plan een kennismaking.",
        link: "/coach/voorstellen/123",
      }),
    );
    const [notification] = await test.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, result.notificationId));
    expect(notification).toMatchObject({
      userId: user.id,
      kind: "proposal.interested",
      link: "/coach/voorstellen/123",
    });
    expect(result.email?.digest).toBe(false);

    await processEmailOutbox({ db: test.db, transport: resend, now: soon() });
    expect(fake.delivered).toHaveLength(1);
    expect(fake.delivered[0]!.body.to).toEqual([user.email]);
    expect(fake.delivered[0]!.body.subject).toBe("Werkbrug: De werkgever heeft interesse");
    expect(fake.delivered[0]!.body.text).toContain("http://localhost:3000/coach/voorstellen/123");
  });

  it("email: false, or a disabled account, gives only the in-app notification", async () => {
    const user = await createUser();
    const disabled = await createUser({ disabled: true });
    await notify(test.db, { userId: user.id, kind: "x", title: "Alleen in de app", email: false });
    await notify(test.db, { userId: disabled.id, kind: "x", title: "Uitgeschakeld" });
    expect(await test.db.select().from(notifications)).toHaveLength(2);
    expect(await test.db.select().from(emailOutbox)).toHaveLength(0);
  });

  it("digest users get one digest a day; invitations and resets still go at once", async () => {
    const digestUser = await createUser({ emailDigest: true });
    const directUser = await createUser();
    await notify(test.db, {
      userId: digestUser.id,
      kind: "a",
      title: "Eerste melding",
      link: "/a",
    });
    await notify(test.db, {
      userId: digestUser.id,
      kind: "b",
      title: "Tweede melding",
      body: "Meer uitleg.",
    });
    await notify(test.db, { userId: directUser.id, kind: "a", title: "Direct" });
    await enqueueEmail(test.db, {
      to: digestUser.email,
      userId: digestUser.id,
      template: "password-reset",
      props: { link: "https://werkbrug.example/wachtwoord/t", expiresAt: new Date() },
    });

    // The worker sends the direct messages only; the digest user's notifications wait.
    const now = soon();
    expect((await processEmailOutbox({ db: test.db, transport: resend, now })).sent).toBe(2);
    expect(fake.delivered.map((r) => r.body.subject).sort()).toEqual([
      "Nieuw wachtwoord kiezen voor Werkbrug",
      "Werkbrug: Direct",
    ]);

    // Today's messages wait for tomorrow.
    expect(await sendDigests({ db: test.db, now })).toEqual({ digests: 0, messages: 0 });

    // Next day: several processes at once still make one digest.
    const tomorrow = new Date(now.getTime() + 24 * 3_600_000);
    const results = await Promise.all([
      sendDigests({ db: test.db, now: tomorrow }),
      sendDigests({ db: test.db, now: tomorrow }),
      sendDigests({ db: test.db, now: tomorrow }),
    ]);
    expect(results.reduce((sum, r) => sum + r.digests, 0)).toBe(1);
    expect(results.reduce((sum, r) => sum + r.messages, 0)).toBe(2);
    expect(await sendDigests({ db: test.db, now: tomorrow })).toEqual({ digests: 0, messages: 0 });

    fake.reset();
    expect((await processEmailOutbox({ db: test.db, transport: resend, now: tomorrow })).sent).toBe(
      1,
    );
    expect(fake.delivered).toHaveLength(1);
    const digest = fake.delivered[0]!;
    expect(digest.body.to).toEqual([digestUser.email]);
    expect(digest.body.subject).toMatch(/^Werkbrug: 2 nieuwe meldingen \(/);
    expect(digest.body.text).toContain("Eerste melding");
    expect(digest.body.text).toContain("Tweede melding");
    expect(digest.body.text).toContain("Meer uitleg.");
    expect(digest.body.text).toContain("http://localhost:3000/a");

    // The gathered notifications are done (kept, pointing at the digest), not sent alone.
    const rows = await test.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.digestUserId, digestUser.id));
    expect(rows).toHaveLength(2);
    expect(
      rows.every((r) => r.status === "done" && r.providerMessageId?.startsWith("digest:")),
    ).toBe(true);
  });
});

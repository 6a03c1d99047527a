import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, organisations, placements } from "#db/schema";
import { useTestDatabase } from "#tests/support/db";

const t = useTestDatabase();

// drizzle wraps the database error; the trigger's message is on its cause.
const isAppendOnlyRefusal = (error: unknown) =>
  /append-only/.test(String((error as { cause?: Error }).cause?.message ?? error));

describe(`migrations (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("creates the whole domain schema", async () => {
    const rows = await t.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    // postgres.js returns the rows themselves, PGlite an object holding them.
    const names = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      table_name: string;
    }[];
    const tables = names.map((r) => r.table_name).sort();
    for (const table of [
      "audit_log",
      "candidate_identities",
      "candidate_profiles",
      "candidates",
      "check_ins",
      "consents",
      "email_outbox",
      "invitations",
      "memberships",
      "offers",
      "organisations",
      "placements",
      "proposals",
      "rate_limit_counters",
      "search_outbox",
      "sessions",
      "users",
      "vacancies",
    ]) {
      expect(tables).toContain(table);
    }
  });

  it("is idempotent: running the migrations again changes nothing", async () => {
    await expect(t.handle.migrate()).resolves.toBeUndefined();
  });

  it("keeps the audit log append-only", async () => {
    const [row] = await t.db
      .insert(auditLog)
      .values({ action: "test.append", result: "ok" })
      .returning({ id: auditLog.id });
    await expect(
      t.db.update(auditLog).set({ action: "test.changed" }).where(sql`id = ${row!.id}`),
    ).rejects.toSatisfy(isAppendOnlyRefusal);
    await expect(t.db.delete(auditLog).where(sql`id = ${row!.id}`)).rejects.toSatisfy(
      isAppendOnlyRefusal,
    );
  });

  it("refuses a placement without a job coach (NOT NULL)", async () => {
    const [org] = await t.db
      .insert(organisations)
      .values({ kind: "employer", name: "Test BV" })
      .returning({ id: organisations.id });
    await expect(
      t.db.insert(placements).values({
        candidateId: crypto.randomUUID(),
        vacancyId: crypto.randomUUID(),
        offerId: crypto.randomUUID(),
        employerOrganisationId: org!.id,
        // The types forbid this too; the test is that the database refuses it on its own.
        jobCoachUserId: null as unknown as string,
        startedOn: "2027-01-01",
      }),
    ).rejects.toThrow();
  });

  it("refuses a KvK number of the wrong shape", async () => {
    await expect(
      t.db.insert(organisations).values({ kind: "employer", name: "Fout BV", kvkNumber: "12ab" }),
    ).rejects.toThrow();
  });
});

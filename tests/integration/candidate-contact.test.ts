import { and, count, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, candidateIdentities, searchOutbox } from "#db/schema";
import { candidateIndexSettings } from "#search/documents";
import { EmbeddedSearchEngine } from "#search/embedded";
import { processSearchOutbox } from "#search/sync.server";
import { contactDetailsSchema } from "~/domain/candidates/contact-schemas";
import * as coachDetail from "~/routes/coach+/kandidaten.$candidateId._index";
import * as piDetail from "~/routes/pi+/kandidaten.$candidateId._index";
import { useTestDatabase } from "#tests/support/db";
import { type CreatedCandidate, type Member, createCandidate, createMember } from "#tests/support/factories";
import { cookieFor } from "#tests/support/roles";
import { getRequest, postRequest, run } from "#tests/support/routes";

/*
 * Contact details once they are known: prison staff of the candidate's prison and the candidate's
 * own coach change phone, email and address; nobody else can. The audit row names the fields,
 * never the values, and the values never reach a search document.
 */

const t = useTestDatabase();

type Reply = {
  intent: string | null;
  result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> | null };
};

let prison: Member;
let otherPrison: Member;
let coach: Member;
let colleague: Member;
let otherCoach: Member;
let employer: Member;
let created: CreatedCandidate;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  prison = await createMember(t.db, { role: "prison_staff" });
  otherPrison = await createMember(t.db, { role: "prison_staff" });
  coach = await createMember(t.db, { role: "coach" });
  colleague = await createMember(t.db, { role: "coach", organisation: coach.organisation });
  otherCoach = await createMember(t.db, { role: "coach" });
  employer = await createMember(t.db, { role: "employer_owner", isOrgAdmin: true });
  for (const [name, m] of Object.entries({ prison, otherPrison, coach, colleague, otherCoach, employer })) {
    cookies[name] = await cookieFor(t.db, m.user.id, m.membership.id);
  }
  created = await createCandidate(t.db, {
    coach: { user: coach.user, organisation: coach.organisation },
    prison: prison.organisation,
    identity: { phone: null, email: null, address: null },
  });
});

const piPath = () => `/pi/kandidaten/${created.candidate.id}`;
const coachPath = () => `/coach/kandidaten/${created.candidate.id}`;
const params = () => ({ candidateId: created.candidate.id });

function postPi(cookie: string, fields: Record<string, string>) {
  return run(piDetail.action, postRequest(piPath(), { intent: "contact", ...fields }, { cookie }), params());
}
function postCoach(cookie: string, fields: Record<string, string>) {
  return run(coachDetail.action, postRequest(coachPath(), { intent: "contact", ...fields }, { cookie }), params());
}

async function identity() {
  const [row] = await t.db
    .select()
    .from(candidateIdentities)
    .where(eq(candidateIdentities.candidateId, created.candidate.id));
  return row!;
}

async function contactAudits() {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "candidate.contact_changed"), eq(auditLog.objectId, created.candidate.id)));
}

async function outboxRows() {
  const [row] = await t.db
    .select({ n: count() })
    .from(searchOutbox)
    .where(eq(searchOutbox.entityId, created.candidate.id));
  return row?.n ?? 0;
}

beforeEach(async () => {
  await t.db
    .update(candidateIdentities)
    .set({ phone: null, email: null, address: null })
    .where(eq(candidateIdentities.candidateId, created.candidate.id));
});

describe("contact details schema", () => {
  it.each([
    ["06-12345678", "0612345678"],
    ["+31 6 12345678", "+31612345678"],
    ["0320 123456", "0320123456"],
    [" 0320-12 34 56 ", "0320123456"],
  ])("accepts %s as %s", (typed, stored) => {
    const parsed = contactDetailsSchema.parse({ intent: "contact", phone: typed });
    expect(parsed).toEqual({ intent: "contact", phone: stored, email: null, address: null });
  });

  it.each(["12345", "06-1234567", "+32 6 12345678", "0012345678", "06-12345678x"])("refuses %s", (typed) => {
    expect(contactDetailsSchema.safeParse({ intent: "contact", phone: typed }).success).toBe(false);
  });

  it("lowercases and trims the email, limits the address", () => {
    expect(contactDetailsSchema.parse({ intent: "contact", email: "  Jan.DE.Vries@Example.NL " }).email).toBe(
      "jan.de.vries@example.nl",
    );
    expect(contactDetailsSchema.safeParse({ intent: "contact", address: "x".repeat(201) }).success).toBe(false);
    expect(contactDetailsSchema.safeParse({ intent: "contact", address: "x".repeat(200) }).success).toBe(true);
  });
});

describe("updating contact details", () => {
  it("prison staff of the candidate's prison: saved (normalised), audited by field name only, no search outbox row", async () => {
    const outboxBefore = await outboxRows();
    const response = await postPi(cookies.prison!, {
      phone: "06-12345678",
      email: "  Kandidaat.Contact@Voorbeeld.NL ",
      address: "Stationsplein 1, 8232 VT Lelystad",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${piPath()}?bewaard=contact`);
    expect(await identity()).toMatchObject({
      phone: "0612345678",
      email: "kandidaat.contact@voorbeeld.nl",
      address: "Stationsplein 1, 8232 VT Lelystad",
    });
    const audits = await contactAudits();
    const last = audits.at(-1)!;
    expect(last).toMatchObject({ actorUserId: prison.user.id, result: "ok", objectType: "candidate" });
    expect(last.details).toEqual({ fields: ["phone", "email", "address"] });
    const serialised = JSON.stringify(last);
    for (const value of ["0612345678", "06-12345678", "kandidaat.contact", "Stationsplein"]) {
      expect(serialised).not.toContain(value);
    }
    expect(await outboxRows()).toBe(outboxBefore);
  });

  it("the candidate's own coach: saved; an empty field clears; only the changed fields are named", async () => {
    await t.db
      .update(candidateIdentities)
      .set({ phone: "0612345678", email: "oud@voorbeeld.nl", address: "Oude straat 1" })
      .where(eq(candidateIdentities.candidateId, created.candidate.id));
    const response = await postCoach(cookies.coach!, {
      phone: "+31 6 87654321",
      email: "oud@voorbeeld.nl",
      address: "",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${coachPath()}?bewaard=contact`);
    expect(await identity()).toMatchObject({ phone: "+31687654321", email: "oud@voorbeeld.nl", address: null });
    expect((await contactAudits()).at(-1)!.details).toEqual({ fields: ["phone", "address"] });
  });

  it("another prison, a colleague coach (read-only), another organisation's coach: 404, nothing changes", async () => {
    const auditsBefore = (await contactAudits()).length;
    const fields = { phone: "0612345678", email: "x@voorbeeld.nl", address: "Ergens 1" };
    expect((await postPi(cookies.otherPrison!, fields)).status).toBe(404);
    expect((await postCoach(cookies.colleague!, fields)).status).toBe(404);
    expect((await postCoach(cookies.otherCoach!, fields)).status).toBe(404);
    expect(await identity()).toMatchObject({ phone: null, email: null, address: null });
    expect((await contactAudits()).length).toBe(auditsBefore);
  });

  it("an employer (or a coach on the prison page, prison staff on the coach page): 403", async () => {
    const fields = { phone: "0612345678" };
    expect((await postPi(cookies.employer!, fields)).status).toBe(403);
    expect((await postCoach(cookies.employer!, fields)).status).toBe(403);
    expect((await postPi(cookies.coach!, fields)).status).toBe(403);
    expect((await postCoach(cookies.prison!, fields)).status).toBe(403);
    expect((await identity()).phone).toBeNull();
  });

  it("a bad phone and email: 400 with the field errors and the typed values in initialValue", async () => {
    for (const post of [postPi.bind(null, cookies.prison!), postCoach.bind(null, cookies.coach!)]) {
      const typed = { phone: "06-123", email: "geen-adres", address: "Stationsplein 1" };
      const response = await post(typed);
      expect(response.status).toBe(400);
      const body = (await response.json()) as Reply;
      expect(body.intent).toBe("contact");
      expect(body.result.error?.phone?.[0]).toMatch(/telefoonnummer/);
      expect(body.result.error?.email?.[0]).toMatch(/e-mailadres/);
      expect(body.result.error?.address ?? undefined).toBeUndefined();
      expect(body.result.initialValue).toMatchObject({ intent: "contact", ...typed });
    }
    expect(await identity()).toMatchObject({ phone: null, email: null, address: null });
  });

  it("the form is there for prison staff and the own coach, not for a colleague coach", async () => {
    type Data = { contact: unknown };
    const piData = (await (await run(piDetail.loader, getRequest(piPath(), { cookie: cookies.prison! }), params())).json()) as Data;
    const coachData = (await (await run(coachDetail.loader, getRequest(coachPath(), { cookie: cookies.coach! }), params())).json()) as Data;
    const colleagueResponse = await run(coachDetail.loader, getRequest(coachPath(), { cookie: cookies.colleague! }), params());
    expect(colleagueResponse.status).toBe(200);
    const colleagueData = (await colleagueResponse.json()) as Data;
    expect(piData.contact).toEqual({ phone: null, email: null, address: null });
    expect(coachData.contact).toEqual({ phone: null, email: null, address: null });
    expect(colleagueData.contact).toBeNull();
  });

  it("the values are never in a search document", async () => {
    const response = await postCoach(cookies.coach!, {
      phone: "0320 123456",
      email: "zoek.niet@voorbeeld.nl",
      address: "Geheimstraat 12, 8232 AB Lelystad",
    });
    expect(response.status).toBe(302);
    // The change itself queues nothing; queue the candidate as a profile change would.
    await t.db.insert(searchOutbox).values({ indexName: "candidates", entityId: created.candidate.id });
    const engine = new EmbeddedSearchEngine();
    await engine.applySettings("candidates", candidateIndexSettings());
    const result = await processSearchOutbox({ db: t.db, engine });
    expect(result).toMatchObject({ upserted: 1, failed: 0 });
    const doc = await engine.getDocument("candidates", created.candidate.id);
    expect(doc).not.toBeNull();
    const serialised = JSON.stringify(doc);
    for (const value of ["0320123456", "0320 123456", "zoek.niet", "Geheimstraat", created.identity.lastName]) {
      expect(serialised).not.toContain(value);
    }
  });
});

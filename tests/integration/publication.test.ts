import { and, eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { and as both, inArray } from "drizzle-orm";
import { auditLog, candidateProfiles, candidates, memberships, notifications, searchOutbox } from "#db/schema";
import { seedDemoWorld } from "#db/seed/demo";
import { PublicProfileView } from "~/components/public-profile";
import { publicProfileOf } from "~/domain/candidates/profile.server";
import * as approvalDetail from "~/routes/goedkeuren+/$candidateId";
import * as approvalQueue from "~/routes/goedkeuren+/_index";
import * as editor from "~/routes/coach+/kandidaten.$candidateId.profiel";
import * as mine from "~/routes/kandidaat+/profiel";
import * as employerView from "~/routes/werkgever+/profielen.$code";
import { useTestDatabase } from "#tests/support/db";
import {
  type Caller,
  body,
  call,
  createCoachedCandidate,
  callerFor,
  createPublicationWorld,
  get,
  memberCaller,
  post,
  profileForm,
  profileRowOf,
  statusOf,
} from "#tests/support/profile-world";

const t = useTestDatabase();
let world: Awaited<ReturnType<typeof createPublicationWorld>>;
let as: Record<"staffA" | "staffB" | "coachA1" | "coachA2" | "coachB" | "employer", Caller>;

beforeAll(async () => {
  world = await createPublicationWorld(t.db);
  as = {
    staffA: await memberCaller(t.db, world.staffA),
    staffB: await memberCaller(t.db, world.staffB),
    coachA1: await memberCaller(t.db, world.coachA1),
    coachA2: await memberCaller(t.db, world.coachA2),
    coachB: await memberCaller(t.db, world.coachB),
    employer: await memberCaller(t.db, world.employer),
  };
});

const editorPath = (id: string) => `/coach/kandidaten/${id}/profiel`;

async function newCandidate(options: { account?: boolean } = {}) {
  return createCoachedCandidate(t.db, { coach: world.coachA1, prison: world.staffA.organisation, ...options });
}

async function save(id: string, fields = profileForm(), who = as.coachA1) {
  return call(editor.action, post(editorPath(id), fields, who), { candidateId: id });
}

async function step(id: string, intent: string, who = as.coachA1) {
  return call(editor.action, post(editorPath(id), { intent }, who), { candidateId: id });
}

async function approve(id: string, who: Caller) {
  return call(approvalDetail.action, post(`/goedkeuren/${id}`, { intent: "approve" }, who), { candidateId: id });
}

async function confirmAsCandidate(caller: Caller) {
  return call(mine.action, post("/kandidaat/profiel", { intent: "confirm" }, caller));
}

/** A candidate whose profile is written, submitted and confirmed: waiting for the approver. */
async function readyForApproval() {
  const c = await newCandidate();
  expect((await save(c.candidate.id)).status).toBe(302);
  expect((await step(c.candidate.id, "submit")).status).toBe(302);
  expect((await confirmAsCandidate(c.caller!)).status).toBe(200);
  return c;
}

describe("writing the profile", () => {
  it("saves the coach's form, starts the draft and audits it", async () => {
    const c = await newCandidate();
    const response = await save(c.candidate.id);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${editorPath(c.candidate.id)}?opgeslagen=ja`);
    expect(await statusOf(t.db, c.candidate.id)).toBe("profile_draft");
    const row = await profileRowOf(t.db, c.candidate.id);
    expect(row).toMatchObject({
      headline: "Orderpicker met heftruckcertificaat",
      sectors: ["logistiek"],
      occupationCodes: ["wb:orderpicker"],
      skills: ["orderpicken", "scannen"],
      licences: ["B"],
      hoursMin: 24,
      hoursMax: 40,
      regionName: "Lelystad",
      regionMunicipalityCode: "0995",
      travelKm: 30,
      experience: [{ title: "Medewerker magazijn", sector: "logistiek", months: 10, duringDetention: true, verified: false }],
    });
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.candidate.id), eq(auditLog.action, "profile.saved")));
    expect(audits).toHaveLength(1);
  });

  it("shows the editor only for the coach's own caseload (404 for others)", async () => {
    const c = await newCandidate();
    expect((await call(editor.loader, get(editorPath(c.candidate.id), as.coachA1), { candidateId: c.candidate.id })).status).toBe(200);
    for (const who of [as.coachA2, as.coachB]) {
      expect((await call(editor.loader, get(editorPath(c.candidate.id), who), { candidateId: c.candidate.id })).status).toBe(404);
      expect((await save(c.candidate.id, profileForm(), who)).status).toBe(404);
    }
    expect((await call(editor.loader, get(editorPath("not-a-uuid"), as.coachA1), { candidateId: "not-a-uuid" })).status).toBe(404);
  });

  it("keeps verified flags only on entries the coach did not change", async () => {
    const c = await newCandidate();
    await save(c.candidate.id);
    await t.db
      .update(candidateProfiles)
      .set({
        certificates: [{ name: "VCA", verified: true }, { name: "heftruckcertificaat", verified: false }],
        experience: [{ title: "Medewerker magazijn", sector: "logistiek", months: 10, duringDetention: true, verified: true }],
      })
      .where(eq(candidateProfiles.candidateId, c.candidate.id));
    await save(c.candidate.id, profileForm({ "experience[0].months": "12" }));
    const row = await profileRowOf(t.db, c.candidate.id);
    expect(row.certificates).toEqual([
      { name: "VCA", verified: true },
      { name: "heftruckcertificaat", verified: false },
    ]);
    expect(row.experience[0]!.verified).toBe(false);
  });
});

describe("bad input: a clear 400 and nothing half-saved", () => {
  async function rejected(fields: ReturnType<typeof profileForm>, field: string) {
    const c = await newCandidate();
    const before = await profileRowOf(t.db, c.candidate.id);
    const response = await save(c.candidate.id, fields);
    expect(response.status).toBe(400);
    const reply = await body<{ form: string; result: { error: Record<string, string[]> } }>(response);
    expect(reply.result.error[field]?.[0]).toBeTruthy();
    expect(await profileRowOf(t.db, c.candidate.id)).toEqual(before);
    expect(await statusOf(t.db, c.candidate.id)).toBe("intake");
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.objectId, c.candidate.id));
    expect(audits).toEqual([]);
    return reply.result.error[field]![0]!;
  }

  it("refuses an over-long text", async () => {
    expect(await rejected(profileForm({ headline: "x".repeat(121) }), "headline")).toMatch(/hoogstens 120 tekens/);
    expect(await rejected(profileForm({ summary: "x".repeat(1501) }), "summary")).toMatch(/1500/);
  });

  it("refuses a reversed hours range", async () => {
    expect(await rejected(profileForm({ hoursMin: "40", hoursMax: "24" }), "hoursMax")).toMatch(/minstens zo groot/);
  });

  it("refuses availability in the wrong order", async () => {
    expect(
      await rejected(profileForm({ availableDuringDetentionFrom: "2027-09-01", availableAfterReleaseFrom: "2027-06-01" }), "availableAfterReleaseFrom"),
    ).toMatch(/niet eerder/);
  });

  it("refuses an unknown target occupation, with a suggestion for a typo", async () => {
    expect(await rejected(profileForm({ "occupations[0]": "orderpikker" }), "occupations[0]")).toMatch(/Bedoelt u: orderpicker/);
    expect(await rejected(profileForm({ "occupations[0]": "ruimtevaarder xyz" }), "occupations[0]")).toMatch(/kennen we niet/);
  });

  it("refuses an unknown place, a sector outside the list and too many skills", async () => {
    expect(await rejected(profileForm({ region: "Atlantis" }), "region")).toMatch(/kennen we niet als plaats/);
    expect(await rejected(profileForm({ sectors: ["ruimtevaart"] }), "sectors[0]")).toBeTruthy();
    expect(await rejected(profileForm({ skills: Array.from({ length: 31 }, (_, i) => `vaardigheid ${i}`).join("\n") }), "skills")).toMatch(/hoogstens 30/);
  });

  it("refuses a half-filled experience row", async () => {
    expect(await rejected(profileForm({ "experience[1].months": "6" }), "experience[1].title")).toMatch(/functie/);
  });

  it("accepts an unknown job title in the experience and skills as free text", async () => {
    const c = await newCandidate();
    const response = await save(c.candidate.id, profileForm({ "experience[0].title": "Fietsenkoerier bij een groothandel", skills: "palletten stapelen" }));
    expect(response.status).toBe(302);
    const row = await profileRowOf(t.db, c.candidate.id);
    expect(row.experience[0]!.title).toBe("Fietsenkoerier bij een groothandel");
    expect(row.skills).toEqual(["palletten stapelen"]);
  });

  it("stores HTML and script as text and renders it as text", async () => {
    const c = await newCandidate();
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    expect((await save(c.candidate.id, profileForm({ summary: evil, headline: "<b>Lasser</b>" }))).status).toBe(302);
    expect((await profileRowOf(t.db, c.candidate.id)).summary).toBe(evil);
    const profile = (await publicProfileOf(t.db, c.candidate.id))!;
    const html = renderToString(createElement(PublicProfileView, { profile }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>Lasser");
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("four-eyes publication", () => {
  it("runs draft → awaiting approval → confirmed → approved by prison staff of the candidate's prison → published", async () => {
    const c = await newCandidate();
    await save(c.candidate.id);
    expect((await step(c.candidate.id, "submit")).status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("awaiting_approval");
    // The candidate is asked to confirm.
    const [toConfirm] = await t.db.select().from(notifications).where(eq(notifications.userId, c.user!.id));
    expect(toConfirm?.kind).toBe("profile.to_confirm");

    // Not before the candidate confirmed.
    const early = await approve(c.candidate.id, as.staffA);
    expect(early.status).toBe(409);
    expect(await confirmAsCandidate(c.caller!)).toHaveProperty("status", 200);

    const response = await approve(c.candidate.id, as.staffA);
    expect(response.status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("published");
    const row = await profileRowOf(t.db, c.candidate.id);
    expect(row.approvedByUserId).toBe(world.staffA.user.id);
    expect(row.publishedAt).not.toBeNull();
    const outbox = await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, c.candidate.id));
    expect(outbox.length).toBeGreaterThan(0);
  });

  it("never lets the writing coach approve their own profile", async () => {
    const c = await readyForApproval();
    const page = await call(approvalDetail.loader, get(`/goedkeuren/${c.candidate.id}`, as.coachA1), { candidateId: c.candidate.id });
    expect((await body<{ ownProfile: boolean }>(page)).ownProfile).toBe(true);
    const response = await approve(c.candidate.id, as.coachA1);
    expect(response.status).toBe(403);
    expect(await statusOf(t.db, c.candidate.id)).toBe("awaiting_approval");
    const denied = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, c.candidate.id), eq(auditLog.action, "profile.approved"), eq(auditLog.result, "denied")));
    expect(denied).toHaveLength(1);
  });

  it("does not let a second coach who also edited the text approve it", async () => {
    const c = await readyForApproval();
    // coachA2 is not the caseload coach: make them a writer through the audit trail of a save.
    await t.db.insert(auditLog).values({ actorUserId: world.coachA2.user.id, action: "profile.saved", objectType: "candidate", objectId: c.candidate.id });
    expect((await approve(c.candidate.id, as.coachA2)).status).toBe(403);
  });

  it("lets a second coach of the same organisation approve", async () => {
    const c = await readyForApproval();
    const queue = await body<{ queue: { id: string; confirmed: boolean }[] }>(await call(approvalQueue.loader, get("/goedkeuren", as.coachA2)));
    expect(queue.queue.find((q) => q.id === c.candidate.id)?.confirmed).toBe(true);
    expect((await approve(c.candidate.id, as.coachA2)).status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("published");
  });

  it("gives prison staff of another prison and a coach of another organisation a 404", async () => {
    const c = await readyForApproval();
    for (const who of [as.staffB, as.coachB]) {
      expect((await approve(c.candidate.id, who)).status).toBe(404);
      expect((await call(approvalDetail.loader, get(`/goedkeuren/${c.candidate.id}`, who), { candidateId: c.candidate.id })).status).toBe(404);
      const queue = await body<{ queue: { id: string }[] }>(await call(approvalQueue.loader, get("/goedkeuren", who)));
      expect(queue.queue.map((q) => q.id)).not.toContain(c.candidate.id);
    }
    // Not in the writer's own queue either.
    const own = await body<{ queue: { id: string }[] }>(await call(approvalQueue.loader, get("/goedkeuren", as.coachA1)));
    expect(own.queue.map((q) => q.id)).not.toContain(c.candidate.id);
    expect(await statusOf(t.db, c.candidate.id)).toBe("awaiting_approval");
  });

  it("refuses employers the approval pages (403)", async () => {
    expect((await call(approvalQueue.loader, get("/goedkeuren", as.employer))).status).toBe(403);
  });

  it("refuses to submit a profile with identity in the text, and says what to fix", async () => {
    const c = await newCandidate();
    const name = c.identity.firstName;
    await save(c.candidate.id, profileForm({ summary: `${name} werkte in de keuken van PI Proefstad. Bel 06-12345678.` }));
    const response = await step(c.candidate.id, "submit");
    expect(response.status).toBe(409);
    expect(JSON.stringify(await body(response))).toMatch(/herkenbare gegevens/);
    expect(await statusOf(t.db, c.candidate.id)).toBe("profile_draft");
    const page = await body<{ findings: string[] }>(
      await call(editor.loader, get(editorPath(c.candidate.id), as.coachA1), { candidateId: c.candidate.id }),
    );
    expect(page.findings.join("\n")).toMatch(/naam van de kandidaat/);
    expect(page.findings.join("\n")).toMatch(/inrichting of gevangenis/);
    expect(page.findings.join("\n")).toMatch(/telefoonnummer/);
    // Fixed text goes through.
    await save(c.candidate.id);
    expect((await step(c.candidate.id, "submit")).status).toBe(302);
  });

  it("refuses to submit an incomplete profile", async () => {
    const c = await newCandidate();
    await save(c.candidate.id, profileForm({ region: "", hoursMin: "", hoursMax: "" }));
    const response = await step(c.candidate.id, "submit");
    expect(response.status).toBe(409);
    expect(JSON.stringify(await body(response))).toMatch(/regio/);
  });

  it("sends a published profile whose text changes back through confirmation and approval", async () => {
    const c = await readyForApproval();
    await approve(c.candidate.id, as.staffA);
    // A change of hours only: still published, search document refreshed.
    const outboxBefore = (await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, c.candidate.id))).length;
    expect((await save(c.candidate.id, profileForm({ hoursMin: "32" }))).status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("published");
    expect((await t.db.select().from(searchOutbox).where(eq(searchOutbox.entityId, c.candidate.id))).length).toBe(outboxBefore + 1);
    // A change of text: back to approval, confirmation and approval cleared.
    const response = await save(c.candidate.id, profileForm({ hoursMin: "32", summary: "Een nieuwe tekst over het werk." }));
    expect(response.headers.get("location")).toMatch(/opgeslagen=goedkeuring/);
    expect(await statusOf(t.db, c.candidate.id)).toBe("awaiting_approval");
    const row = await profileRowOf(t.db, c.candidate.id);
    expect(row.confirmedByCandidateAt).toBeNull();
    expect(row.approvedAt).toBeNull();
    expect((await approve(c.candidate.id, as.staffA)).status).toBe(409);
  });

  it("pauses, resumes and withdraws a published profile", async () => {
    const c = await readyForApproval();
    await approve(c.candidate.id, as.staffA);
    expect((await step(c.candidate.id, "pause")).status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("paused");
    const code = c.candidate.publicCode;
    expect((await call(employerView.loader, get(`/werkgever/profielen/${code}`, as.employer), { code })).status).toBe(404);
    expect((await step(c.candidate.id, "resume")).status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("published");
    expect((await step(c.candidate.id, "withdraw")).status).toBe(302);
    expect(await statusOf(t.db, c.candidate.id)).toBe("withdrawn");
    expect((await step(c.candidate.id, "resume")).status).toBe(409);
    expect((await save(c.candidate.id)).status).toBe(409);
  });

  it("lets the coach record the confirmation for a candidate without an account, and only then", async () => {
    const offline = await newCandidate({ account: false });
    await save(offline.candidate.id);
    await step(offline.candidate.id, "submit");
    expect((await step(offline.candidate.id, "confirm_on_behalf")).status).toBe(302);
    expect((await profileRowOf(t.db, offline.candidate.id)).confirmedByCandidateAt).not.toBeNull();
    expect((await approve(offline.candidate.id, as.staffA)).status).toBe(302);

    const online = await newCandidate();
    await save(online.candidate.id);
    expect((await step(online.candidate.id, "confirm_on_behalf")).status).toBe(409);
  });
});

describe("the candidate", () => {
  it("asks for changes: the profile goes back to the draft and the coach is told", async () => {
    const c = await newCandidate();
    await save(c.candidate.id);
    await step(c.candidate.id, "submit");
    const response = await call(mine.action, post("/kandidaat/profiel", { intent: "request_changes", note: "Ik heb ook in de bouw gewerkt." }, c.caller!));
    expect(response.status).toBe(200);
    expect(await statusOf(t.db, c.candidate.id)).toBe("profile_draft");
    expect((await profileRowOf(t.db, c.candidate.id)).changeRequestedByCandidate).toBe("Ik heb ook in de bouw gewerkt.");
    const [note] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.coachA1.user.id), eq(notifications.kind, "profile.changes_requested")));
    expect(note?.body).toBe("Ik heb ook in de bouw gewerkt.");
  });

  it("needs a note to ask for changes (400)", async () => {
    const c = await newCandidate();
    await save(c.candidate.id);
    const response = await call(mine.action, post("/kandidaat/profiel", { intent: "request_changes", note: "" }, c.caller!));
    expect(response.status).toBe(400);
  });

  it("sees exactly what an employer sees", async () => {
    const c = await readyForApproval();
    await approve(c.candidate.id, as.staffA);
    const candidateView = await body<{ profile: unknown }>(await call(mine.loader, get("/kandidaat/profiel", c.caller!)));
    const code = c.candidate.publicCode;
    const employer = await body<{ profile: unknown }>(
      await call(employerView.loader, get(`/werkgever/profielen/${code}`, as.employer), { code }),
    );
    expect(candidateView.profile).toEqual(employer.profile);
    expect(candidateView.profile).not.toBeNull();
  });
});

describe("the demo world", () => {
  /** The editor's default values as the browser would post them back. */
  function asFormFields(value: Record<string, unknown>) {
    const fields: Record<string, string | string[]> = {};
    const walk = (prefix: string, v: unknown) => {
      if (Array.isArray(v) && v.every((x) => typeof x === "string") && prefix !== "occupations") fields[prefix] = v as string[];
      else if (Array.isArray(v)) v.forEach((x, i) => walk(`${prefix}[${i}]`, x));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(prefix ? `${prefix}.${k}` : k, x);
      else if (v !== undefined && v !== null) fields[prefix] = String(v);
    };
    walk("", value);
    return fields;
  }

  it("every seeded profile opens in the editor and saves back unchanged, staying in its state", async () => {
    await seedDemoWorld(t.db);
    const rows = await t.db
      .select({ id: candidates.id, coach: candidates.coachUserId, org: candidates.coachingOrganisationId, status: candidates.status })
      .from(candidates)
      .where(inArray(candidates.status, ["profile_draft", "awaiting_approval", "published", "paused"]));
    const seeded = rows.filter((r) => r.coach && r.org);
    expect(seeded.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const r of seeded) {
      const [m] = await t.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(both(eq(memberships.userId, r.coach!), eq(memberships.organisationId, r.org!)));
      const coach = await callerFor(t.db, r.coach!, m!.id);
      const page = await call(editor.loader, get(editorPath(r.id), coach), { candidateId: r.id });
      const { defaultValue } = await body<{ defaultValue: Record<string, unknown> }>(page);
      const response = await call(editor.action, post(editorPath(r.id), asFormFields(defaultValue), coach), { candidateId: r.id });
      if (response.status !== 302) failures.push(`${r.id}: ${response.status} ${JSON.stringify(await body(response))}`);
      else if ((await statusOf(t.db, r.id)) !== r.status) failures.push(`${r.id}: ${r.status} → ${await statusOf(t.db, r.id)}`);
    }
    expect(failures).toEqual([]);
  });
});

import { and, eq, inArray, lt } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { organisations, searchOutbox, vacancies, type Vacancy } from "#db/schema";
import { notify } from "#emails/outbox.server";
import { audit, type Origin } from "~/domain/audit.server";
import { t } from "~/i18n";
import { dutchToday } from "./dates";
import {
  canFillPositions,
  canTransition,
  isEditable,
  type VacancyAction,
  vacancyActions,
  type VacancyStatus,
} from "./lifecycle";

/*
 * Every change to a vacancy: one transaction that writes the vacancy, one audit row per event
 * and a search-outbox row (the search worker re-reads the vacancy and upserts or deletes its
 * document). Employers act only on their own organisation's vacancies: a vacancy of another
 * organisation is "not_found", exactly like one that does not exist.
 */

export type VacancyActor = {
  userId: string;
  /** The employer organisation the caller acts for; every lookup is scoped to it. */
  organisationId: string;
  origin?: Origin;
};

/** What a vacancy holds, as the form produces it (place already resolved). */
export type VacancyInput = {
  title: string;
  occupationCode: string | null;
  sector: string;
  kind: Vacancy["kind"];
  description: string;
  requiredSkills: string[];
  preferredSkills: string[];
  certificates: string[];
  licences: string[];
  hoursMin: number;
  hoursMax: number;
  shifts: string[];
  contractType: string | null;
  wageIndication: string | null;
  placeName: string;
  municipalityCode: string | null;
  lat: number;
  lon: number;
  maxDistanceKm: number;
  startDate: string | null;
  expiresOn: string | null;
  positions: number;
  vogRequired: boolean;
  vogRiskAreas: string[];
  supportOffered: string[];
};

export type VacancyFailure =
  | "not_found"
  | "suspended"
  | "not_verified"
  | "invalid_transition"
  | "stale"
  | "read_only"
  | "positions"
  | "expired";

export type VacancyResult<T = object> = ({ ok: true } & T) | { ok: false; reason: VacancyFailure };

const fail = (reason: VacancyFailure) => ({ ok: false, reason }) as const;

async function queueSearchUpdate(db: Database, vacancyId: string) {
  await db.insert(searchOutbox).values({ indexName: "vacancies", entityId: vacancyId });
}

/** The employer organisation's standing, locked against a concurrent (un)verification. */
async function organisationStanding(db: Database, organisationId: string) {
  const [org] = await db
    .select({ kind: organisations.kind, verificationStatus: organisations.verificationStatus })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("share");
  return org?.kind === "employer" ? org.verificationStatus : null;
}

/** The caller's own vacancy, locked for the change; undefined for any other id. */
async function lockOwnVacancy(db: Database, organisationId: string, vacancyId: string) {
  const [row] = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, vacancyId), eq(vacancies.organisationId, organisationId)))
    .for("update");
  return row;
}

const comparable: (keyof VacancyInput)[] = [
  "title",
  "occupationCode",
  "sector",
  "kind",
  "description",
  "requiredSkills",
  "preferredSkills",
  "certificates",
  "licences",
  "hoursMin",
  "hoursMax",
  "shifts",
  "contractType",
  "wageIndication",
  "placeName",
  "municipalityCode",
  "lat",
  "lon",
  "maxDistanceKm",
  "startDate",
  "expiresOn",
  "positions",
  "vogRequired",
  "vogRiskAreas",
  "supportOffered",
];

/** Names (never values) of the fields an update changes, for the audit log. */
function changedFields(before: Vacancy, after: VacancyInput): string[] {
  return comparable.filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** A new vacancy, always as a draft. Unverified employers may prepare drafts; suspended ones not. */
export async function createVacancy(
  db: Database,
  actor: VacancyActor,
  input: VacancyInput,
): Promise<VacancyResult<{ vacancy: Vacancy }>> {
  return db.transaction(async (tx) => {
    const standing = await organisationStanding(tx, actor.organisationId);
    if (!standing) return fail("not_found");
    if (standing === "suspended") return fail("suspended");
    const [vacancy] = await tx
      .insert(vacancies)
      .values({ ...input, organisationId: actor.organisationId, status: "draft", createdByUserId: actor.userId })
      .returning();
    await audit(tx, {
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      action: "vacancy.created",
      objectType: "vacancy",
      objectId: vacancy!.id,
      origin: actor.origin,
      details: { status: "draft", kind: input.kind, sector: input.sector, positions: input.positions },
    });
    await queueSearchUpdate(tx, vacancy!.id);
    return { ok: true, vacancy: vacancy! };
  });
}

/**
 * Saves new text and settings of a draft, open or paused vacancy. `version` (the `updatedAt`
 * the form was made from) refuses a stale form. When the positions now equal the filled
 * positions, an open or paused vacancy becomes filled.
 */
export async function updateVacancy(
  db: Database,
  actor: VacancyActor,
  vacancyId: string,
  input: VacancyInput,
  options: { version?: string } = {},
): Promise<VacancyResult<{ vacancy: Vacancy; changed: string[] }>> {
  return db.transaction(async (tx) => {
    const standing = await organisationStanding(tx, actor.organisationId);
    if (!standing) return fail("not_found");
    const current = await lockOwnVacancy(tx, actor.organisationId, vacancyId);
    if (!current) return fail("not_found");
    if (standing === "suspended") return fail("suspended");
    if (!isEditable(current.status)) return fail("read_only");
    if (options.version && options.version !== current.updatedAt.toISOString()) return fail("stale");
    if (input.positions < current.positionsFilled) return fail("positions");

    const changed = changedFields(current, input);
    const becomesFilled =
      (current.status === "open" || current.status === "paused") && input.positions === current.positionsFilled;
    const [vacancy] = await tx
      .update(vacancies)
      .set({ ...input, ...(becomesFilled ? { status: "filled" as const } : {}), updatedAt: new Date() })
      .where(eq(vacancies.id, current.id))
      .returning();
    await audit(tx, {
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      action: "vacancy.updated",
      objectType: "vacancy",
      objectId: current.id,
      origin: actor.origin,
      details: { status: current.status, changed },
    });
    if (becomesFilled) {
      await audit(tx, {
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        action: "vacancy.filled",
        objectType: "vacancy",
        objectId: current.id,
        origin: actor.origin,
        details: { from: current.status, to: "filled", positions: input.positions, automatic: true },
      });
    }
    await queueSearchUpdate(tx, current.id);
    return { ok: true, vacancy: vacancy!, changed };
  });
}

/**
 * Publish, pause, resume or close. Publishing and resuming need a verified organisation
 * (checked here, on the server, whatever the page showed); `expectedFrom` refuses a stale page.
 */
export async function changeVacancyStatus(
  db: Database,
  actor: VacancyActor,
  vacancyId: string,
  action: VacancyAction,
  options: { expectedFrom?: VacancyStatus; now?: Date; details?: Record<string, unknown> } = {},
): Promise<VacancyResult<{ vacancy: Vacancy; from: VacancyStatus }>> {
  const rule = vacancyActions[action];
  return db.transaction(async (tx) => {
    const standing = await organisationStanding(tx, actor.organisationId);
    if (!standing) return fail("not_found");
    const current = await lockOwnVacancy(tx, actor.organisationId, vacancyId);
    if (!current) return fail("not_found");
    if (standing === "suspended") return fail("suspended");
    if (options.expectedFrom && options.expectedFrom !== current.status) return fail("stale");
    if (!rule.from.includes(current.status) || !canTransition(current.status, rule.to)) {
      return fail("invalid_transition");
    }
    if (rule.needsVerified && standing !== "verified") {
      await audit(tx, {
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        action: `vacancy.${action}`,
        objectType: "vacancy",
        objectId: current.id,
        result: "denied",
        origin: actor.origin,
        details: { reason: "organisation_not_verified", verification: standing },
      });
      return fail("not_verified");
    }
    const now = options.now ?? new Date();
    if (rule.to === "open" && current.expiresOn && current.expiresOn < dutchToday(now)) return fail("expired");
    const [vacancy] = await tx
      .update(vacancies)
      .set({
        status: rule.to,
        ...(action === "publish" ? { publishedAt: now } : {}),
        updatedAt: now,
      })
      .where(and(eq(vacancies.id, current.id), eq(vacancies.status, current.status)))
      .returning();
    await audit(tx, {
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      action: `vacancy.${action === "publish" ? "published" : action === "pause" ? "paused" : action === "resume" ? "resumed" : "closed"}`,
      objectType: "vacancy",
      objectId: current.id,
      origin: actor.origin,
      details: { from: current.status, to: rule.to, ...options.details },
    });
    await queueSearchUpdate(tx, current.id);
    return { ok: true, vacancy: vacancy!, from: current.status };
  });
}

/**
 * Records `count` newly filled positions. When the last position is filled the vacancy becomes
 * `filled` on its own. Employers call it for their own vacancy (`scopeOrganisationId`); the
 * pipeline calls it with `scopeOrganisationId: null` when a placement starts.
 */
export async function recordFilledPositions(
  db: Database,
  input: {
    vacancyId: string;
    count: number;
    scopeOrganisationId: string | null;
    actor: { userId: string | null; organisationId: string | null };
    origin?: Origin;
  },
): Promise<VacancyResult<{ vacancy: Vacancy; filled: boolean }>> {
  if (!Number.isInteger(input.count) || input.count < 1) return fail("positions");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(vacancies)
      .where(
        input.scopeOrganisationId
          ? and(eq(vacancies.id, input.vacancyId), eq(vacancies.organisationId, input.scopeOrganisationId))
          : eq(vacancies.id, input.vacancyId),
      )
      .for("update");
    if (!current) return fail("not_found");
    if (input.scopeOrganisationId) {
      const standing = await organisationStanding(tx, input.scopeOrganisationId);
      if (standing === "suspended") return fail("suspended");
    }
    if (!canFillPositions(current.status)) return fail("invalid_transition");
    const positionsFilled = current.positionsFilled + input.count;
    if (positionsFilled > current.positions) return fail("positions");
    const filled = positionsFilled === current.positions;
    const [vacancy] = await tx
      .update(vacancies)
      .set({ positionsFilled, ...(filled ? { status: "filled" as const } : {}), updatedAt: new Date() })
      .where(eq(vacancies.id, current.id))
      .returning();
    const base = {
      actorUserId: input.actor.userId,
      actorOrganisationId: input.actor.organisationId,
      objectType: "vacancy",
      objectId: current.id,
      origin: input.origin,
    };
    await audit(tx, {
      ...base,
      action: "vacancy.positions_filled",
      details: { count: input.count, positionsFilled, positions: current.positions },
    });
    if (filled) {
      await audit(tx, {
        ...base,
        action: "vacancy.filled",
        details: { from: current.status, to: "filled", positions: current.positions, automatic: true },
      });
    }
    await queueSearchUpdate(tx, current.id);
    return { ok: true, vacancy: vacancy!, filled };
  });
}

/**
 * Closes every open or paused vacancy whose expiry date has passed (the expiry day itself is
 * still open, Dutch time). A scheduled job calls it; several workers may run it at once
 * (SKIP LOCKED). The creator of each vacancy gets a notification.
 */
export async function expireVacancies(db: Database, now: Date = new Date()): Promise<{ expired: string[] }> {
  const today = dutchToday(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: vacancies.id,
        status: vacancies.status,
        title: vacancies.title,
        organisationId: vacancies.organisationId,
        createdByUserId: vacancies.createdByUserId,
        expiresOn: vacancies.expiresOn,
      })
      .from(vacancies)
      .where(and(inArray(vacancies.status, ["open", "paused"]), lt(vacancies.expiresOn, today)))
      .for("update", { skipLocked: true });
    for (const v of due) {
      await tx
        .update(vacancies)
        .set({ status: "closed", updatedAt: now })
        .where(eq(vacancies.id, v.id));
      await audit(tx, {
        actorUserId: null,
        actorOrganisationId: null,
        action: "vacancy.expired",
        objectType: "vacancy",
        objectId: v.id,
        details: { from: v.status, to: "closed", expiresOn: v.expiresOn },
      });
      await queueSearchUpdate(tx, v.id);
      if (v.createdByUserId) {
        await notify(tx, {
          userId: v.createdByUserId,
          kind: "vacancy.expired",
          title: t("vacancy.notify.expiredTitle", { title: v.title }),
          body: t("vacancy.notify.expiredBody"),
          link: `/werkgever/vacatures/${v.id}`,
        });
      }
    }
    return { expired: due.map((v) => v.id) };
  });
}

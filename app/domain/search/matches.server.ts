import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "#db/client.server";
import { auditLog, candidateIdentities, candidates, organisations, sharedVacancies, vacancies } from "#db/schema";
import { EMPLOYER_CANDIDATE_ATTRIBUTES, stripCoachOnly, type VacancyDocument } from "#search/documents";
import { f, haversineMeters } from "#search/filter";
import {
  matchCandidatesForVacancy,
  matchVacanciesForCandidate,
  meetsConstraints,
  type CandidateMatch,
  type VacancyMatch,
} from "#search/matching";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { requireScopedCandidate } from "~/domain/candidates/access.server";
import { t } from "~/i18n";
import { notify } from "#emails/outbox.server";
import {
  candidateDocumentFor,
  hiddenConstraintsFor,
  openVacancyDocument,
  ownVacancyDocument,
  vacancyDocuments,
  type LoadedVacancy,
} from "./documents.server";
import { currentTaxonomy, tryEngine } from "./engine-call.server";
import {
  explainMatch,
  monthLabel,
  monthLabelOfDay,
  vogAreaLabel,
  type ExplanationView,
  type HiddenConstraints,
} from "./explanation";
import { fallbackCandidatesForVacancy, fallbackVacanciesForCandidate } from "./fallback.server";

/*
 * Ranked lists for one vacancy or one candidate, per role, each hit with its explanation:
 * - employer: suggested candidates for one of THEIR vacancies (anonymised, employer attributes);
 * - coach: candidates of their organisation for an open vacancy, and open vacancies for a
 *   candidate they may see, with the hidden constraints that were applied (coach only);
 * - candidate: the vacancies their coach shared with them.
 * Engine first; when it fails, the database fallback with a notice.
 */

const LIST_SIZE = 20;

function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

function hoursLabel(v: Pick<VacancyDocument, "hoursMin" | "hoursMax">) {
  return v.hoursMin === v.hoursMax
    ? t("search.hours.exact", { hours: v.hoursMin })
    : t("search.hours.range", { min: v.hoursMin, max: v.hoursMax });
}

function startLabel(v: Pick<VacancyDocument, "startMonth">) {
  return v.startMonth ? t("search.vacancy.startFrom", { month: monthLabel(v.startMonth) }) : t("search.vacancy.startAsap");
}

const kmRounded = (km: number) => Math.round(km * 10) / 10;

// ---------------------------------------------------------------------------
// Employer: suggested candidates for one of their vacancies

export type SuggestedCandidate = {
  code: string;
  headline: string;
  region: string;
  availableLabel: string;
  distanceKm: number;
  explanation: ExplanationView[];
};

export async function employerSuggestions(db: Database, context: AuthContext, vacancyId: string | undefined) {
  const organisation = context.organisation;
  if (!organisation || !vacancyId) notFound();
  const taxonomy = currentTaxonomy();
  const loaded = await ownVacancyDocument(db, organisation.id, vacancyId, taxonomy.resolver());
  if (!loaded) notFound();
  const vacancy = loaded.doc;
  const engine = await tryEngine("suggesties", (rt) =>
    matchCandidatesForVacancy(rt.engine, vacancy, {
      limit: LIST_SIZE,
      taxonomy: rt.taxonomy,
      attributesToRetrieve: EMPLOYER_CANDIDATE_ATTRIBUTES,
    }),
  );
  const matches: CandidateMatch[] = engine.ok
    ? engine.value
    : await fallbackCandidatesForVacancy(db, vacancy, { limit: LIST_SIZE, resolver: taxonomy.resolver(), taxonomy });
  const suggestions: SuggestedCandidate[] = matches.map((m) => {
    const candidate = stripCoachOnly(m.candidate);
    const match = { ...m, candidate: candidate as CandidateMatch["candidate"] };
    return {
      code: candidate.code,
      headline: candidate.headline,
      region: candidate.regionName,
      availableLabel: monthLabelOfDay(candidate.availableFromDay),
      distanceKm: kmRounded(m.distanceKm),
      explanation: explainMatch(match, "employer"),
    };
  });
  return {
    vacancy: {
      title: vacancy.title,
      placeName: vacancy.placeName,
      status: loaded.status,
      maxDistanceKm: vacancy.maxDistanceKm,
      hours: hoursLabel(vacancy),
    },
    suggestions,
    fallback: !engine.ok,
  };
}

// ---------------------------------------------------------------------------
// Coach: identity reads are audited (ids and the view, never the values)

async function auditNamesShown(db: Database, context: AuthContext, candidateIds: string[], origin: Origin) {
  if (candidateIds.length === 0) return;
  await db.insert(auditLog).values(
    candidateIds.map((id) => ({
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id ?? null,
      action: "candidate.identity_read",
      objectType: "candidate",
      objectId: id,
      result: "ok" as const,
      ip: origin.ip,
      userAgent: origin.userAgent,
      details: { view: "coach.matches" },
    })),
  );
}

async function namesOf(db: Database, organisationId: string, candidateIds: string[]) {
  if (candidateIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: candidates.id, firstName: candidateIdentities.firstName, lastName: candidateIdentities.lastName })
    .from(candidates)
    .innerJoin(candidateIdentities, eq(candidateIdentities.candidateId, candidates.id))
    .where(and(inArray(candidates.id, candidateIds), eq(candidates.coachingOrganisationId, organisationId)));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
}

// ---------------------------------------------------------------------------
// Coach: candidates of their organisation for an open vacancy

export type CoachCandidateHit = {
  candidateId: string;
  code: string;
  name: string;
  mine: boolean;
  headline: string;
  region: string;
  distanceKm: number;
  explanation: ExplanationView[];
};

export async function coachVacancyMatches(
  db: Database,
  context: AuthContext,
  vacancyId: string | undefined,
  origin: Origin,
) {
  const organisation = context.organisation;
  if (context.role !== "coach" || !organisation || !vacancyId) notFound();
  const taxonomy = currentTaxonomy();
  const loaded = await openVacancyDocument(db, vacancyId, taxonomy.resolver());
  if (!loaded) notFound();
  const vacancy = loaded.doc;
  // The tenancy scope: only candidates coached by the caller's organisation.
  const engine = await tryEngine("coach vacaturematches", (rt) =>
    matchCandidatesForVacancy(rt.engine, vacancy, {
      limit: LIST_SIZE,
      taxonomy: rt.taxonomy,
      scope: f.eq("coachingOrganisationId", organisation.id),
    }),
  );
  const matches: CandidateMatch[] = engine.ok
    ? engine.value.filter((m) => m.candidate.coachingOrganisationId === organisation.id)
    : await fallbackCandidatesForVacancy(db, vacancy, {
        coachingOrganisationId: organisation.id,
        limit: LIST_SIZE,
        resolver: taxonomy.resolver(),
        taxonomy,
      });
  const ids = matches.map((m) => m.candidate.id);
  const [names, hidden] = await Promise.all([namesOf(db, organisation.id, ids), hiddenConstraintsFor(db, ids)]);
  const shown = matches.filter((m) => names.has(m.candidate.id));
  await auditNamesShown(db, context, shown.map((m) => m.candidate.id), origin);
  const hits: CoachCandidateHit[] = shown.map((m) => ({
    candidateId: m.candidate.id,
    code: m.candidate.code,
    name: names.get(m.candidate.id)!,
    mine: m.candidate.coachUserId === context.user.id,
    headline: m.candidate.headline,
    region: m.candidate.regionName,
    distanceKm: kmRounded(m.distanceKm),
    explanation: explainMatch(m, "coach", hidden.get(m.candidate.id) ?? emptyHidden),
  }));
  return {
    vacancy: vacancyView(loaded),
    hits,
    fallback: !engine.ok,
  };
}

const emptyHidden: HiddenConstraints = { vogRiskAreas: [], areaBans: [], leaveHourLimits: null };

function vacancyView(loaded: LoadedVacancy) {
  const v = loaded.doc;
  return {
    id: v.id,
    title: v.title,
    organisationName: loaded.organisationName,
    placeName: v.placeName,
    kind: v.kind,
    hours: hoursLabel(v),
    start: startLabel(v),
    vogRequired: v.vogRequired,
  };
}

// ---------------------------------------------------------------------------
// Coach: open vacancies for a candidate

export type CoachVacancyHit = ReturnType<typeof vacancyView> & {
  distanceKm: number;
  shared: boolean;
  explanation: ExplanationView[];
};

export async function coachCandidateMatches(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  origin: Origin,
) {
  if (context.role !== "coach") notFound();
  const scoped = await requireScopedCandidate(db, context, candidateId, "read");
  const taxonomy = currentTaxonomy();
  const [identity] = await db
    .select({ firstName: candidateIdentities.firstName, lastName: candidateIdentities.lastName })
    .from(candidateIdentities)
    .where(eq(candidateIdentities.candidateId, scoped.id));
  await auditNamesShown(db, context, [scoped.id], origin);
  const built = await candidateDocumentFor(db, scoped.id, taxonomy.resolver());
  const candidateView = {
    id: scoped.id,
    code: scoped.publicCode,
    name: identity ? `${identity.firstName} ${identity.lastName}` : scoped.publicCode,
    status: scoped.status,
    canShare: scoped.coachUserId === context.user.id && context.permissions.includes("propose:candidates"),
    // Coach only: the hidden constraints as the page lists them.
    hidden: {
      vogRiskAreas: (built?.hidden.vogRiskAreas ?? []).map(vogAreaLabel),
      areaBans: (built?.hidden.areaBans ?? []).map((a) => a.name),
      leaveHourLimits: built?.hidden.leaveHourLimits ?? null,
    },
  };
  if (!built) return { candidate: candidateView, profileIncomplete: true, hits: [] as CoachVacancyHit[], fallback: false };
  const candidate = built.doc;
  const engine = await tryEngine("coach kandidaatmatches", (rt) =>
    matchVacanciesForCandidate(rt.engine, candidate, { limit: LIST_SIZE, taxonomy: rt.taxonomy }),
  );
  const matches: VacancyMatch[] = engine.ok
    ? engine.value
    : await fallbackVacanciesForCandidate(db, candidate, { limit: LIST_SIZE, resolver: taxonomy.resolver(), taxonomy });
  const ids = matches.map((m) => m.vacancy.id);
  const shared = ids.length
    ? await db
        .select({ vacancyId: sharedVacancies.vacancyId })
        .from(sharedVacancies)
        .where(and(eq(sharedVacancies.candidateId, scoped.id), inArray(sharedVacancies.vacancyId, ids)))
    : [];
  const sharedIds = new Set(shared.map((s) => s.vacancyId));
  const hits: CoachVacancyHit[] = matches.map((m) => ({
    ...vacancyView({ doc: m.vacancy, status: "open", organisationName: m.vacancy.organisationName }),
    distanceKm: kmRounded(m.distanceKm),
    shared: sharedIds.has(m.vacancy.id),
    explanation: explainMatch(m, "coach", built.hidden),
  }));
  return { candidate: candidateView, profileIncomplete: false, hits, fallback: !engine.ok };
}

// ---------------------------------------------------------------------------
// Coach shares a vacancy with a candidate on their caseload

export type ShareResult = "shared" | "already_shared" | "does_not_fit";

export async function shareVacancy(
  db: Database,
  context: AuthContext,
  input: { candidateId: string | undefined; vacancyId: string; note?: string },
  origin: Origin,
): Promise<ShareResult> {
  if (context.role !== "coach") notFound();
  // Sharing changes the candidate's page: own caseload only (colleagues' candidates are read-only).
  const scoped = await requireScopedCandidate(db, context, input.candidateId, "write");
  const taxonomy = currentTaxonomy();
  const [loaded, built] = await Promise.all([
    openVacancyDocument(db, input.vacancyId, taxonomy.resolver()),
    candidateDocumentFor(db, scoped.id, taxonomy.resolver()),
  ]);
  if (!loaded) notFound();
  // Never share what the hidden constraints rule out (also when the form was tampered with).
  if (!built || !meetsConstraints(loaded.doc, built.doc)) {
    await audit(db, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "vacancy.shared",
      objectType: "candidate",
      objectId: scoped.id,
      result: "denied",
      origin,
      details: { vacancyId: loaded.doc.id, reason: "does_not_fit" },
    });
    return "does_not_fit";
  }
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(sharedVacancies)
      .values({
        candidateId: scoped.id,
        vacancyId: loaded.doc.id,
        sharedByUserId: context.user.id,
        note: input.note?.trim() || null,
      })
      .onConflictDoNothing()
      .returning({ vacancyId: sharedVacancies.vacancyId });
    if (inserted.length === 0) return "already_shared" as const;
    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "vacancy.shared",
      objectType: "candidate",
      objectId: scoped.id,
      origin,
      details: { vacancyId: loaded.doc.id },
    });
    if (scoped.userId) {
      await notify(tx, {
        userId: scoped.userId,
        kind: "vacancy.shared",
        title: t("search.share.notifyTitle"),
        body: t("search.share.notifyBody", { title: loaded.doc.title, place: loaded.doc.placeName }),
        link: "/kandidaat/vacatures",
      });
    }
    return "shared" as const;
  });
}

// ---------------------------------------------------------------------------
// Candidate: the vacancies their coach shared

export type SharedVacancyView = ReturnType<typeof vacancyView> & {
  open: boolean;
  note: string | null;
  sharedOn: string;
  distanceKm: number | null;
  explanation: ExplanationView[];
};

export async function candidateSharedVacancies(db: Database, context: AuthContext) {
  // Ownership scope: the caller's own candidate record, nobody else's.
  if (context.role !== "candidate" || !context.candidateId) notFound();
  const candidateId = context.candidateId;
  const rows = await db
    .select({
      vacancyId: sharedVacancies.vacancyId,
      note: sharedVacancies.note,
      sharedAt: sharedVacancies.sharedAt,
      status: vacancies.status,
      organisationStatus: organisations.verificationStatus,
    })
    .from(sharedVacancies)
    .innerJoin(vacancies, eq(vacancies.id, sharedVacancies.vacancyId))
    .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
    .where(eq(sharedVacancies.candidateId, candidateId))
    .orderBy(desc(sharedVacancies.sharedAt))
    .limit(50);
  if (rows.length === 0) return { vacancies: [] as SharedVacancyView[], fallback: false };
  const taxonomy = currentTaxonomy();
  const [docs, built] = await Promise.all([
    vacancyDocuments(db, rows.map((r) => r.vacancyId), taxonomy.resolver()),
    candidateDocumentFor(db, candidateId, taxonomy.resolver()),
  ]);
  const openIds = rows
    .filter((r) => r.status === "open" && r.organisationStatus === "verified")
    .map((r) => r.vacancyId);
  // Ranked explanations from the matcher where it can; the rest computed here.
  let fallback = false;
  const byId = new Map<string, VacancyMatch>();
  if (built && openIds.length) {
    const engine = await tryEngine("gedeelde vacatures", (rt) =>
      matchVacanciesForCandidate(rt.engine, built.doc, {
        limit: openIds.length,
        taxonomy: rt.taxonomy,
        scope: f.in("id", openIds),
      }),
    );
    if (engine.ok) for (const m of engine.value) byId.set(m.vacancy.id, m);
    else {
      fallback = true;
      const local = await fallbackVacanciesForCandidate(db, built.doc, {
        ids: openIds,
        limit: openIds.length,
        resolver: taxonomy.resolver(),
        taxonomy,
      });
      for (const m of local) byId.set(m.vacancy.id, m);
    }
  }
  const views: SharedVacancyView[] = [];
  for (const row of rows) {
    const loaded = docs.get(row.vacancyId);
    if (!loaded) continue;
    const open = openIds.includes(row.vacancyId);
    const match = byId.get(row.vacancyId);
    const distanceKm = match
      ? match.distanceKm
      : built
        ? haversineMeters(built.doc._geo.lat, built.doc._geo.lng, loaded.doc._geo.lat, loaded.doc._geo.lng) / 1000
        : null;
    views.push({
      ...vacancyView(loaded),
      open,
      note: row.note,
      sharedOn: row.sharedAt.toISOString().slice(0, 10),
      distanceKm: distanceKm === null ? null : kmRounded(distanceKm),
      // A shared vacancy that no longer fits the hard constraints is not explained as a fit.
      explanation: match
        ? explainMatch(match, "candidate")
        : open && built
          ? [{ kind: "info", text: t("search.candidate.noLongerFits") }]
          : [],
    });
  }
  return { vacancies: views, fallback };
}

import { and, eq } from "drizzle-orm";
import type { Database } from "#db/client.server";
import {
  type CandidateStatus,
  type ProfileCertificate,
  type ProfileExperience,
  candidateIdentities,
  candidateProfiles,
  candidates,
  organisations,
  searchOutbox,
} from "#db/schema";
import type { AuthContext } from "~/auth/session.server";
import { audit, type Origin } from "~/domain/audit.server";
import { getGazetteer } from "~/domain/geo/gazetteer";
import { type Taxonomy, curatedTaxonomyOccupations } from "~/domain/taxonomy/taxonomy";
import { loadTaxonomy } from "~/domain/taxonomy/taxonomy.server";
import { t } from "~/i18n";
import { requireScopedCandidate } from "./access.server";
import { findLeaks, type LeakFinding, type LeakPerson, type LeakText } from "./leak-check";
import { transitionCandidate } from "./lifecycle.server";
import type { ProfileInput } from "./profile-schemas";
import { type PublicProfile, type PublicProfileSource, toPublicProfile } from "./public-profile";

/*
 * The anonymised profile as the coach edits it with the candidate. Reading for display always
 * goes through `toPublicProfile`; the columns read here are the profile's own (no identity),
 * except the identity the leak check compares the text against, which never leaves the server
 * other than as the coach's own findings.
 */

/** Exactly the columns the projection needs; a loader that uses this cannot select identity. */
export const publicProfileColumns = {
  headline: candidateProfiles.headline,
  summary: candidateProfiles.summary,
  motivation: candidateProfiles.motivation,
  sectors: candidateProfiles.sectors,
  skills: candidateProfiles.skills,
  occupationCodes: candidateProfiles.occupationCodes,
  certificates: candidateProfiles.certificates,
  licences: candidateProfiles.licences,
  languages: candidateProfiles.languages,
  educationLevel: candidateProfiles.educationLevel,
  experience: candidateProfiles.experience,
  hoursMin: candidateProfiles.hoursMin,
  hoursMax: candidateProfiles.hoursMax,
  shifts: candidateProfiles.shifts,
  transport: candidateProfiles.transport,
  regionName: candidateProfiles.regionName,
  travelKm: candidateProfiles.travelKm,
  availableDuringDetentionFrom: candidateProfiles.availableDuringDetentionFrom,
  availableAfterReleaseFrom: candidateProfiles.availableAfterReleaseFrom,
} as const satisfies Record<keyof PublicProfileSource, unknown>;

/** States in which the coach may change the profile. */
export const EDITABLE_STATUSES: readonly CandidateStatus[] = [
  "intake",
  "profile_draft",
  "awaiting_approval",
  "published",
  "paused",
];

/**
 * The public profile of a candidate the caller has already been scoped to (by
 * `requireScopedCandidate` or by the candidate's own session), or null when there is none yet.
 */
export async function publicProfileOf(db: Database, candidateId: string): Promise<PublicProfile | null> {
  const [row] = await db
    .select({
      publicCode: candidates.publicCode,
      coachingOrganisationName: organisations.name,
      profile: publicProfileColumns,
    })
    .from(candidates)
    .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
    .leftJoin(organisations, eq(organisations.id, candidates.coachingOrganisationId))
    .where(eq(candidates.id, candidateId));
  if (!row) return null;
  return toPublicProfile(row.profile, {
    publicCode: row.publicCode,
    coachingOrganisationName: row.coachingOrganisationName,
  });
}

/** The published profile with this public code (for employers), or null. */
export async function publishedProfileByCode(db: Database, code: string) {
  const [row] = await db
    .select({
      candidateId: candidates.id,
      publicCode: candidates.publicCode,
      coachingOrganisationName: organisations.name,
      profile: publicProfileColumns,
    })
    .from(candidates)
    .innerJoin(candidateProfiles, eq(candidateProfiles.candidateId, candidates.id))
    .leftJoin(organisations, eq(organisations.id, candidates.coachingOrganisationId))
    .where(and(eq(candidates.publicCode, code), eq(candidates.status, "published")));
  if (!row) return null;
  return {
    candidateId: row.candidateId,
    profile: toPublicProfile(row.profile, {
      publicCode: row.publicCode,
      coachingOrganisationName: row.coachingOrganisationName,
    }),
  };
}

// ---------------------------------------------------------------------------
// Leak check against the person's identity

/** The free texts of a profile, labelled for the coach. */
export function leakTextsOf(profile: Pick<PublicProfileSource, "headline" | "summary" | "motivation" | "skills" | "certificates" | "languages" | "experience">): LeakText[] {
  return [
    { field: "headline", label: t("profile.field.headline"), text: profile.headline },
    { field: "summary", label: t("profile.field.summary"), text: profile.summary },
    { field: "motivation", label: t("profile.field.motivation"), text: profile.motivation },
    { field: "skills", label: t("profile.field.skills"), text: profile.skills.join("\n") },
    { field: "certificates", label: t("profile.field.certificates"), text: profile.certificates.map((c) => c.name).join("\n") },
    { field: "languages", label: t("profile.field.languages"), text: profile.languages.map((l) => l.language).join("\n") },
    ...profile.experience.map((e, i) => ({
      field: `experience.${i}`,
      label: t("profile.field.experience", { n: i + 1 }),
      text: e.title,
    })),
  ];
}

/** What the leak check compares against: the identity row and the prison's name. */
export async function leakPersonOf(db: Database, candidateId: string): Promise<LeakPerson | null> {
  const [row] = await db
    .select({
      firstName: candidateIdentities.firstName,
      lastName: candidateIdentities.lastName,
      dateOfBirth: candidateIdentities.dateOfBirth,
      phone: candidateIdentities.phone,
      email: candidateIdentities.email,
      address: candidateIdentities.address,
      prisonName: candidateIdentities.prisonName,
      prisonOrganisationName: organisations.name,
    })
    .from(candidateIdentities)
    .innerJoin(candidates, eq(candidates.id, candidateIdentities.candidateId))
    .leftJoin(organisations, eq(organisations.id, candidates.prisonOrganisationId))
    .where(eq(candidateIdentities.candidateId, candidateId));
  if (!row) return null;
  return { ...row, prisonName: row.prisonName ?? row.prisonOrganisationName };
}

/** Leak findings for the candidate's stored profile (empty when there is no profile). */
export async function profileLeaks(db: Database, candidateId: string): Promise<LeakFinding[]> {
  const [profile] = await db
    .select(publicProfileColumns)
    .from(candidateProfiles)
    .where(eq(candidateProfiles.candidateId, candidateId));
  const person = await leakPersonOf(db, candidateId);
  if (!profile || !person) return [];
  return findLeaks(leakTextsOf(profile), person);
}

/** What is still missing before the profile can be offered for approval. */
export function missingForPublication(profile: PublicProfileSource): string[] {
  const missing: string[] = [];
  if (!profile.headline.trim()) missing.push(t("profile.missing.headline"));
  if (!profile.summary.trim()) missing.push(t("profile.missing.summary"));
  if (profile.sectors.length === 0) missing.push(t("profile.missing.sectors"));
  if (profile.hoursMin === null || profile.hoursMax === null) missing.push(t("profile.missing.hours"));
  if (!profile.regionName) missing.push(t("profile.missing.region"));
  if (!profile.availableDuringDetentionFrom && !profile.availableAfterReleaseFrom) {
    missing.push(t("profile.missing.availability"));
  }
  return missing;
}

// ---------------------------------------------------------------------------
// The coach's editor

/** Everything the editor page shows, for a candidate in the coach's own caseload (else 404). */
export async function loadProfileEditor(db: Database, context: AuthContext, candidateId: string | undefined, origin?: Origin) {
  const candidate = await requireScopedCandidate(db, context, candidateId, "write");
  const [identity] = await db
    .select({ firstName: candidateIdentities.firstName, lastName: candidateIdentities.lastName })
    .from(candidateIdentities)
    .where(eq(candidateIdentities.candidateId, candidate.id));
  const [row] = await db
    .select({
      ...publicProfileColumns,
      confirmedByCandidateAt: candidateProfiles.confirmedByCandidateAt,
      changeRequestedByCandidate: candidateProfiles.changeRequestedByCandidate,
      approvedAt: candidateProfiles.approvedAt,
      updatedAt: candidateProfiles.updatedAt,
    })
    .from(candidateProfiles)
    .where(eq(candidateProfiles.candidateId, candidate.id));
  const [org] = candidate.coachingOrganisationId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, candidate.coachingOrganisationId))
    : [];
  // The coach sees the name on this page: a read of identity, so it is accounted for.
  await audit(db, {
    actorUserId: context.user.id,
    actorOrganisationId: context.organisation?.id,
    action: "identity.read",
    objectType: "candidate",
    objectId: candidate.id,
    origin,
    details: { purpose: "profile_editor" },
  });
  const person = row ? await leakPersonOf(db, candidate.id) : null;
  return {
    candidate: {
      id: candidate.id,
      status: candidate.status,
      publicCode: candidate.publicCode,
      hasAccount: candidate.userId !== null,
      name: identity ? `${identity.firstName} ${identity.lastName}` : "",
    },
    profile: row ?? null,
    findings: row && person ? findLeaks(leakTextsOf(row), person) : [],
    missing: row ? missingForPublication(row) : [],
    preview: row
      ? toPublicProfile(row, { publicCode: candidate.publicCode, coachingOrganisationName: org?.name ?? null })
      : null,
  };
}

export type SaveResult =
  | { ok: true; textChanged: boolean; status: CandidateStatus; findings: LeakFinding[] }
  | { ok: false; reason: "not_editable" };

const norm = (s: string) => s.trim().toLowerCase();

/** Verified flags survive an edit only for entries the coach did not change. */
function keepVerifiedCertificates(previous: ProfileCertificate[], names: string[]): ProfileCertificate[] {
  return names.map((name) => ({
    name,
    verified: previous.some((p) => p.verified && norm(p.name) === norm(name)),
  }));
}

function keepVerifiedExperience(previous: ProfileExperience[], rows: ProfileInput["experience"]): ProfileExperience[] {
  return rows.map((e) => ({
    ...e,
    verified: previous.some(
      (p) =>
        p.verified &&
        norm(p.title) === norm(e.title) &&
        p.sector === e.sector &&
        p.months === e.months &&
        p.duringDetention === e.duringDetention,
    ),
  }));
}

type TextParts = Pick<PublicProfileSource, "headline" | "summary" | "motivation" | "skills" | "certificates" | "languages" | "experience">;

/** The parts of a profile that are the candidate's story: changing them needs new approval. */
function textSignature(p: TextParts) {
  return JSON.stringify([
    p.headline,
    p.summary,
    p.motivation,
    p.skills,
    // The form lists common certificates first: their order carries no meaning.
    p.certificates.map((c) => c.name.toLowerCase()).sort(),
    // jsonb does not keep key order: compare values, not serialised objects.
    p.languages.map((l) => [l.language, l.level]),
    p.experience.map((e) => [e.title, e.sector, e.months, e.duringDetention]),
  ]);
}

/**
 * Saves the coach's edit in one transaction. The first save after the intake starts the draft.
 * A change of text on a published profile sends it back through confirmation and approval
 * (published → awaiting_approval; paused → profile_draft); other changes (hours, region, …)
 * keep it published and only refresh the search document.
 */
export async function saveProfile(
  db: Database,
  context: AuthContext,
  candidateId: string | undefined,
  input: ProfileInput,
  origin?: Origin,
): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const candidate = await requireScopedCandidate(tx, context, candidateId, "write");
    if (!EDITABLE_STATUSES.includes(candidate.status)) return { ok: false, reason: "not_editable" } as const;
    const [previous] = await tx
      .select()
      .from(candidateProfiles)
      .where(eq(candidateProfiles.candidateId, candidate.id))
      .for("update");

    const values = {
      headline: input.headline,
      summary: input.summary,
      motivation: input.motivation,
      sectors: input.sectors,
      skills: input.skills,
      occupationCodes: input.occupationCodes,
      certificates: keepVerifiedCertificates(previous?.certificates ?? [], input.certificates),
      licences: input.licences,
      languages: input.languages,
      educationLevel: input.educationLevel,
      experience: keepVerifiedExperience(previous?.experience ?? [], input.experience),
      hoursMin: input.hoursMin,
      hoursMax: input.hoursMax,
      shifts: input.shifts,
      transport: input.transport,
      regionName: input.region?.name ?? null,
      regionMunicipalityCode: input.region?.municipalityCode ?? null,
      lat: input.region?.lat ?? null,
      lon: input.region?.lon ?? null,
      travelKm: input.travelKm,
      availableDuringDetentionFrom: input.availableDuringDetentionFrom,
      availableAfterReleaseFrom: input.availableAfterReleaseFrom,
      updatedAt: new Date(),
    };
    const textChanged = !previous || textSignature(previous) !== textSignature(values);
    const resetApproval = textChanged
      ? { confirmedByCandidateAt: null, approvedAt: null, approvedByUserId: null }
      : {};

    if (previous) {
      await tx
        .update(candidateProfiles)
        .set({ ...values, ...resetApproval })
        .where(eq(candidateProfiles.candidateId, candidate.id));
    } else {
      await tx.insert(candidateProfiles).values({ candidateId: candidate.id, ...values });
    }

    const actor = { userId: context.user.id, organisationId: context.organisation?.id ?? null };
    let status = candidate.status;
    const move = async (to: CandidateStatus, reason: string) => {
      await transitionCandidate(tx, { candidateId: candidate.id, to, expectedFrom: status, actor, origin, details: { reason } });
      status = to;
    };
    if (status === "intake") await move("profile_draft", "profile_started");
    else if (textChanged && status === "published") await move("awaiting_approval", "text_changed");
    else if (textChanged && status === "paused") await move("profile_draft", "text_changed");
    else if (status === "published") {
      await tx.insert(searchOutbox).values({ indexName: "candidates", entityId: candidate.id });
    }

    await audit(tx, {
      actorUserId: context.user.id,
      actorOrganisationId: context.organisation?.id,
      action: "profile.saved",
      objectType: "candidate",
      objectId: candidate.id,
      origin,
      details: { textChanged, status },
    });
    const person = await leakPersonOf(tx, candidate.id);
    const findings = person ? findLeaks(leakTextsOf(values), person) : [];
    return { ok: true, textChanged, status, findings } as const;
  });
}

// ---------------------------------------------------------------------------
// Taxonomy and place suggestions for the editor

let cachedTaxonomy: { taxonomy: Taxonomy; at: number } | undefined;
const TAXONOMY_TTL_MS = 5 * 60 * 1000;

/** The taxonomy the editor checks target occupations against (curated + imported; cached). */
export async function profileTaxonomy(db: Database): Promise<Taxonomy> {
  if (!cachedTaxonomy || Date.now() - cachedTaxonomy.at > TAXONOMY_TTL_MS) {
    cachedTaxonomy = { taxonomy: await loadTaxonomy(db), at: Date.now() };
  }
  return cachedTaxonomy.taxonomy;
}

let occupationOptions: string[] | undefined;

/** `<datalist>` suggestions: the curated occupations' titles and synonyms (Dutch), sorted. */
export function occupationSuggestions(): string[] {
  occupationOptions ??= [
    ...new Set(curatedTaxonomyOccupations().flatMap((o) => [o.title, ...o.synonyms])),
  ].sort((a, b) => a.localeCompare(b, "nl"));
  return occupationOptions;
}

/** `<datalist>` suggestions for the region: the largest places of the gazetteer. */
export function placeSuggestions(limit = 400): string[] {
  return [...getGazetteer().places]
    .sort((a, b) => b.population - a.population)
    .slice(0, limit)
    .map((p) => p.name)
    .sort((a, b) => a.localeCompare(b, "nl"));
}

/** The taxonomy title of an occupation code, for showing stored codes in the form. */
export function occupationTitleOf(taxonomy: Taxonomy, code: string) {
  return taxonomy.byCode(code)?.title;
}

import { relations, sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/*
 * The whole domain of DESIGN.md. Identity of a candidate lives only in
 * candidate_identities; the anonymised profile in candidate_profiles; offence
 * details are never stored anywhere.
 */

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

export const organisationKind = pgEnum("organisation_kind", [
  "prison",
  "municipality",
  "probation",
  "coaching",
  "employer",
  "platform",
]);

export const verificationStatus = pgEnum("verification_status", [
  "unverified",
  "verified",
  "suspended",
]);

export const membershipRole = pgEnum("membership_role", [
  "platform_admin",
  "prison_staff",
  "coach",
  "municipality_coordinator",
  "employer_owner",
  "employer_recruiter",
]);

export const candidateStatus = pgEnum("candidate_status", [
  "nominated",
  "intake",
  "profile_draft",
  "awaiting_approval",
  "published",
  "placed",
  "aftercare",
  "closed",
  "paused",
  "withdrawn",
  "handed_over",
]);

export const vacancyStatus = pgEnum("vacancy_status", ["draft", "open", "paused", "filled", "closed"]);
export const vacancyKind = pgEnum("vacancy_kind", ["job", "work_experience"]);

export const proposalStatus = pgEnum("proposal_status", [
  "requested",
  "declined_by_coach",
  "proposed",
  "interested",
  "rejected",
  "meeting_planned",
  "offer_made",
  "accepted",
  "declined",
  "withdrawn",
  "expired",
  "placed",
]);

export const offerStatus = pgEnum("offer_status", [
  "open",
  "accepted",
  "declined",
  "withdrawn",
  "expired",
]);

export const placementStatus = pgEnum("placement_status", ["active", "completed", "ended_early"]);
export const riskFlag = pgEnum("risk_flag", ["green", "amber", "red"]);
export const outboxStatus = pgEnum("outbox_status", ["pending", "processing", "done", "failed"]);

// ---------------------------------------------------------------------------
// Organisations, users, access

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: organisationKind("kind").notNull(),
    name: text("name").notNull(),
    kvkNumber: text("kvk_number"),
    verificationStatus: verificationStatus("verification_status").notNull().default("unverified"),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedByUserId: uuid("verified_by_user_id"),
    municipalityCode: text("municipality_code"),
    placeName: text("place_name"),
    address: text("address"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    sector: text("sector"),
    size: text("size"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    fairChanceStatement: text("fair_chance_statement"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organisations_kvk_unique").on(t.kvkNumber),
    index("organisations_kind_idx").on(t.kind),
    check("organisations_name_length", sql`char_length(${t.name}) between 2 and 200`),
    check("organisations_kvk_format", sql`${t.kvkNumber} is null or ${t.kvkNumber} ~ '^[0-9]{8}$'`),
    check(
      "organisations_municipality_code_format",
      sql`${t.municipalityCode} is null or ${t.municipalityCode} ~ '^[0-9]{4}$'`,
    ),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    emailDigest: boolean("email_digest").notNull().default(false),
    locale: text("locale").notNull().default("nl"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
  ],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: membershipRole("role").notNull(),
    // An organisation's own admin may invite colleagues into it.
    isOrgAdmin: boolean("is_org_admin").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_org_role_unique").on(t.userId, t.organisationId, t.role),
    index("memberships_org_idx").on(t.organisationId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 (hex) of the session token; the token itself is never stored.
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The organisation context the user works in (null for a candidate).
    activeMembershipId: uuid("active_membership_id").references(() => memberships.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    email: text("email").notNull(),
    // Either an organisation role or a candidate account.
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    role: membershipRole("role"),
    isOrgAdmin: boolean("is_org_admin").notNull().default(false),
    candidateId: uuid("candidate_id").references(() => candidates.id, { onDelete: "cascade" }),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    index("invitations_email_idx").on(t.email),
    check(
      "invitations_target",
      sql`(${t.organisationId} is not null and ${t.role} is not null and ${t.candidateId} is null)
        or (${t.candidateId} is not null and ${t.organisationId} is null and ${t.role} is null)`,
    ),
  ],
);

export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("password_resets_token_unique").on(t.tokenHash)],
);

// Fixed-window counters shared by every process (login failures per account and per IP,
// profile views per account).
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

// ---------------------------------------------------------------------------
// Candidates (split storage)

export const candidates = pgTable(
  "candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: candidateStatus("status").notNull().default("nominated"),
    // Random public code shown to employers; never derived from the id.
    publicCode: text("public_code").notNull(),
    // Tenancy: the prison that nominated, the coach and organisation that coach, the
    // municipality of origin. These scope access; they are not shown to employers.
    prisonOrganisationId: uuid("prison_organisation_id").references(() => organisations.id),
    coachingOrganisationId: uuid("coaching_organisation_id").references(() => organisations.id),
    coachUserId: uuid("coach_user_id").references(() => users.id, { onDelete: "set null" }),
    municipalityCode: text("municipality_code").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    nominatedByUserId: uuid("nominated_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    nominatedOn: date("nominated_on").notNull(),
    releaseDate: date("release_date"),
    // Last phase of detention: work outside is allowed from this date.
    workExperienceAllowedFrom: date("work_experience_allowed_from"),
    motivationAssessment: text("motivation_assessment"),
    participationAgreedAt: timestamp("participation_agreed_at", { withTimezone: true }),
    firstMeetingAt: timestamp("first_meeting_at", { withTimezone: true }),
    // Duplicate-nomination guard: hash of normalised name + date of birth.
    identityFingerprint: text("identity_fingerprint").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("candidates_public_code_unique").on(t.publicCode),
    uniqueIndex("candidates_user_unique").on(t.userId),
    uniqueIndex("candidates_identity_fingerprint_unique").on(t.identityFingerprint),
    index("candidates_prison_idx").on(t.prisonOrganisationId),
    index("candidates_coach_idx").on(t.coachUserId),
    index("candidates_coaching_org_idx").on(t.coachingOrganisationId),
    index("candidates_municipality_idx").on(t.municipalityCode),
    index("candidates_status_idx").on(t.status),
    check(
      "candidates_release_after_nomination",
      sql`${t.releaseDate} is null or ${t.releaseDate} >= ${t.nominatedOn}`,
    ),
  ],
);

export const candidateIdentities = pgTable("candidate_identities", {
  candidateId: uuid("candidate_id")
    .primaryKey()
    .references(() => candidates.id, { onDelete: "cascade" }),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  dateOfBirth: date("date_of_birth").notNull(),
  phone: text("phone"),
  email: text("email"),
  address: text("address"),
  prisonName: text("prison_name"),
  detentionStart: date("detention_start"),
  detentionEnd: date("detention_end"),
  updatedAt: updatedAt(),
});

export type ProfileExperience = {
  title: string;
  sector: string;
  months: number;
  duringDetention: boolean;
  verified: boolean;
};
export type ProfileCertificate = { name: string; verified: boolean };
export type ProfileLanguage = { language: string; level: string };

export const candidateProfiles = pgTable(
  "candidate_profiles",
  {
    candidateId: uuid("candidate_id")
      .primaryKey()
      .references(() => candidates.id, { onDelete: "cascade" }),
    headline: text("headline").notNull().default(""),
    summary: text("summary").notNull().default(""),
    motivation: text("motivation").notNull().default(""),
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    occupationCodes: text("occupation_codes").array().notNull().default(sql`'{}'::text[]`),
    certificates: jsonb("certificates").$type<ProfileCertificate[]>().notNull().default([]),
    licences: text("licences").array().notNull().default(sql`'{}'::text[]`),
    languages: jsonb("languages").$type<ProfileLanguage[]>().notNull().default([]),
    educationLevel: text("education_level"),
    experience: jsonb("experience").$type<ProfileExperience[]>().notNull().default([]),
    hoursMin: integer("hours_min"),
    hoursMax: integer("hours_max"),
    shifts: text("shifts").array().notNull().default(sql`'{}'::text[]`),
    regionMunicipalityCode: text("region_municipality_code"),
    regionName: text("region_name"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    travelKm: integer("travel_km"),
    transport: text("transport").array().notNull().default(sql`'{}'::text[]`),
    availableDuringDetentionFrom: date("available_during_detention_from"),
    availableAfterReleaseFrom: date("available_after_release_from"),
    confirmedByCandidateAt: timestamp("confirmed_by_candidate_at", { withTimezone: true }),
    changeRequestedByCandidate: text("change_requested_by_candidate"),
    approvedByUserId: uuid("approved_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "candidate_profiles_hours",
      sql`${t.hoursMin} is null or ${t.hoursMax} is null or (${t.hoursMin} between 0 and 60 and ${t.hoursMax} between ${t.hoursMin} and 60)`,
    ),
    check("candidate_profiles_travel", sql`${t.travelKm} is null or ${t.travelKm} between 0 and 300`),
  ],
);

// Coach-only: hidden constraints used as filters in matching, never shown to employers.
export const candidateConstraints = pgTable("candidate_constraints", {
  candidateId: uuid("candidate_id")
    .primaryKey()
    .references(() => candidates.id, { onDelete: "cascade" }),
  vogRiskAreas: text("vog_risk_areas").array().notNull().default(sql`'{}'::text[]`),
  areaBanMunicipalityCodes: text("area_ban_municipality_codes")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  leaveHourLimits: text("leave_hour_limits"),
  updatedAt: updatedAt(),
});

export const basicConditionKind = pgEnum("basic_condition_kind", [
  "id",
  "housing",
  "income",
  "debts",
  "care",
]);
export const basicConditionStatus = pgEnum("basic_condition_status", [
  "unknown",
  "not_arranged",
  "in_progress",
  "arranged",
]);

export const candidateBasicConditions = pgTable(
  "candidate_basic_conditions",
  {
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    kind: basicConditionKind("kind").notNull(),
    status: basicConditionStatus("status").notNull().default("unknown"),
    note: text("note"),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.kind] })],
);

export const profileViews = pgTable(
  "profile_views",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    viewedAt: timestamp("viewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("profile_views_candidate_idx").on(t.candidateId, t.viewedAt)],
);

// ---------------------------------------------------------------------------
// Vacancies

export const vacancies = pgTable(
  "vacancies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    status: vacancyStatus("status").notNull().default("draft"),
    kind: vacancyKind("kind").notNull().default("job"),
    title: text("title").notNull(),
    occupationCode: text("occupation_code"),
    sector: text("sector").notNull(),
    description: text("description").notNull().default(""),
    requiredSkills: text("required_skills").array().notNull().default(sql`'{}'::text[]`),
    preferredSkills: text("preferred_skills").array().notNull().default(sql`'{}'::text[]`),
    certificates: text("certificates").array().notNull().default(sql`'{}'::text[]`),
    licences: text("licences").array().notNull().default(sql`'{}'::text[]`),
    hoursMin: integer("hours_min").notNull(),
    hoursMax: integer("hours_max").notNull(),
    shifts: text("shifts").array().notNull().default(sql`'{}'::text[]`),
    contractType: text("contract_type"),
    wageIndication: text("wage_indication"),
    placeName: text("place_name").notNull(),
    municipalityCode: text("municipality_code"),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    maxDistanceKm: integer("max_distance_km").notNull().default(25),
    startDate: date("start_date"),
    expiresOn: date("expires_on"),
    positions: integer("positions").notNull().default(1),
    positionsFilled: integer("positions_filled").notNull().default(0),
    vogRequired: boolean("vog_required").notNull().default(false),
    vogRiskAreas: text("vog_risk_areas").array().notNull().default(sql`'{}'::text[]`),
    supportOffered: text("support_offered").array().notNull().default(sql`'{}'::text[]`),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("vacancies_org_idx").on(t.organisationId),
    index("vacancies_status_idx").on(t.status),
    check("vacancies_hours", sql`${t.hoursMin} between 0 and 60 and ${t.hoursMax} between ${t.hoursMin} and 60`),
    check("vacancies_positions", sql`${t.positions} >= 1 and ${t.positionsFilled} between 0 and ${t.positions}`),
    check(
      "vacancies_vog_areas",
      sql`${t.vogRequired} or cardinality(${t.vogRiskAreas}) = 0`,
    ),
    check("vacancies_distance", sql`${t.maxDistanceKm} between 1 and 300`),
  ],
);

// A coach shares an open vacancy with a candidate on their caseload (the candidate sees it, with
// the same explanation as the coach's match list).
export const sharedVacancies = pgTable(
  "shared_vacancies",
  {
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    sharedByUserId: uuid("shared_by_user_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note"),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.candidateId, t.vacancyId] })],
);

// ---------------------------------------------------------------------------
// Pipeline

export const proposals = pgTable(
  "proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    status: proposalStatus("status").notNull(),
    proposedByUserId: uuid("proposed_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    requestedByUserId: uuid("requested_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    note: text("note"),
    reasonCode: text("reason_code"),
    reasonText: text("reason_text"),
    // Optimistic concurrency: a stale form carries an old version and is refused.
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("proposals_candidate_vacancy_unique").on(t.candidateId, t.vacancyId),
    index("proposals_vacancy_idx").on(t.vacancyId),
  ],
);

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    location: text("location"),
    videoLink: text("video_link"),
    status: text("status").notNull().default("planned"),
    cancelReason: text("cancel_reason"),
    plannedByUserId: uuid("planned_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("meetings_proposal_idx").on(t.proposalId),
    check("meetings_status", sql`${t.status} in ('planned', 'cancelled', 'held')`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    masked: boolean("masked").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("messages_proposal_idx").on(t.proposalId, t.createdAt)],
);

export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => proposals.id, { onDelete: "cascade" }),
    status: offerStatus("status").notNull().default("open"),
    startDate: date("start_date").notNull(),
    hoursPerWeek: integer("hours_per_week").notNull(),
    contractType: text("contract_type").notNull(),
    wageIndication: text("wage_indication"),
    firstDayDetails: text("first_day_details"),
    expiresOn: date("expires_on"),
    coachAdvice: text("coach_advice"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    answeredByUserId: uuid("answered_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    answeredOnBehalf: boolean("answered_on_behalf").notNull().default(false),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("offers_proposal_idx").on(t.proposalId),
    check("offers_hours", sql`${t.hoursPerWeek} between 1 and 60`),
  ],
);

export const consents = pgTable(
  "consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    proposalId: uuid("proposal_id").references(() => proposals.id, { onDelete: "cascade" }),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "cascade" }),
    grantedByUserId: uuid("granted_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("consents_candidate_org_idx").on(t.candidateId, t.organisationId),
    check("consents_subject", sql`${t.proposalId} is not null or ${t.offerId} is not null`),
  ],
);

export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "restrict" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "restrict" }),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "restrict" }),
    employerOrganisationId: uuid("employer_organisation_id")
      .notNull()
      .references(() => organisations.id),
    // Every placement has a job coach for aftercare.
    jobCoachUserId: uuid("job_coach_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: placementStatus("status").notNull().default("active"),
    startedOn: date("started_on").notNull(),
    endedOn: date("ended_on"),
    endReason: text("end_reason"),
    handoverNote: text("handover_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("placements_offer_unique").on(t.offerId),
    index("placements_job_coach_idx").on(t.jobCoachUserId),
    index("placements_employer_idx").on(t.employerOrganisationId),
    check(
      "placements_end",
      sql`(${t.status} = 'active' and ${t.endedOn} is null) or (${t.status} <> 'active' and ${t.endedOn} is not null)`,
    ),
    check(
      "placements_end_reason",
      sql`${t.status} <> 'ended_early' or ${t.endReason} is not null`,
    ),
  ],
);

export const checkIns = pgTable(
  "check_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    placementId: uuid("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    week: integer("week").notNull(),
    dueOn: date("due_on").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    doneByUserId: uuid("done_by_user_id").references(() => users.id, { onDelete: "set null" }),
    withWhom: text("with_whom"),
    mode: text("mode"),
    wellbeing: integer("wellbeing"),
    riskFlag: riskFlag("risk_flag"),
    actions: text("actions"),
    coachNotes: text("coach_notes"),
    requestedByEmployerAt: timestamp("requested_by_employer_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("check_ins_placement_week_unique").on(t.placementId, t.week),
    index("check_ins_due_idx").on(t.dueOn),
    check("check_ins_wellbeing", sql`${t.wellbeing} is null or ${t.wellbeing} between 1 and 5`),
    check(
      "check_ins_with_whom",
      sql`${t.withWhom} is null or ${t.withWhom} in ('candidate', 'employer', 'both')`,
    ),
    check("check_ins_mode", sql`${t.mode} is null or ${t.mode} in ('visit', 'phone', 'video')`),
  ],
);

export const handovers = pgTable(
  "handovers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    municipalityOrganisationId: uuid("municipality_organisation_id")
      .notNull()
      .references(() => organisations.id),
    summary: text("summary").notNull(),
    status: text("status").notNull().default("open"),
    handedOverByUserId: uuid("handed_over_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    acceptedByUserId: uuid("accepted_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    assignedCoachUserId: uuid("assigned_coach_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("handovers_municipality_idx").on(t.municipalityOrganisationId),
    check("handovers_status", sql`${t.status} in ('open', 'accepted')`),
  ],
);

// ---------------------------------------------------------------------------
// Taxonomy

export const occupations = pgTable(
  "occupations",
  {
    code: text("code").primaryKey(),
    title: text("title").notNull(),
    iscoGroup: text("isco_group"),
    synonyms: text("synonyms").array().notNull().default(sql`'{}'::text[]`),
    sector: text("sector"),
    source: text("source").notNull().default("werkbrug"),
  },
  (t) => [index("occupations_isco_idx").on(t.iscoGroup)],
);

// ---------------------------------------------------------------------------
// Accountability, notifications, outboxes

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorOrganisationId: uuid("actor_organisation_id"),
    action: text("action").notNull(),
    objectType: text("object_type"),
    objectId: text("object_id"),
    result: text("result").notNull().default("ok"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // Non-sensitive context only (ids, states); never identity values or secrets.
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_object_idx").on(t.objectType, t.objectId),
    index("audit_log_actor_idx").on(t.actorUserId),
    index("audit_log_at_idx").on(t.at),
    check("audit_log_result", sql`${t.result} in ('ok', 'denied', 'failed')`),
  ],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    template: text("template").notNull(),
    // The template's props; rendered at send time so a retry renders the same message.
    props: jsonb("props").$type<Record<string, unknown>>().notNull(),
    subject: text("subject").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // Set when the message goes into a daily digest instead of being sent alone.
    digestUserId: uuid("digest_user_id").references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

export const searchOutbox = pgTable(
  "search_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indexName: text("index_name").notNull(),
    entityId: uuid("entity_id").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    index("search_outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("search_outbox_index", sql`${t.indexName} in ('candidates', 'vacancies')`),
  ],
);

// ---------------------------------------------------------------------------
// Relations

export const organisationsRelations = relations(organisations, ({ many }) => ({
  memberships: many(memberships),
  vacancies: many(vacancies),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
  sessions: many(sessions),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organisation: one(organisations, {
    fields: [memberships.organisationId],
    references: [organisations.id],
  }),
}));

export const candidatesRelations = relations(candidates, ({ one, many }) => ({
  identity: one(candidateIdentities, {
    fields: [candidates.id],
    references: [candidateIdentities.candidateId],
  }),
  profile: one(candidateProfiles, {
    fields: [candidates.id],
    references: [candidateProfiles.candidateId],
  }),
  constraints: one(candidateConstraints, {
    fields: [candidates.id],
    references: [candidateConstraints.candidateId],
  }),
  coachingOrganisation: one(organisations, {
    fields: [candidates.coachingOrganisationId],
    references: [organisations.id],
  }),
  proposals: many(proposals),
}));

export const vacanciesRelations = relations(vacancies, ({ one, many }) => ({
  organisation: one(organisations, {
    fields: [vacancies.organisationId],
    references: [organisations.id],
  }),
  proposals: many(proposals),
}));

export const proposalsRelations = relations(proposals, ({ one, many }) => ({
  candidate: one(candidates, { fields: [proposals.candidateId], references: [candidates.id] }),
  vacancy: one(vacancies, { fields: [proposals.vacancyId], references: [vacancies.id] }),
  offers: many(offers),
  meetings: many(meetings),
  messages: many(messages),
}));

export const offersRelations = relations(offers, ({ one }) => ({
  proposal: one(proposals, { fields: [offers.proposalId], references: [proposals.id] }),
}));

export const placementsRelations = relations(placements, ({ one, many }) => ({
  candidate: one(candidates, { fields: [placements.candidateId], references: [candidates.id] }),
  vacancy: one(vacancies, { fields: [placements.vacancyId], references: [vacancies.id] }),
  checkIns: many(checkIns),
}));

export const checkInsRelations = relations(checkIns, ({ one }) => ({
  placement: one(placements, { fields: [checkIns.placementId], references: [placements.id] }),
}));

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type MembershipRole = (typeof membershipRole.enumValues)[number];
export type OrganisationKind = (typeof organisationKind.enumValues)[number];
export type CandidateStatus = (typeof candidateStatus.enumValues)[number];
export type Candidate = typeof candidates.$inferSelect;
export type CandidateIdentity = typeof candidateIdentities.$inferSelect;
export type CandidateProfile = typeof candidateProfiles.$inferSelect;
export type Vacancy = typeof vacancies.$inferSelect;
export type NewVacancy = typeof vacancies.$inferInsert;
export type Proposal = typeof proposals.$inferSelect;
export type Placement = typeof placements.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
export type SearchOutboxRow = typeof searchOutbox.$inferSelect;
export type AuditRow = typeof auditLog.$inferInsert;

CREATE TYPE "public"."basic_condition_kind" AS ENUM('id', 'housing', 'income', 'debts', 'care');--> statement-breakpoint
CREATE TYPE "public"."basic_condition_status" AS ENUM('unknown', 'not_arranged', 'in_progress', 'arranged');--> statement-breakpoint
CREATE TYPE "public"."candidate_status" AS ENUM('nominated', 'intake', 'profile_draft', 'awaiting_approval', 'published', 'placed', 'aftercare', 'closed', 'paused', 'withdrawn', 'handed_over');--> statement-breakpoint
CREATE TYPE "public"."membership_role" AS ENUM('platform_admin', 'prison_staff', 'coach', 'municipality_coordinator', 'employer_owner', 'employer_recruiter');--> statement-breakpoint
CREATE TYPE "public"."offer_status" AS ENUM('open', 'accepted', 'declined', 'withdrawn', 'expired');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('prison', 'municipality', 'probation', 'coaching', 'employer', 'platform');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'processing', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('active', 'completed', 'ended_early');--> statement-breakpoint
CREATE TYPE "public"."proposal_status" AS ENUM('requested', 'declined_by_coach', 'proposed', 'interested', 'rejected', 'meeting_planned', 'offer_made', 'accepted', 'declined', 'withdrawn', 'expired', 'placed');--> statement-breakpoint
CREATE TYPE "public"."risk_flag" AS ENUM('green', 'amber', 'red');--> statement-breakpoint
CREATE TYPE "public"."vacancy_kind" AS ENUM('job', 'work_experience');--> statement-breakpoint
CREATE TYPE "public"."vacancy_status" AS ENUM('draft', 'open', 'paused', 'filled', 'closed');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('unverified', 'verified', 'suspended');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_organisation_id" uuid,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"result" text DEFAULT 'ok' NOT NULL,
	"ip" text,
	"user_agent" text,
	"details" jsonb,
	CONSTRAINT "audit_log_result" CHECK ("audit_log"."result" in ('ok', 'denied', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "candidate_basic_conditions" (
	"candidate_id" uuid NOT NULL,
	"kind" "basic_condition_kind" NOT NULL,
	"status" "basic_condition_status" DEFAULT 'unknown' NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_basic_conditions_candidate_id_kind_pk" PRIMARY KEY("candidate_id","kind")
);
--> statement-breakpoint
CREATE TABLE "candidate_constraints" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"vog_risk_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"area_ban_municipality_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"leave_hour_limits" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_identities" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"phone" text,
	"email" text,
	"address" text,
	"prison_name" text,
	"detention_start" date,
	"detention_end" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_profiles" (
	"candidate_id" uuid PRIMARY KEY NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"motivation" text DEFAULT '' NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"occupation_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"education_level" text,
	"experience" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hours_min" integer,
	"hours_max" integer,
	"shifts" text[] DEFAULT '{}'::text[] NOT NULL,
	"region_municipality_code" text,
	"region_name" text,
	"lat" double precision,
	"lon" double precision,
	"travel_km" integer,
	"transport" text[] DEFAULT '{}'::text[] NOT NULL,
	"available_during_detention_from" date,
	"available_after_release_from" date,
	"confirmed_by_candidate_at" timestamp with time zone,
	"change_requested_by_candidate" text,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_profiles_hours" CHECK ("candidate_profiles"."hours_min" is null or "candidate_profiles"."hours_max" is null or ("candidate_profiles"."hours_min" between 0 and 60 and "candidate_profiles"."hours_max" between "candidate_profiles"."hours_min" and 60)),
	CONSTRAINT "candidate_profiles_travel" CHECK ("candidate_profiles"."travel_km" is null or "candidate_profiles"."travel_km" between 0 and 300)
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "candidate_status" DEFAULT 'nominated' NOT NULL,
	"public_code" text NOT NULL,
	"prison_organisation_id" uuid,
	"coaching_organisation_id" uuid,
	"coach_user_id" uuid,
	"municipality_code" text NOT NULL,
	"user_id" uuid,
	"nominated_by_user_id" uuid,
	"nominated_on" date NOT NULL,
	"release_date" date,
	"work_experience_allowed_from" date,
	"motivation_assessment" text,
	"participation_agreed_at" timestamp with time zone,
	"first_meeting_at" timestamp with time zone,
	"identity_fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_release_after_nomination" CHECK ("candidates"."release_date" is null or "candidates"."release_date" >= "candidates"."nominated_on")
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"week" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by_user_id" uuid,
	"with_whom" text,
	"mode" text,
	"wellbeing" integer,
	"risk_flag" "risk_flag",
	"actions" text,
	"coach_notes" text,
	"requested_by_employer_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_wellbeing" CHECK ("check_ins"."wellbeing" is null or "check_ins"."wellbeing" between 1 and 5),
	CONSTRAINT "check_ins_with_whom" CHECK ("check_ins"."with_whom" is null or "check_ins"."with_whom" in ('candidate', 'employer', 'both')),
	CONSTRAINT "check_ins_mode" CHECK ("check_ins"."mode" is null or "check_ins"."mode" in ('visit', 'phone', 'video'))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposal_id" uuid,
	"offer_id" uuid,
	"granted_by_user_id" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "consents_subject" CHECK ("consents"."proposal_id" is not null or "consents"."offer_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"template" text NOT NULL,
	"props" jsonb NOT NULL,
	"subject" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"provider_message_id" text,
	"sent_at" timestamp with time zone,
	"digest_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"municipality_organisation_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"handed_over_by_user_id" uuid,
	"accepted_by_user_id" uuid,
	"assigned_coach_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handovers_status" CHECK ("handovers"."status" in ('open', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"email" text NOT NULL,
	"organisation_id" uuid,
	"role" "membership_role",
	"is_org_admin" boolean DEFAULT false NOT NULL,
	"candidate_id" uuid,
	"invited_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_target" CHECK (("invitations"."organisation_id" is not null and "invitations"."role" is not null and "invitations"."candidate_id" is null)
        or ("invitations"."candidate_id" is not null and "invitations"."organisation_id" is null and "invitations"."role" is null))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"location" text,
	"video_link" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"cancel_reason" text,
	"planned_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status" CHECK ("meetings"."status" in ('planned', 'cancelled', 'held'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "membership_role" NOT NULL,
	"is_org_admin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"masked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"isco_group" text,
	"synonyms" text[] DEFAULT '{}'::text[] NOT NULL,
	"sector" text,
	"source" text DEFAULT 'werkbrug' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"status" "offer_status" DEFAULT 'open' NOT NULL,
	"start_date" date NOT NULL,
	"hours_per_week" integer NOT NULL,
	"contract_type" text NOT NULL,
	"wage_indication" text,
	"first_day_details" text,
	"expires_on" date,
	"coach_advice" text,
	"answered_at" timestamp with time zone,
	"answered_by_user_id" uuid,
	"answered_on_behalf" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offers_hours" CHECK ("offers"."hours_per_week" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name" text NOT NULL,
	"kvk_number" text,
	"verification_status" "verification_status" DEFAULT 'unverified' NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by_user_id" uuid,
	"municipality_code" text,
	"place_name" text,
	"address" text,
	"lat" double precision,
	"lon" double precision,
	"sector" text,
	"size" text,
	"contact_name" text,
	"contact_email" text,
	"contact_phone" text,
	"fair_chance_statement" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_name_length" CHECK (char_length("organisations"."name") between 2 and 200),
	CONSTRAINT "organisations_kvk_format" CHECK ("organisations"."kvk_number" is null or "organisations"."kvk_number" ~ '^[0-9]{8}$'),
	CONSTRAINT "organisations_municipality_code_format" CHECK ("organisations"."municipality_code" is null or "organisations"."municipality_code" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"employer_organisation_id" uuid NOT NULL,
	"job_coach_user_id" uuid NOT NULL,
	"status" "placement_status" DEFAULT 'active' NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"handover_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_end" CHECK (("placements"."status" = 'active' and "placements"."ended_on" is null) or ("placements"."status" <> 'active' and "placements"."ended_on" is not null)),
	CONSTRAINT "placements_end_reason" CHECK ("placements"."status" <> 'ended_early' or "placements"."end_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "profile_views" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"candidate_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"status" "proposal_status" NOT NULL,
	"proposed_by_user_id" uuid,
	"requested_by_user_id" uuid,
	"note" text,
	"reason_code" text,
	"reason_text" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "search_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"index_name" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "search_outbox_index" CHECK ("search_outbox"."index_name" in ('candidates', 'vacancies'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"active_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"absolute_expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"disabled_at" timestamp with time zone,
	"email_digest" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "vacancies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "vacancy_status" DEFAULT 'draft' NOT NULL,
	"kind" "vacancy_kind" DEFAULT 'job' NOT NULL,
	"title" text NOT NULL,
	"occupation_code" text,
	"sector" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"licences" text[] DEFAULT '{}'::text[] NOT NULL,
	"hours_min" integer NOT NULL,
	"hours_max" integer NOT NULL,
	"shifts" text[] DEFAULT '{}'::text[] NOT NULL,
	"contract_type" text,
	"wage_indication" text,
	"place_name" text NOT NULL,
	"municipality_code" text,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"max_distance_km" integer DEFAULT 25 NOT NULL,
	"start_date" date,
	"expires_on" date,
	"positions" integer DEFAULT 1 NOT NULL,
	"positions_filled" integer DEFAULT 0 NOT NULL,
	"vog_required" boolean DEFAULT false NOT NULL,
	"vog_risk_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_offered" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_user_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vacancies_hours" CHECK ("vacancies"."hours_min" between 0 and 60 and "vacancies"."hours_max" between "vacancies"."hours_min" and 60),
	CONSTRAINT "vacancies_positions" CHECK ("vacancies"."positions" >= 1 and "vacancies"."positions_filled" between 0 and "vacancies"."positions"),
	CONSTRAINT "vacancies_vog_areas" CHECK ("vacancies"."vog_required" or cardinality("vacancies"."vog_risk_areas") = 0),
	CONSTRAINT "vacancies_distance" CHECK ("vacancies"."max_distance_km" between 1 and 300)
);
--> statement-breakpoint
ALTER TABLE "candidate_basic_conditions" ADD CONSTRAINT "candidate_basic_conditions_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_constraints" ADD CONSTRAINT "candidate_constraints_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_identities" ADD CONSTRAINT "candidate_identities_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_prison_organisation_id_organisations_id_fk" FOREIGN KEY ("prison_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_coaching_organisation_id_organisations_id_fk" FOREIGN KEY ("coaching_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_coach_user_id_users_id_fk" FOREIGN KEY ("coach_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_nominated_by_user_id_users_id_fk" FOREIGN KEY ("nominated_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."placements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_granted_by_user_id_users_id_fk" FOREIGN KEY ("granted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_digest_user_id_users_id_fk" FOREIGN KEY ("digest_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_municipality_organisation_id_organisations_id_fk" FOREIGN KEY ("municipality_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_handed_over_by_user_id_users_id_fk" FOREIGN KEY ("handed_over_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_accepted_by_user_id_users_id_fk" FOREIGN KEY ("accepted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_assigned_coach_user_id_users_id_fk" FOREIGN KEY ("assigned_coach_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_planned_by_user_id_users_id_fk" FOREIGN KEY ("planned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_answered_by_user_id_users_id_fk" FOREIGN KEY ("answered_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_organisation_id_organisations_id_fk" FOREIGN KEY ("employer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_job_coach_user_id_users_id_fk" FOREIGN KEY ("job_coach_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_views" ADD CONSTRAINT "profile_views_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_views" ADD CONSTRAINT "profile_views_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_views" ADD CONSTRAINT "profile_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposed_by_user_id_users_id_fk" FOREIGN KEY ("proposed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_active_membership_id_memberships_id_fk" FOREIGN KEY ("active_membership_id") REFERENCES "public"."memberships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vacancies" ADD CONSTRAINT "vacancies_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_type","object_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_public_code_unique" ON "candidates" USING btree ("public_code");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_user_unique" ON "candidates" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_identity_fingerprint_unique" ON "candidates" USING btree ("identity_fingerprint");--> statement-breakpoint
CREATE INDEX "candidates_prison_idx" ON "candidates" USING btree ("prison_organisation_id");--> statement-breakpoint
CREATE INDEX "candidates_coach_idx" ON "candidates" USING btree ("coach_user_id");--> statement-breakpoint
CREATE INDEX "candidates_coaching_org_idx" ON "candidates" USING btree ("coaching_organisation_id");--> statement-breakpoint
CREATE INDEX "candidates_municipality_idx" ON "candidates" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "candidates_status_idx" ON "candidates" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_placement_week_unique" ON "check_ins" USING btree ("placement_id","week");--> statement-breakpoint
CREATE INDEX "check_ins_due_idx" ON "check_ins" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "consents_candidate_org_idx" ON "consents" USING btree ("candidate_id","organisation_id");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "handovers_municipality_idx" ON "handovers" USING btree ("municipality_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_unique" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "meetings_proposal_idx" ON "meetings" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_org_role_unique" ON "memberships" USING btree ("user_id","organisation_id","role");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "messages_proposal_idx" ON "messages" USING btree ("proposal_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "occupations_isco_idx" ON "occupations" USING btree ("isco_group");--> statement-breakpoint
CREATE INDEX "offers_proposal_idx" ON "offers" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_kvk_unique" ON "organisations" USING btree ("kvk_number");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "password_resets_token_unique" ON "password_resets" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_offer_unique" ON "placements" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "placements_job_coach_idx" ON "placements" USING btree ("job_coach_user_id");--> statement-breakpoint
CREATE INDEX "placements_employer_idx" ON "placements" USING btree ("employer_organisation_id");--> statement-breakpoint
CREATE INDEX "profile_views_candidate_idx" ON "profile_views" USING btree ("candidate_id","viewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_candidate_vacancy_unique" ON "proposals" USING btree ("candidate_id","vacancy_id");--> statement-breakpoint
CREATE INDEX "proposals_vacancy_idx" ON "proposals" USING btree ("vacancy_id");--> statement-breakpoint
CREATE INDEX "search_outbox_due_idx" ON "search_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "vacancies_org_idx" ON "vacancies" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "vacancies_status_idx" ON "vacancies" USING btree ("status");
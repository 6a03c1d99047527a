CREATE TABLE "shared_vacancies" (
	"candidate_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"shared_by_user_id" uuid,
	"note" text,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_vacancies_candidate_id_vacancy_id_pk" PRIMARY KEY("candidate_id","vacancy_id")
);
--> statement-breakpoint
ALTER TABLE "shared_vacancies" ADD CONSTRAINT "shared_vacancies_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_vacancies" ADD CONSTRAINT "shared_vacancies_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_vacancies" ADD CONSTRAINT "shared_vacancies_shared_by_user_id_users_id_fk" FOREIGN KEY ("shared_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
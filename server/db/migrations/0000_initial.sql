CREATE SEQUENCE "public"."audit_event_serial" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text COLLATE "C" NOT NULL,
	"action" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" text COLLATE "C" NOT NULL,
	"changes" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dictionary_entries" (
	"kind" text NOT NULL,
	"code" text COLLATE "C" NOT NULL,
	"position" integer NOT NULL,
	"entry" json NOT NULL,
	CONSTRAINT "dictionary_entries_kind_code_pk" PRIMARY KEY("kind","code")
);
--> statement-breakpoint
CREATE TABLE "intake_records" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"doc" json NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"stage_rank" smallint NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"channel_code" text COLLATE "C" NOT NULL,
	"event_code" text COLLATE "C",
	"tier_code" text COLLATE "C" NOT NULL,
	"industry_code" text COLLATE "C" NOT NULL,
	"town_code" text COLLATE "C" NOT NULL,
	"officer_id" text COLLATE "C" NOT NULL,
	"officer_name" text COLLATE "C" NOT NULL,
	"investment" numeric,
	"lead_on" date NOT NULL,
	"signed_on" date,
	"landed_on" date,
	"updated_at" text COLLATE "C" NOT NULL,
	"search" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_targets" (
	"year" integer NOT NULL,
	"channel_code" text COLLATE "C" NOT NULL,
	"target" integer NOT NULL,
	CONSTRAINT "intake_targets_year_channel_code_pk" PRIMARY KEY("year","channel_code")
);
--> statement-breakpoint
CREATE TABLE "policy_patches" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"doc" json NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"status_rank" smallint NOT NULL,
	"policy_code" text COLLATE "C" NOT NULL,
	"lead_department_code" text COLLATE "C" NOT NULL,
	"title" text COLLATE "C" NOT NULL,
	"demand_case_ids" text[] NOT NULL,
	"collected_at" text COLLATE "C" NOT NULL,
	"issued_at" text COLLATE "C",
	"updated_at" text COLLATE "C" NOT NULL,
	"beneficiaries" integer,
	"funds_disbursed" numeric,
	"search" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"resource" text NOT NULL,
	"name" text COLLATE "C" NOT NULL,
	"search" text NOT NULL,
	"shared" boolean NOT NULL,
	"owner_id" text COLLATE "C" NOT NULL,
	"owner_name" text NOT NULL,
	"created_at" text NOT NULL,
	CONSTRAINT "saved_views_owner_resource_name" UNIQUE("owner_id","resource","name")
);
--> statement-breakpoint
CREATE TABLE "service_cases" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"doc" json NOT NULL,
	"version" integer NOT NULL,
	"month_id" text COLLATE "C" NOT NULL,
	"status" text COLLATE "C" NOT NULL,
	"priority_rank" smallint NOT NULL,
	"priority" text NOT NULL,
	"category_code" text COLLATE "C" NOT NULL,
	"department_code" text COLLATE "C",
	"assignee_id" text COLLATE "C",
	"received_at" text COLLATE "C" NOT NULL,
	"due_at" text COLLATE "C" NOT NULL,
	"closed_at" text COLLATE "C",
	"supervision_due_at" text COLLATE "C",
	"follow_up_satisfaction" text,
	"updated_at" text COLLATE "C" NOT NULL,
	"search" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_months" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"doc" json NOT NULL,
	"year" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"doc" json NOT NULL,
	"month_id" text COLLATE "C" NOT NULL,
	"on" date NOT NULL,
	"department_code" text COLLATE "C" NOT NULL,
	"participants" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text COLLATE "C" NOT NULL,
	"created_at" text NOT NULL,
	"expires_at" text NOT NULL,
	"last_seen_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text COLLATE "C" PRIMARY KEY NOT NULL,
	"username" text COLLATE "C" NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"department_code" text COLLATE "C" NOT NULL,
	"active" boolean NOT NULL,
	"version" integer NOT NULL,
	"password_hash" text,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_events" USING btree ("at","id");--> statement-breakpoint
CREATE INDEX "intake_lead_on" ON "intake_records" USING btree ("lead_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "intake_signed_on" ON "intake_records" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "intake_landed_on" ON "intake_records" USING btree ("landed_on");--> statement-breakpoint
CREATE INDEX "intake_channel" ON "intake_records" USING btree ("channel_code");--> statement-breakpoint
CREATE INDEX "intake_stage" ON "intake_records" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "intake_officer" ON "intake_records" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "saved_views_resource" ON "saved_views" USING btree ("resource");--> statement-breakpoint
CREATE INDEX "cases_due_at" ON "service_cases" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "cases_month" ON "service_cases" USING btree ("month_id");--> statement-breakpoint
CREATE INDEX "cases_department" ON "service_cases" USING btree ("department_code");--> statement-breakpoint
CREATE INDEX "cases_status" ON "service_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "service_records_month" ON "service_records" USING btree ("month_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_department_username" ON "users" USING btree ("department_code","username");
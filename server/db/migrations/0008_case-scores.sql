CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"doc" json NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "score_facts" jsonb;--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "answered_at" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "follow_up_at" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "first_dispatch_at" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "last_dispatch_at" text COLLATE "C";--> statement-breakpoint
-- Cases stored before: their score facts as `scoreFactsOf` writes them, from the case itself.
UPDATE "service_cases" SET
    "score_facts" = jsonb_build_object(
      'status', "doc"->'status',
      'departmentCode', "doc"->'departmentCode',
      'dispatches', coalesce((SELECT jsonb_agg(jsonb_build_object(
          'departmentCode', d->'departmentCode',
          'at', d->'at',
          'signDueAt', d->'signDueAt',
          'signedAt', d->'signedAt',
          'returnedAt', coalesce(d->'returned'->'at', 'null'::json),
          'returnDecision', coalesce(d->'returned'->'decision', 'null'::json)))
        FROM json_array_elements("doc"->'dispatches') AS d), '[]'::jsonb),
      'signedAt', "doc"->'signedAt',
      'answeredAt', "doc"->'answeredAt',
      'dueAt', "doc"->'dueAt',
      'closedAt', "doc"->'closedAt',
      'round', ("doc"->>'round')::int,
      'followUp', CASE WHEN json_typeof("doc"->'followUp') = 'object' THEN jsonb_build_object(
          'at', "doc"->'followUp'->'at',
          'satisfaction', "doc"->'followUp'->'satisfaction',
          'attributable', coalesce(("doc"->'followUp'->>'attributable')::boolean, false)) ELSE 'null'::jsonb END,
      'handlingWorkingDays', coalesce("doc"->'handlingWorkingDays', 'null'::json)),
    "answered_at" = "doc"->>'answeredAt',
    "follow_up_at" = "doc"->'followUp'->>'at',
    "first_dispatch_at" = "doc"->'dispatches'->0->>'at',
    "last_dispatch_at" = "doc"->'dispatches'->(json_array_length("doc"->'dispatches') - 1)->>'at';--> statement-breakpoint
ALTER TABLE "service_cases" ALTER COLUMN "score_facts" SET NOT NULL;

ALTER TABLE "service_cases" ADD COLUMN "lapse_noticed_due_ats" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- The deadlines each stored case's written notices (催办通知书) were for.
UPDATE "service_cases" SET "lapse_noticed_due_ats" = coalesce((
  SELECT array_agg(n->>'lapsedDueAt') FROM json_array_elements("doc"->'notices') AS n
  WHERE n->>'kind' = 'lapseNotice' AND n->>'lapsedDueAt' IS NOT NULL
), '{}');

ALTER TABLE "service_cases" ADD COLUMN "stage_due_at" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "extension_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "service_cases" ALTER COLUMN "extension_pending" DROP DEFAULT;--> statement-breakpoint
-- Cases stored under the first workflow take the hotline lifecycle's statuses: assigned and
-- reopened are in hand (reopened in its second round), closed without a visit awaits it. Their
-- past dispatches are not known: the lists start empty, and what they await is due by the old
-- due time (the office's own stages, acceptance and the visit, carry no deadline for them).
UPDATE "service_cases" SET "doc" = ((("doc"::jsonb) || jsonb_build_object(
    'status', CASE "status"
      WHEN 'assigned' THEN 'inProgress'
      WHEN 'reopened' THEN 'inProgress'
      WHEN 'closed' THEN CASE WHEN "doc"->'followUp' IS NULL OR json_typeof("doc"->'followUp') = 'null'
        THEN 'visiting' ELSE 'closed' END
      ELSE "status" END,
    'closedAt', CASE WHEN "status" = 'closed' AND (json_typeof("doc"->'followUp') = 'object')
      THEN "doc"->'closedAt' ELSE 'null'::json END,
    'stageDueAt', CASE WHEN "status" IN ('new', 'assigned', 'reopened') THEN to_jsonb("due_at") ELSE 'null'::jsonb END,
    'round', CASE WHEN "status" = 'reopened' THEN 2 ELSE 1 END,
    'dispatches', '[]'::jsonb,
    'signedAt', 'null'::jsonb,
    'extensions', '[]'::jsonb,
    'suspensions', '[]'::jsonb,
    'notices', '[]'::jsonb,
    'sentBack', 'null'::jsonb,
    'followUp', CASE WHEN json_typeof("doc"->'followUp') = 'object'
      THEN ("doc"->'followUp')::jsonb || '{"attributable": false}'::jsonb ELSE 'null'::jsonb END
  )))::json
  WHERE "doc"->'round' IS NULL;--> statement-breakpoint
UPDATE "service_cases" SET
    "status" = "doc"->>'status',
    "closed_at" = "doc"->>'closedAt',
    "stage_due_at" = "doc"->>'stageDueAt',
    "resolution_seconds" = CASE WHEN "doc"->>'closedAt' IS NULL THEN NULL ELSE "resolution_seconds" END;--> statement-breakpoint
-- Saved case views that filtered by a status no longer there filter by the one it became.
UPDATE "saved_views" SET "search" = replace(replace("search", 'status=assigned', 'status=inProgress'), 'status=reopened', 'status=inProgress')
  WHERE "resource" = 'serviceCases' AND ("search" LIKE '%status=assigned%' OR "search" LIKE '%status=reopened%');--> statement-breakpoint
CREATE INDEX "cases_stage_due_at" ON "service_cases" USING btree ("stage_due_at","id");

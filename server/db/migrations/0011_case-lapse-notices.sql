ALTER TABLE "service_cases" ADD COLUMN "lapse_noticed_due_ats" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- The deadlines each stored case's written notices (催办通知书) were for.
UPDATE "service_cases" SET "lapse_noticed_due_ats" = coalesce((
  SELECT array_agg(n->>'lapsedDueAt') FROM json_array_elements("doc"->'notices') AS n
  WHERE n->>'kind' = 'lapseNotice' AND n->>'lapsedDueAt' IS NOT NULL
), '{}');
--> statement-breakpoint
-- Stored cases gain what the contract now holds: who accepted the answer (unknown before: null),
-- and each 协办 request's withdrawal (none).
UPDATE "service_cases" SET "doc" = jsonb_set(
  '{"accepted": null}'::jsonb || "doc"::jsonb,
  '{assists}',
  (SELECT coalesce(jsonb_agg('{"withdrawnAt": null}'::jsonb || a ORDER BY i), '[]'::jsonb)
    FROM jsonb_array_elements("doc"::jsonb->'assists') WITH ORDINALITY AS x(a, i))
)::json;

ALTER TABLE "policy_patches" DROP COLUMN "beneficiaries";--> statement-breakpoint
ALTER TABLE "policy_patches" DROP COLUMN "funds_disbursed";--> statement-breakpoint
-- Patches stored before: the effect of one assessment becomes its month's entry, and the new
-- fields get their empty values (the text of these rows is rewritten, its keys reordered once).
UPDATE "policy_patches" SET "doc" = ((("doc"::jsonb) - 'effect') || jsonb_build_object(
    'amendment', coalesce("doc"->>'amendment', ''),
    'demandCount', cardinality("demand_case_ids"),
    'effects', CASE WHEN json_typeof("doc"->'effect') = 'object' THEN jsonb_build_array(jsonb_build_object(
        'month', left("doc"->'effect'->>'assessedOn', 7),
        'beneficiaries', ("doc"->'effect'->>'beneficiaries')::int,
        'fundsDisbursed', ("doc"->'effect'->>'fundsDisbursed')::numeric)) ELSE '[]'::jsonb END))::json
  WHERE "doc"->'effects' IS NULL;

ALTER TABLE "service_cases" ADD COLUMN "assist_department_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "open_assist_department_codes" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "merged_into" text COLLATE "C";--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "commonality" text;--> statement-breakpoint
ALTER TABLE "service_cases" ADD COLUMN "linked_patch_id" text COLLATE "C";--> statement-breakpoint
CREATE INDEX "cases_assist_departments" ON "service_cases" USING gin ("assist_department_codes");--> statement-breakpoint
CREATE INDEX "cases_merged_into" ON "service_cases" USING btree ("merged_into") WHERE "service_cases"."merged_into" is not null;--> statement-breakpoint
-- Cases stored before 协办, 并单 and 共性/个性 have none of them; the patch a case is behind moves
-- into a column of its own (the 共性 pool is the tagged cases without one).
UPDATE "service_cases" SET
  "doc" = ('{"assists": [], "mergedInto": null, "commonality": null}'::jsonb || "doc"::jsonb)::json,
  "linked_patch_id" = "doc"->>'linkedPatchId';

ALTER TABLE "service_cases" ADD COLUMN "resolution_seconds" integer;--> statement-breakpoint
-- Derived from the record like the other columns; cases closed before this migration get theirs here.
UPDATE "service_cases"
  SET "resolution_seconds" = round(extract(epoch from "closed_at"::timestamptz) - extract(epoch from "received_at"::timestamptz))
  WHERE "closed_at" IS NOT NULL;

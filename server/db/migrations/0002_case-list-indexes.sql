DROP INDEX "cases_month";--> statement-breakpoint
DROP INDEX "cases_department";--> statement-breakpoint
CREATE INDEX "cases_open_due_at" ON "service_cases" USING btree ("due_at","id") WHERE "service_cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_month_due_at" ON "service_cases" USING btree ("month_id","due_at","id");--> statement-breakpoint
CREATE INDEX "cases_department_due_at" ON "service_cases" USING btree ("department_code","due_at","id");
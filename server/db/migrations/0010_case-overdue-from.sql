ALTER TABLE "service_cases" ADD COLUMN "overdue_from" text COLLATE "C" GENERATED ALWAYS AS (least("service_cases"."stage_due_at", "service_cases"."supervision_due_at")) STORED;--> statement-breakpoint
CREATE INDEX "cases_open_overdue_from" ON "service_cases" USING btree ("overdue_from") WHERE "service_cases"."status" <> 'closed';--> statement-breakpoint
-- An answer sent back (退回) or redone (重办) no longer stands: the scores count such a case as
-- unanswered, and late once its deadline passes, until it answers again (standingAnswerAt).
UPDATE "service_cases" SET
  "answered_at" = NULL,
  "score_facts" = jsonb_set("score_facts", '{answeredAt}', 'null'::jsonb)
WHERE "status" NOT IN ('answered', 'visiting', 'closed') AND "answered_at" IS NOT NULL;
--> statement-breakpoint
-- A dispatch sent on (改派) before it was signed or returned is no one's late sign-off: each
-- dispatch's facts say when the next one replaced it (scoreFactsOf).
UPDATE "service_cases" SET "score_facts" = jsonb_set("score_facts", '{dispatches}', (
  SELECT coalesce(jsonb_agg(d.e || jsonb_build_object('replacedAt',
    CASE WHEN d.e->>'signedAt' IS NULL AND d.e->>'returnedAt' IS NULL
      THEN "score_facts"->'dispatches'->(d.i::int)->'at' END) ORDER BY d.i), '[]'::jsonb)
  FROM jsonb_array_elements("score_facts"->'dispatches') WITH ORDINALITY AS d(e, i)
));

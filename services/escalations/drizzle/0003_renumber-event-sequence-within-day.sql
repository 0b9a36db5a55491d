-- Events recorded so far numbered `sequence` across the whole escalation; from now on it numbers the
-- events of one day (1, 2, … in the order recorded), as escalation_events.csv does, so that an
-- imported file names the same event by (date, sequence) in every year.
-- The migrating owner is itself under FORCE ROW LEVEL SECURITY (it would see no council's rows):
-- lift FORCE for the renumbering only, inside this migration's transaction.
ALTER TABLE "escalations"."escalation_events" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Two steps, so that no intermediate number meets another row's under the primary key: first above
-- every number in use, then each day's events from 1 in their recorded order.
UPDATE "escalations"."escalation_events"
SET "sequence" = "sequence" + (SELECT coalesce(max("sequence"), 0) FROM "escalations"."escalation_events");
--> statement-breakpoint
UPDATE "escalations"."escalation_events" AS e
SET "sequence" = n.within_day
FROM (
  SELECT "tenant_id", "escalation_id", "event_date", "sequence",
         row_number() OVER (PARTITION BY "tenant_id", "escalation_id", "event_date" ORDER BY "sequence") AS within_day
  FROM "escalations"."escalation_events"
) AS n
WHERE e."tenant_id" = n."tenant_id" AND e."escalation_id" = n."escalation_id"
  AND e."event_date" = n."event_date" AND e."sequence" = n."sequence";
--> statement-breakpoint
ALTER TABLE "escalations"."escalation_events" FORCE ROW LEVEL SECURITY;

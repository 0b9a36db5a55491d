-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policy apply to the table owner too. 0001's default privileges already grant the
-- service role these new tables; the explicit grants say so where the tables are made.
ALTER TABLE "children"."health_outcomes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."postcode_sectors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."population" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."comparators" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."local_policy" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "children"."health_outcomes", "children"."postcode_sectors", "children"."population", "children"."comparators", "children"."local_policy" TO footprint_children;

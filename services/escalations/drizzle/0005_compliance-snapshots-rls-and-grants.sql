-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policy apply to the table owner too. 0001's default privileges already grant the
-- service role this new table; the explicit grant says so where the table is made.
ALTER TABLE "escalations"."compliance_snapshots" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "escalations"."compliance_snapshots" TO footprint_escalations;

-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policies apply to the table owner too; the service role is granted only this schema.
ALTER TABLE "advocacy"."providers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "advocacy"."commissions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "advocacy"."involvements" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "advocacy"."independent_visitors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "advocacy"."audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "advocacy" TO footprint_advocacy;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "advocacy" TO footprint_advocacy;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "advocacy" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO footprint_advocacy;
--> statement-breakpoint
-- Providers are shared by every council: the service may read and add them, never change or remove one.
REVOKE UPDATE, DELETE ON "advocacy"."providers" FROM footprint_advocacy;
--> statement-breakpoint
-- The audit trail is append-only for the service.
REVOKE UPDATE, DELETE ON "advocacy"."audit_events" FROM footprint_advocacy;

-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policies apply to the table owner too; the service role is granted only this schema.
ALTER TABLE "children"."children" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."episodes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."staff" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."allocations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."caseload_snapshots" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "children" TO footprint_children;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "children" TO footprint_children;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "children" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO footprint_children;
--> statement-breakpoint
-- The audit trail is append-only for the service.
REVOKE UPDATE, DELETE ON "children"."audit_events" FROM footprint_children;

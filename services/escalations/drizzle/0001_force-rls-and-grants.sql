-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policies apply to the table owner too; the service role is granted only this schema.
ALTER TABLE "escalations"."stages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "escalations"."themes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "escalations"."escalations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "escalations"."escalation_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "escalations"."audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "escalations" TO footprint_escalations;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "escalations" TO footprint_escalations;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "escalations" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO footprint_escalations;
--> statement-breakpoint
-- The audit trail is append-only for the service.
REVOKE UPDATE, DELETE ON "escalations"."audit_events" FROM footprint_escalations;

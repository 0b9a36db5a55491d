-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policies apply to the table owner too; the service role is granted only this schema.
ALTER TABLE "foster_carer_reviews"."households" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "foster_carer_reviews"."reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "foster_carer_reviews"."audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "foster_carer_reviews" TO footprint_foster_carer_reviews;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "foster_carer_reviews" TO footprint_foster_carer_reviews;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "foster_carer_reviews" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO footprint_foster_carer_reviews;
--> statement-breakpoint
-- The audit trail is append-only for the service.
REVOKE UPDATE, DELETE ON "foster_carer_reviews"."audit_events" FROM footprint_foster_carer_reviews;

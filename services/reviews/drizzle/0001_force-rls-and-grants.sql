-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants.
-- FORCE makes the policies apply to the table owner too; the service role is granted only this schema.
ALTER TABLE "reviews"."reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews"."midway_reviews" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews"."recommendations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews"."audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT USAGE ON SCHEMA "reviews" TO footprint_reviews;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "reviews" TO footprint_reviews;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "reviews" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO footprint_reviews;
--> statement-breakpoint
-- The audit trail is append-only for the service.
REVOKE UPDATE, DELETE ON "reviews"."audit_events" FROM footprint_reviews;

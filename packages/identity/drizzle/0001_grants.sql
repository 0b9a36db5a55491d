-- drizzle-kit cannot express grants: the identity role reads and writes only this schema.
GRANT USAGE ON SCHEMA "identity" TO footprint_identity;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "identity" TO footprint_identity;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA "identity" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO footprint_identity;

-- drizzle-kit cannot express FORCE ROW LEVEL SECURITY or grants: the tables added for the import
-- (consultations, feedback, audits) get what 0001 gave the first ones.
-- FORCE makes the policies apply to the table owner too; the service role is granted only this schema.
ALTER TABLE "reviews"."consultations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews"."feedback" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reviews"."audits" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- 0001's default privileges already cover tables the owner creates later; granting by name keeps
-- these grants true wherever the migrations ran as another role.
GRANT USAGE ON SCHEMA "reviews" TO footprint_reviews;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "reviews"."consultations", "reviews"."feedback", "reviews"."audits" TO footprint_reviews;

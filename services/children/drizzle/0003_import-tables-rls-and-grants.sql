-- FORCE row-level security on the tables added for imports; grants follow from 0001's default privileges.
ALTER TABLE "children"."uasc" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."missing_spells" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "children"."import_runs" FORCE ROW LEVEL SECURITY;

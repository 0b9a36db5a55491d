CREATE SCHEMA "advocacy";
--> statement-breakpoint
CREATE TABLE "advocacy"."audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"request_id" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_ids" text[] NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "advocacy"."audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "advocacy"."commissions" (
	"tenant_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"from_date" date NOT NULL,
	CONSTRAINT "commissions_tenant_id_provider_id_pk" PRIMARY KEY("tenant_id","provider_id")
);
--> statement-breakpoint
ALTER TABLE "advocacy"."commissions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "advocacy"."independent_visitors" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "independent_visitors_tenant_id_child_id_start_date_pk" PRIMARY KEY("tenant_id","child_id","start_date"),
	CONSTRAINT "independent_visitors_end_not_before_start" CHECK ("advocacy"."independent_visitors"."end_date" is null or "advocacy"."independent_visitors"."start_date" <= "advocacy"."independent_visitors"."end_date")
);
--> statement-breakpoint
ALTER TABLE "advocacy"."independent_visitors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "advocacy"."involvements" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"child_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"referral_date" date NOT NULL,
	"source" text NOT NULL,
	"reasons" text[] NOT NULL,
	"start_date" date,
	"end_date" date,
	"outcome" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "involvements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "involvements_reasons_given" CHECK (cardinality("advocacy"."involvements"."reasons") > 0),
	CONSTRAINT "involvements_end_not_before_start" CHECK ("advocacy"."involvements"."end_date" is null or "advocacy"."involvements"."start_date" <= "advocacy"."involvements"."end_date")
);
--> statement-breakpoint
ALTER TABLE "advocacy"."involvements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "advocacy"."providers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advocacy"."providers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "advocacy"."commissions" ADD CONSTRAINT "commissions_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "advocacy"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advocacy"."involvements" ADD CONSTRAINT "involvements_tenant_id_provider_id_commissions_tenant_id_provider_id_fk" FOREIGN KEY ("tenant_id","provider_id") REFERENCES "advocacy"."commissions"("tenant_id","provider_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_tenant_id_at_index" ON "advocacy"."audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "involvements_tenant_id_child_id_index" ON "advocacy"."involvements" USING btree ("tenant_id","child_id");--> statement-breakpoint
CREATE INDEX "involvements_tenant_id_provider_id_referral_date_index" ON "advocacy"."involvements" USING btree ("tenant_id","provider_id","referral_date");--> statement-breakpoint
CREATE INDEX "involvements_tenant_id_referral_date_index" ON "advocacy"."involvements" USING btree ("tenant_id","referral_date");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "advocacy"."audit_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_and_provider_isolation" ON "advocacy"."commissions" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true)) and (coalesce((select current_setting('app.provider_id', true)), '') = '' or provider_id = (select current_setting('app.provider_id', true)))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)) and (coalesce((select current_setting('app.provider_id', true)), '') = '' or provider_id = (select current_setting('app.provider_id', true))));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "advocacy"."independent_visitors" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_and_provider_isolation" ON "advocacy"."involvements" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true)) and (coalesce((select current_setting('app.provider_id', true)), '') = '' or provider_id = (select current_setting('app.provider_id', true)))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)) and (coalesce((select current_setting('app.provider_id', true)), '') = '' or provider_id = (select current_setting('app.provider_id', true))));--> statement-breakpoint
CREATE POLICY "providers_readable" ON "advocacy"."providers" AS PERMISSIVE FOR SELECT TO public USING (true);--> statement-breakpoint
CREATE POLICY "providers_creatable" ON "advocacy"."providers" AS PERMISSIVE FOR INSERT TO public WITH CHECK (true);
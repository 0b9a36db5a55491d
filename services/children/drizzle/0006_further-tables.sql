CREATE TABLE "children"."comparators" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"area" text NOT NULL,
	"measure" text NOT NULL,
	"value" double precision,
	"symbol" text,
	CONSTRAINT "comparators_tenant_id_year_area_measure_pk" PRIMARY KEY("tenant_id","year","area","measure")
);
--> statement-breakpoint
ALTER TABLE "children"."comparators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."health_outcomes" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"child_id" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sdq_score" integer,
	"sdq_reason" text,
	"convicted" boolean,
	"health_check" boolean,
	"immunisations" boolean,
	"teeth_check" boolean,
	"health_assessment" boolean,
	"substance_misuse" boolean,
	"intervention_received" boolean,
	"intervention_offered" boolean,
	CONSTRAINT "health_outcomes_tenant_id_year_child_id_pk" PRIMARY KEY("tenant_id","year","child_id")
);
--> statement-breakpoint
ALTER TABLE "children"."health_outcomes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."local_policy" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"effective" date NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "local_policy_tenant_id_key_effective_pk" PRIMARY KEY("tenant_id","key","effective")
);
--> statement-breakpoint
ALTER TABLE "children"."local_policy" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."population" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	CONSTRAINT "population_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
ALTER TABLE "children"."population" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."postcode_sectors" (
	"tenant_id" text NOT NULL,
	"sector" text NOT NULL,
	"label" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	CONSTRAINT "postcode_sectors_tenant_id_sector_pk" PRIMARY KEY("tenant_id","sector")
);
--> statement-breakpoint
ALTER TABLE "children"."postcode_sectors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."comparators" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."health_outcomes" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."local_policy" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."population" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."postcode_sectors" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
CREATE SCHEMA "foster_carer_reviews";
--> statement-breakpoint
CREATE TABLE "foster_carer_reviews"."audit_events" (
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
ALTER TABLE "foster_carer_reviews"."audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "foster_carer_reviews"."households" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text,
	"type" text NOT NULL,
	"approved_on" date NOT NULL,
	"ended_on" date,
	"fcro_id" text,
	CONSTRAINT "households_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "households_type_check" CHECK ("foster_carer_reviews"."households"."type" in ('mainstream', 'connected_person')),
	CONSTRAINT "households_ended_after_approval" CHECK ("foster_carer_reviews"."households"."ended_on" is null or "foster_carer_reviews"."households"."ended_on" >= "foster_carer_reviews"."households"."approved_on")
);
--> statement-breakpoint
ALTER TABLE "foster_carer_reviews"."households" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "foster_carer_reviews"."reviews" (
	"tenant_id" text NOT NULL,
	"household_id" text NOT NULL,
	"review_date" date NOT NULL,
	"outcome" text NOT NULL,
	"fcro_id" text,
	"notes" text,
	CONSTRAINT "reviews_tenant_id_household_id_review_date_pk" PRIMARY KEY("tenant_id","household_id","review_date"),
	CONSTRAINT "reviews_outcome_check" CHECK ("foster_carer_reviews"."reviews"."outcome" in ('continued', 'terms_changed', 'ended', 'resigned'))
);
--> statement-breakpoint
ALTER TABLE "foster_carer_reviews"."reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "foster_carer_reviews"."reviews" ADD CONSTRAINT "reviews_tenant_id_household_id_households_tenant_id_id_fk" FOREIGN KEY ("tenant_id","household_id") REFERENCES "foster_carer_reviews"."households"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_tenant_id_at_index" ON "foster_carer_reviews"."audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "households_tenant_id_fcro_id_index" ON "foster_carer_reviews"."households" USING btree ("tenant_id","fcro_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "foster_carer_reviews"."audit_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "foster_carer_reviews"."households" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "foster_carer_reviews"."reviews" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
CREATE SCHEMA "reviews";
--> statement-breakpoint
CREATE TABLE "reviews"."audit_events" (
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
ALTER TABLE "reviews"."audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews"."midway_reviews" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"midway_date" date NOT NULL,
	"iro_id" text,
	CONSTRAINT "midway_reviews_tenant_id_child_id_midway_date_pk" PRIMARY KEY("tenant_id","child_id","midway_date")
);
--> statement-breakpoint
ALTER TABLE "reviews"."midway_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews"."recommendations" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"review_date" date NOT NULL,
	"sequence" integer NOT NULL,
	"recommendation" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"completed_on" date,
	CONSTRAINT "recommendations_tenant_id_child_id_review_date_sequence_pk" PRIMARY KEY("tenant_id","child_id","review_date","sequence"),
	CONSTRAINT "recommendations_sequence_positive" CHECK ("reviews"."recommendations"."sequence" >= 1),
	CONSTRAINT "recommendations_owner_code" CHECK ("reviews"."recommendations"."owner" in ('social_worker','team_manager','carer','iro','other'))
);
--> statement-breakpoint
ALTER TABLE "reviews"."recommendations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews"."reviews" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"review_date" date NOT NULL,
	"sequence" integer NOT NULL,
	"participation" text,
	"iro_id" text,
	"format" text,
	"chaired_by_child" text,
	"late_reason" text,
	"outcomes_issued" date,
	"record_completed" date,
	"record_distributed" date,
	CONSTRAINT "reviews_tenant_id_child_id_review_date_sequence_pk" PRIMARY KEY("tenant_id","child_id","review_date","sequence"),
	CONSTRAINT "reviews_sequence_positive" CHECK ("reviews"."reviews"."sequence" >= 1),
	CONSTRAINT "reviews_participation_code" CHECK ("reviews"."reviews"."participation" in ('PN0','PN1','PN2','PN3','PN4','PN5','PN6','PN7')),
	CONSTRAINT "reviews_format_code" CHECK ("reviews"."reviews"."format" in ('in_person','virtual','hybrid')),
	CONSTRAINT "reviews_chaired_by_child_code" CHECK ("reviews"."reviews"."chaired_by_child" in ('no','chair','co_chair'))
);
--> statement-breakpoint
ALTER TABLE "reviews"."reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "audit_events_tenant_id_at_index" ON "reviews"."audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "reviews_tenant_id_review_date_index" ON "reviews"."reviews" USING btree ("tenant_id","review_date");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."audit_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."midway_reviews" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."recommendations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."reviews" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
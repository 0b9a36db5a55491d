CREATE TABLE "reviews"."audits" (
	"tenant_id" text NOT NULL,
	"audit_id" text NOT NULL,
	"child_id" text NOT NULL,
	"audit_date" date NOT NULL,
	"auditor_id" text,
	"grade" text,
	CONSTRAINT "audits_tenant_id_audit_id_pk" PRIMARY KEY("tenant_id","audit_id"),
	CONSTRAINT "audits_grade_code" CHECK ("reviews"."audits"."grade" in ('outstanding','good','requires_improvement','inadequate'))
);
--> statement-breakpoint
ALTER TABLE "reviews"."audits" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews"."consultations" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"respondent" text NOT NULL,
	"received_on" date NOT NULL,
	"sequence" integer NOT NULL,
	"review_date" date,
	CONSTRAINT "consultations_tenant_id_child_id_respondent_received_on_sequence_pk" PRIMARY KEY("tenant_id","child_id","respondent","received_on","sequence"),
	CONSTRAINT "consultations_sequence_positive" CHECK ("reviews"."consultations"."sequence" >= 1),
	CONSTRAINT "consultations_respondent_code" CHECK ("reviews"."consultations"."respondent" in ('child','carer','parent'))
);
--> statement-breakpoint
ALTER TABLE "reviews"."consultations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "reviews"."feedback" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"review_date" date NOT NULL,
	"question" text NOT NULL,
	"answer" text NOT NULL,
	CONSTRAINT "feedback_tenant_id_child_id_review_date_question_pk" PRIMARY KEY("tenant_id","child_id","review_date","question")
);
--> statement-breakpoint
ALTER TABLE "reviews"."feedback" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "reviews"."recommendations" ALTER COLUMN "owner" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "audits_tenant_id_audit_date_index" ON "reviews"."audits" USING btree ("tenant_id","audit_date");--> statement-breakpoint
CREATE INDEX "consultations_tenant_id_received_on_index" ON "reviews"."consultations" USING btree ("tenant_id","received_on");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."audits" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."consultations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "reviews"."feedback" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
CREATE SCHEMA "escalations";
--> statement-breakpoint
CREATE TABLE "escalations"."audit_events" (
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
ALTER TABLE "escalations"."audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "escalations"."escalation_events" (
	"tenant_id" text NOT NULL,
	"escalation_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"event_date" date NOT NULL,
	"event" text NOT NULL,
	"stage" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_events_tenant_id_escalation_id_sequence_pk" PRIMARY KEY("tenant_id","escalation_id","sequence"),
	CONSTRAINT "escalation_events_event_kind" CHECK ("escalations"."escalation_events"."event" in ('raised', 'escalated', 'resolved', 'withdrawn', 'referred_to_cafcass'))
);
--> statement-breakpoint
ALTER TABLE "escalations"."escalation_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "escalations"."escalations" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"child_id" text NOT NULL,
	"iro_id" text NOT NULL,
	"raised_on" date NOT NULL,
	"themes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "escalations"."escalations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "escalations"."stages" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"goes_to" text NOT NULL,
	"responds_within_working_days" integer NOT NULL,
	"formal" boolean DEFAULT true NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "stages_tenant_id_key_pk" PRIMARY KEY("tenant_id","key"),
	CONSTRAINT "stages_tenant_id_position_unique" UNIQUE("tenant_id","position"),
	CONSTRAINT "stages_responds_within_positive" CHECK ("escalations"."stages"."responds_within_working_days" > 0)
);
--> statement-breakpoint
ALTER TABLE "escalations"."stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "escalations"."themes" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	CONSTRAINT "themes_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "escalations"."themes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "escalations"."escalation_events" ADD CONSTRAINT "escalation_events_tenant_id_escalation_id_escalations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","escalation_id") REFERENCES "escalations"."escalations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_tenant_id_at_index" ON "escalations"."audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE INDEX "escalations_tenant_id_child_id_index" ON "escalations"."escalations" USING btree ("tenant_id","child_id");--> statement-breakpoint
CREATE INDEX "escalations_tenant_id_iro_id_index" ON "escalations"."escalations" USING btree ("tenant_id","iro_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "escalations"."audit_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "escalations"."escalation_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "escalations"."escalations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "escalations"."stages" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "escalations"."themes" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
CREATE SCHEMA "children";
--> statement-breakpoint
CREATE TABLE "children"."allocations" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"iro_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "allocations_tenant_id_child_id_start_date_pk" PRIMARY KEY("tenant_id","child_id","start_date")
);
--> statement-breakpoint
ALTER TABLE "children"."allocations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."audit_events" (
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
ALTER TABLE "children"."audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."caseload_snapshots" (
	"tenant_id" text NOT NULL,
	"snapshot_date" date NOT NULL,
	"iro_id" text NOT NULL,
	"children" integer NOT NULL,
	"fte" numeric(4, 2) NOT NULL,
	"per_fte" numeric(6, 1) NOT NULL,
	"over_capacity" boolean NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "caseload_snapshots_tenant_id_snapshot_date_iro_id_pk" PRIMARY KEY("tenant_id","snapshot_date","iro_id")
);
--> statement-breakpoint
ALTER TABLE "children"."caseload_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."children" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"given_name" text,
	"family_name" text,
	"sex" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"ethnicity" text NOT NULL,
	"upn" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "children_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "children"."children" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."episodes" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"start_date" date NOT NULL,
	"reason_new_episode" text NOT NULL,
	"legal_status" text NOT NULL,
	"category_of_need" text,
	"placement" text NOT NULL,
	"placement_provider" text,
	"end_date" date,
	"reason_ended" text,
	"reason_place_change" text,
	"home_postcode" text,
	"placement_postcode" text,
	"urn" text,
	CONSTRAINT "episodes_tenant_id_child_id_start_date_pk" PRIMARY KEY("tenant_id","child_id","start_date")
);
--> statement-breakpoint
ALTER TABLE "children"."episodes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."staff" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"fte" numeric(4, 2) NOT NULL,
	"employment" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"ethnicity" text,
	"sex" text,
	CONSTRAINT "staff_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "children"."staff" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "allocations_tenant_id_iro_id_index" ON "children"."allocations" USING btree ("tenant_id","iro_id");--> statement-breakpoint
CREATE INDEX "audit_events_tenant_id_at_index" ON "children"."audit_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."allocations" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."audit_events" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."caseload_snapshots" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."children" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."episodes" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."staff" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
CREATE TABLE "children"."import_runs" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"files" jsonb NOT NULL,
	"counts" jsonb,
	"services_written" text[] DEFAULT '{}' NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb,
	"error" text,
	CONSTRAINT "import_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "children"."import_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."missing_spells" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"kind" text,
	CONSTRAINT "missing_spells_tenant_id_child_id_start_date_pk" PRIMARY KEY("tenant_id","child_id","start_date")
);
--> statement-breakpoint
ALTER TABLE "children"."missing_spells" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "children"."uasc" (
	"tenant_id" text NOT NULL,
	"child_id" text NOT NULL,
	"uasc_ceased" date,
	CONSTRAINT "uasc_tenant_id_child_id_pk" PRIMARY KEY("tenant_id","child_id")
);
--> statement-breakpoint
ALTER TABLE "children"."uasc" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "children"."children" ALTER COLUMN "ethnicity" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "children"."children" ADD COLUMN "mother" boolean;--> statement-breakpoint
ALTER TABLE "children"."children" ADD COLUMN "mother_child_date_of_birth" date;--> statement-breakpoint
CREATE INDEX "import_runs_tenant_id_requested_at_index" ON "children"."import_runs" USING btree ("tenant_id","requested_at");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."import_runs" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."missing_spells" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."uasc" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
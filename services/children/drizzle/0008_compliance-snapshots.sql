CREATE TABLE "children"."compliance_snapshots" (
	"tenant_id" text NOT NULL,
	"snapshot_date" date NOT NULL,
	"check" text NOT NULL,
	"count" integer NOT NULL,
	"items" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_snapshots_tenant_id_snapshot_date_check_pk" PRIMARY KEY("tenant_id","snapshot_date","check")
);
--> statement-breakpoint
ALTER TABLE "children"."compliance_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."compliance_snapshots" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
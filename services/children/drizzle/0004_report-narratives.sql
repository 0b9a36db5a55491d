CREATE TABLE "children"."report_narratives" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"section" text NOT NULL,
	"text" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "report_narratives_tenant_id_year_section_pk" PRIMARY KEY("tenant_id","year","section")
);
--> statement-breakpoint
ALTER TABLE "children"."report_narratives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."report_narratives" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
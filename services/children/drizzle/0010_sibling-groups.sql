CREATE TABLE "children"."sibling_groups" (
	"tenant_id" text NOT NULL,
	"group_id" text NOT NULL,
	"child_id" text NOT NULL,
	CONSTRAINT "sibling_groups_tenant_id_child_id_pk" PRIMARY KEY("tenant_id","child_id")
);
--> statement-breakpoint
ALTER TABLE "children"."sibling_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "sibling_groups_tenant_id_group_id_index" ON "children"."sibling_groups" USING btree ("tenant_id","group_id");--> statement-breakpoint
CREATE POLICY "tenant_isolation" ON "children"."sibling_groups" AS PERMISSIVE FOR ALL TO public USING (tenant_id = (select current_setting('app.tenant_id', true))) WITH CHECK (tenant_id = (select current_setting('app.tenant_id', true)));
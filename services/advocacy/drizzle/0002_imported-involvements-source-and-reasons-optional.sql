ALTER TABLE "advocacy"."involvements" DROP CONSTRAINT "involvements_reasons_given";--> statement-breakpoint
ALTER TABLE "advocacy"."involvements" ALTER COLUMN "source" DROP NOT NULL;
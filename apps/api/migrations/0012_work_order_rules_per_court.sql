DROP INDEX "work_order_rules_key";--> statement-breakpoint
ALTER TABLE "work_order_rules" ADD COLUMN "court_id" integer;--> statement-breakpoint
ALTER TABLE "work_order_rules" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "work_order_rules" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- The rules were one list for every court: each court with a type of a rule's code gets its own copy (the same behaviour as before).
INSERT INTO "work_order_rules" ("court_id", "case_type_code", "trigger", "type_code", "per", "active")
SELECT DISTINCT t."court_id", r."case_type_code", r."trigger", r."type_code", r."per", r."active"
FROM "work_order_rules" r JOIN "work_order_types" t ON t."code" = r."type_code"
WHERE r."court_id" IS NULL;--> statement-breakpoint
DELETE FROM "work_order_rules" WHERE "court_id" IS NULL;--> statement-breakpoint
ALTER TABLE "work_order_rules" ALTER COLUMN "court_id" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_rules_court_key" ON "work_order_rules" USING btree ("court_id","case_type_code","trigger","type_code");

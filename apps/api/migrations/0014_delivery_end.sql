ALTER TABLE "delivery_tasks" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "delivery_tasks" ADD COLUMN "end_detail" text;--> statement-breakpoint
ALTER TABLE "delivery_tasks" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delivery_tasks" ADD COLUMN "ended_by" integer;--> statement-breakpoint
ALTER TABLE "delivery_tasks" ADD COLUMN "ended_by_name" text;--> statement-breakpoint
CREATE INDEX "delivery_tasks_work_order_idx" ON "delivery_tasks" USING btree ("work_order_id") WHERE "delivery_tasks"."work_order_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "delivery_tasks" ADD CONSTRAINT "delivery_tasks_ended_check" CHECK (("delivery_tasks"."status" = 'failed') = ("delivery_tasks"."end_reason" IS NOT NULL) AND ("delivery_tasks"."end_reason" IS NULL OR "delivery_tasks"."end_reason" IN ('deceased','deregistered','court-decision')));
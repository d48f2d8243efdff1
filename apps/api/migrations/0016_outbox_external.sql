ALTER TABLE "outbox" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "court_id" integer;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "subject" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "text" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "entity_type" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "entity_id" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at","id") WHERE "outbox"."status" = 'pending' AND "outbox"."channel" <> 'in-app';--> statement-breakpoint
CREATE INDEX "outbox_external_list_idx" ON "outbox" USING btree ("created_at","id") WHERE "outbox"."channel" <> 'in-app';--> statement-breakpoint
CREATE INDEX "outbox_dead_idx" ON "outbox" USING btree ("court_id") WHERE "outbox"."status" = 'dead';--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_status_check" CHECK ("outbox"."status" IN ('pending','sent','dead'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_recipient_check" CHECK (("outbox"."channel" = 'in-app' AND "outbox"."user_id" IS NOT NULL) OR ("outbox"."channel" <> 'in-app' AND "outbox"."address" IS NOT NULL AND "outbox"."text" IS NOT NULL));
CREATE TABLE "delivery_electronic_sends" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"token_hash" text NOT NULL,
	"outbox_id" integer NOT NULL,
	"status" text DEFAULT 'awaiting' NOT NULL,
	"attempt_id" integer,
	"error" text,
	"sent_by" integer,
	"sent_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	CONSTRAINT "delivery_electronic_sends_channel_check" CHECK ("delivery_electronic_sends"."channel" IN ('sms','mail')),
	CONSTRAINT "delivery_electronic_sends_status_check" CHECK ("delivery_electronic_sends"."status" IN ('awaiting','sent','failed'))
);
--> statement-breakpoint
ALTER TABLE "delivery_electronic_sends" ADD CONSTRAINT "delivery_electronic_sends_task_id_delivery_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."delivery_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_electronic_sends" ADD CONSTRAINT "delivery_electronic_sends_attempt_id_delivery_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."delivery_attempts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_electronic_sends_token_key" ON "delivery_electronic_sends" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "delivery_electronic_sends_task_idx" ON "delivery_electronic_sends" USING btree ("task_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_electronic_sends_awaiting_key" ON "delivery_electronic_sends" USING btree ("task_id") WHERE "delivery_electronic_sends"."status" = 'awaiting';
CREATE TABLE "delivery_address_confirmations" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"party_id" integer NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"email" text,
	"electronic_address" text,
	"signed_on" date NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_attempts" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"person" text NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text NOT NULL,
	"tracking_number" text,
	"postal_return_status" text,
	"electronic_address" text,
	"read_at" timestamp with time zone,
	"published_on" date,
	"effective_on" date,
	"entrusted_court" text,
	"note" text DEFAULT '' NOT NULL,
	"evidence" "bytea",
	"evidence_type" text,
	"evidence_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_attempts_method_check" CHECK ("delivery_attempts"."method" IN ('electronic','postal','direct','left-at-residence','entrusted','assisted','announcement')),
	CONSTRAINT "delivery_attempts_outcome_check" CHECK ("delivery_attempts"."outcome" IN ('success','refused','no-such-person','address-unknown','unsigned','phone-empty','send-failed')),
	CONSTRAINT "delivery_attempts_evidence_type_check" CHECK ("delivery_attempts"."evidence_type" IS NULL OR "delivery_attempts"."evidence_type" IN ('image/jpeg','image/png','application/pdf'))
);
--> statement-breakpoint
CREATE TABLE "delivery_calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"party_id" integer,
	"called_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_calls_outcome_check" CHECK ("delivery_calls"."outcome" IN ('answered','no-answer','wrong-number','refused','callback'))
);
--> statement-breakpoint
CREATE TABLE "delivery_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"party_id" integer NOT NULL,
	"document_kind" text NOT NULL,
	"work_order_id" integer,
	"address" text,
	"phone" text,
	"email" text,
	"electronic_address" text,
	"address_confirmed" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"served_on" date,
	"served_method" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_tasks_status_check" CHECK ("delivery_tasks"."status" IN ('pending','in-progress','served','failed')),
	CONSTRAINT "delivery_tasks_served_check" CHECK (("delivery_tasks"."status" = 'served') = ("delivery_tasks"."served_on" IS NOT NULL)),
	CONSTRAINT "delivery_tasks_method_check" CHECK ("delivery_tasks"."served_method" IS NULL OR "delivery_tasks"."served_method" IN ('electronic','postal','direct','left-at-residence','entrusted','assisted','announcement'))
);
--> statement-breakpoint
ALTER TABLE "delivery_attempts" ADD CONSTRAINT "delivery_attempts_task_id_delivery_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."delivery_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_address_confirmations_party_key" ON "delivery_address_confirmations" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "delivery_address_confirmations_case_idx" ON "delivery_address_confirmations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "delivery_attempts_task_idx" ON "delivery_attempts" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "delivery_attempts_court_method_idx" ON "delivery_attempts" USING btree ("court_id","method");--> statement-breakpoint
CREATE INDEX "delivery_attempts_announcement_idx" ON "delivery_attempts" USING btree ("effective_on") WHERE "delivery_attempts"."method" = 'announcement';--> statement-breakpoint
CREATE INDEX "delivery_calls_case_idx" ON "delivery_calls" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "delivery_calls_court_idx" ON "delivery_calls" USING btree ("court_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_tasks_case_party_kind_key" ON "delivery_tasks" USING btree ("case_id","party_id","document_kind");--> statement-breakpoint
CREATE INDEX "delivery_tasks_court_status_idx" ON "delivery_tasks" USING btree ("court_id","status","id");--> statement-breakpoint
CREATE INDEX "delivery_tasks_party_idx" ON "delivery_tasks" USING btree ("party_id");
CREATE TABLE "network_task_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_task_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "network_task_photos_type_check" CHECK ("network_task_photos"."type" IN ('image/jpeg','image/png'))
);
--> statement-breakpoint
CREATE TABLE "network_task_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"content" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"submitted_by" integer NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"assistant_id" integer NOT NULL,
	"station_id" integer,
	"case_id" integer,
	"party_id" integer,
	"delivery_task_id" integer,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"decline_reason" text,
	"send_back_reason" text,
	"report_id" integer,
	"outcome" text,
	"rating" smallint,
	"delivery_attempt_id" integer,
	"assigned_by" integer NOT NULL,
	"assigned_by_name" text NOT NULL,
	"accepted_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"confirmed_on" date,
	"confirmed_by" integer,
	"reminded_due_at" timestamp with time zone,
	"reminded_overdue_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_tasks_kind_check" CHECK ("network_tasks"."kind" IN ('delivery','mediation','investigation','petition-risk','dispute-report','circuit-liaison')),
	CONSTRAINT "network_tasks_status_check" CHECK ("network_tasks"."status" IN ('assigned','accepted','declined','reported','confirmed')),
	CONSTRAINT "network_tasks_outcome_check" CHECK ("network_tasks"."outcome" IS NULL OR "network_tasks"."outcome" IN ('success','failure')),
	CONSTRAINT "network_tasks_rating_check" CHECK ("network_tasks"."rating" IS NULL OR "network_tasks"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "network_tasks_delivery_kind_check" CHECK ("network_tasks"."delivery_task_id" IS NULL OR "network_tasks"."kind" = 'delivery')
);
--> statement-breakpoint
ALTER TABLE "network_task_events" ADD CONSTRAINT "network_task_events_task_id_network_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."network_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_task_photos" ADD CONSTRAINT "network_task_photos_report_id_network_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."network_task_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_task_reports" ADD CONSTRAINT "network_task_reports_task_id_network_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."network_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_tasks" ADD CONSTRAINT "network_tasks_station_id_network_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."network_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_task_events_task_idx" ON "network_task_events" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "network_task_photos_report_idx" ON "network_task_photos" USING btree ("report_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_task_reports_key" ON "network_task_reports" USING btree ("assistant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "network_task_reports_task_idx" ON "network_task_reports" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "network_tasks_assistant_idx" ON "network_tasks" USING btree ("assistant_id","status","id");--> statement-breakpoint
CREATE INDEX "network_tasks_court_idx" ON "network_tasks" USING btree ("court_id","id");--> statement-breakpoint
CREATE INDEX "network_tasks_court_status_idx" ON "network_tasks" USING btree ("court_id","status","id");--> statement-breakpoint
CREATE INDEX "network_tasks_delivery_task_idx" ON "network_tasks" USING btree ("delivery_task_id");--> statement-breakpoint
CREATE INDEX "network_tasks_due_idx" ON "network_tasks" USING btree ("due_on") WHERE "network_tasks"."status" IN ('assigned','accepted');
CREATE TABLE "network_assessment_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"points_centi" integer NOT NULL,
	"recorded_on" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_assessment_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"month" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rules" jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_by" integer,
	"run_by_name" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" integer,
	"objection_until" date,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "network_assessment_runs_status_check" CHECK ("network_assessment_runs"."status" IN ('draft','published')),
	CONSTRAINT "network_assessment_runs_month_check" CHECK ("network_assessment_runs"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "network_assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	"month" text NOT NULL,
	"score_centi" integer NOT NULL,
	"grade" text NOT NULL,
	"court_rank" integer NOT NULL,
	"court_of" integer NOT NULL,
	"station_ranks" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"replacement" boolean DEFAULT false NOT NULL,
	CONSTRAINT "network_assessments_grade_check" CHECK ("network_assessments"."grade" IN ('excellent','qualified','basic','unqualified'))
);
--> statement-breakpoint
CREATE TABLE "network_objections" (
	"id" serial PRIMARY KEY NOT NULL,
	"assessment_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"reason" text NOT NULL,
	"raised_by" integer NOT NULL,
	"raised_by_name" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	"month" text NOT NULL,
	"rating" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"rated_by" integer NOT NULL,
	"rated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_ratings_rating_check" CHECK ("network_ratings"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "network_ratings_month_check" CHECK ("network_ratings"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "network_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"assessment" jsonb NOT NULL,
	"subsidy" jsonb NOT NULL,
	"objection_working_days" smallint DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_by_name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_subsidy_statements" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	"station_id" integer,
	"month" text NOT NULL,
	"grade" text NOT NULL,
	"lines" jsonb NOT NULL,
	"steps" jsonb NOT NULL,
	"subtotal_fen" integer NOT NULL,
	"coefficient_permille" integer NOT NULL,
	"adjusted_fen" integer NOT NULL,
	"cap_fen" integer NOT NULL,
	"cap_reduction_fen" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"submitted_by" integer,
	"submitted_by_name" text,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "network_subsidy_statements_status_check" CHECK ("network_subsidy_statements"."status" IN ('draft','submitted','approved','returned')),
	CONSTRAINT "network_subsidy_statements_grade_check" CHECK ("network_subsidy_statements"."grade" IN ('excellent','qualified','basic','unqualified')),
	CONSTRAINT "network_subsidy_statements_total_check" CHECK ("network_subsidy_statements"."total_fen" >= 0 AND "network_subsidy_statements"."total_fen" <= "network_subsidy_statements"."cap_fen")
);
--> statement-breakpoint
ALTER TABLE "network_assessment_items" ADD CONSTRAINT "network_assessment_items_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assessments" ADD CONSTRAINT "network_assessments_run_id_network_assessment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."network_assessment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assessments" ADD CONSTRAINT "network_assessments_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_objections" ADD CONSTRAINT "network_objections_assessment_id_network_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."network_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_ratings" ADD CONSTRAINT "network_ratings_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_subsidy_statements" ADD CONSTRAINT "network_subsidy_statements_run_id_network_assessment_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."network_assessment_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_subsidy_statements" ADD CONSTRAINT "network_subsidy_statements_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_subsidy_statements" ADD CONSTRAINT "network_subsidy_statements_station_id_network_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."network_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_assessment_items_assistant_idx" ON "network_assessment_items" USING btree ("assistant_id","recorded_on");--> statement-breakpoint
CREATE INDEX "network_assessment_items_court_idx" ON "network_assessment_items" USING btree ("court_id","recorded_on");--> statement-breakpoint
CREATE UNIQUE INDEX "network_assessment_runs_key" ON "network_assessment_runs" USING btree ("court_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "network_assessments_key" ON "network_assessments" USING btree ("assistant_id","month");--> statement-breakpoint
CREATE INDEX "network_assessments_run_idx" ON "network_assessments" USING btree ("run_id","court_rank","id");--> statement-breakpoint
CREATE INDEX "network_objections_assessment_idx" ON "network_objections" USING btree ("assessment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_ratings_key" ON "network_ratings" USING btree ("assistant_id","month","rated_by");--> statement-breakpoint
CREATE INDEX "network_ratings_court_month_idx" ON "network_ratings" USING btree ("court_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "network_rules_court_key" ON "network_rules" USING btree ("court_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_subsidy_statements_key" ON "network_subsidy_statements" USING btree ("assistant_id","month");--> statement-breakpoint
CREATE INDEX "network_subsidy_statements_court_idx" ON "network_subsidy_statements" USING btree ("court_id","month","status");
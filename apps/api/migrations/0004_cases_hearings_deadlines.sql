CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" IN ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "case_agents" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"party_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"license_number" text,
	"law_firm" text,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "case_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"team_id" integer,
	"method" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"assigned_by" integer,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_assignments_method_check" CHECK ("case_assignments"."method" IN ('auto','manual'))
);
--> statement-breakpoint
CREATE TABLE "case_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"node" text NOT NULL,
	"status" text NOT NULL,
	"responsible_id" integer,
	"started_at" timestamp with time zone,
	"due_on" date,
	"completed_at" timestamp with time zone,
	"completed_by" integer,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "case_nodes_status_check" CHECK ("case_nodes"."status" IN ('pending','active','done'))
);
--> statement-breakpoint
CREATE TABLE "case_panel_members" (
	"case_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "case_panel_members_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"id_number" text,
	"birth_date" date,
	"phone" text,
	"address" text,
	"credit_code" text,
	"legal_representative" text,
	"sort" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "case_parties_kind_check" CHECK ("case_parties"."kind" IN ('person','organisation'))
);
--> statement-breakpoint
CREATE TABLE "case_recusals" (
	"case_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_recusals_case_id_judge_id_pk" PRIMARY KEY("case_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "case_sequences" (
	"court_id" integer NOT NULL,
	"case_type_code" text NOT NULL,
	"year" smallint NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "case_sequences_court_id_case_type_code_year_pk" PRIMARY KEY("court_id","case_type_code","year")
);
--> statement-breakpoint
CREATE TABLE "case_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"category" text NOT NULL,
	"department_kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"case_number" text NOT NULL,
	"year" smallint NOT NULL,
	"case_type_code" text NOT NULL,
	"seq" integer NOT NULL,
	"procedure_code" text NOT NULL,
	"cause_code" text,
	"filed_on" date NOT NULL,
	"claim_amount" numeric(18, 2),
	"summary" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"current_node" text NOT NULL,
	"department_id" integer,
	"team_id" integer,
	"judge_id" integer,
	"assistant_id" integer,
	"clerk_id" integer,
	"collegial" boolean DEFAULT false NOT NULL,
	"presiding_judge_id" integer,
	"deadline_on" date,
	"deadline_steps" jsonb,
	"warning_level" text DEFAULT 'none' NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"closure_method" text,
	"archived_on" date,
	"filed_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" IN ('pending-assignment','open','closed','archived')),
	CONSTRAINT "cases_closure_after_filing" CHECK ("cases"."closed_on" IS NULL OR "cases"."closed_on" >= "cases"."filed_on")
);
--> statement-breakpoint
CREATE TABLE "causes" (
	"code" text PRIMARY KEY NOT NULL,
	"parent_code" text,
	"level" smallint NOT NULL,
	"category" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "judge_specialisations" (
	"user_id" integer NOT NULL,
	"case_type_code" text NOT NULL,
	"cause_prefix" text DEFAULT '' NOT NULL,
	CONSTRAINT "judge_specialisations_user_id_case_type_code_cause_prefix_pk" PRIMARY KEY("user_id","case_type_code","cause_prefix")
);
--> statement-breakpoint
CREATE TABLE "node_limits" (
	"case_type_code" text NOT NULL,
	"node" text NOT NULL,
	"days" smallint NOT NULL,
	CONSTRAINT "node_limits_case_type_code_node_pk" PRIMARY KEY("case_type_code","node")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"case_type_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"limit_months" smallint,
	"limit_days" smallint,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "procedures_one_length" CHECK ("procedures"."limit_months" IS NULL OR "procedures"."limit_days" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "limit_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"kind" text NOT NULL,
	"months" smallint,
	"days" smallint,
	"deduction_kind" text,
	"from_on" date,
	"to_on" date,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "limit_changes_kind_check" CHECK ("limit_changes"."kind" IN ('extension','deduction','suspension')),
	CONSTRAINT "limit_changes_status_check" CHECK ("limit_changes"."status" IN ('requested','head-approved','approved','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "limit_decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"change_id" integer NOT NULL,
	"step" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by" integer NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"issued_by" integer NOT NULL,
	"recipient_id" integer NOT NULL,
	"due_on" date NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supervision_orders_status_check" CHECK ("supervision_orders"."status" IN ('open','responded','closed'))
);
--> statement-breakpoint
CREATE TABLE "warning_settings" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer,
	"thresholds" jsonb NOT NULL,
	"escalate_head_at" smallint DEFAULT 7 NOT NULL,
	"escalate_president_when_overdue" smallint DEFAULT 1 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "warning_settings_court_id_unique" UNIQUE("court_id")
);
--> statement-breakpoint
CREATE TABLE "courtrooms" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hearing_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"hearing_id" integer NOT NULL,
	"user_id" integer,
	"party_id" integer,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"court_id" integer NOT NULL,
	"courtroom_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"judge_id" integer,
	"clerk_id" integer,
	"is_public" boolean DEFAULT true NOT NULL,
	"announced_on" date,
	"scheduled_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearings_times_check" CHECK ("hearings"."ends_at" > "hearings"."starts_at"),
	CONSTRAINT "hearings_status_check" CHECK ("hearings"."status" IN ('scheduled','held','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "outbox_channel_check" CHECK ("outbox"."channel" IN ('in-app','sms','mail'))
);
--> statement-breakpoint
ALTER TABLE "case_agents" ADD CONSTRAINT "case_agents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_agents" ADD CONSTRAINT "case_agents_party_id_case_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."case_parties"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_assignments" ADD CONSTRAINT "case_assignments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_nodes" ADD CONSTRAINT "case_nodes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_panel_members" ADD CONSTRAINT "case_panel_members_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_parties" ADD CONSTRAINT "case_parties_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_recusals" ADD CONSTRAINT "case_recusals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_case_type_code_case_types_code_fk" FOREIGN KEY ("case_type_code") REFERENCES "public"."case_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "limit_decisions" ADD CONSTRAINT "limit_decisions_change_id_limit_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."limit_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_participants" ADD CONSTRAINT "hearing_participants_hearing_id_hearings_id_fk" FOREIGN KEY ("hearing_id") REFERENCES "public"."hearings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_kind_idx" ON "calendar_days" USING btree ("kind","day");--> statement-breakpoint
CREATE INDEX "case_agents_case_idx" ON "case_agents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_assignments_case_idx" ON "case_assignments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_nodes_case_node_key" ON "case_nodes" USING btree ("case_id","node");--> statement-breakpoint
CREATE INDEX "case_nodes_responsible_idx" ON "case_nodes" USING btree ("responsible_id","status");--> statement-breakpoint
CREATE INDEX "case_panel_members_user_idx" ON "case_panel_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_parties_case_idx" ON "case_parties" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_parties_name_trgm_idx" ON "case_parties" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_parties_name_prefix_idx" ON "case_parties" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "case_parties_id_number_idx" ON "case_parties" USING btree ("id_number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_key" ON "cases" USING btree ("case_number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_sequence_key" ON "cases" USING btree ("court_id","case_type_code","year","seq");--> statement-breakpoint
CREATE INDEX "cases_court_filed_idx" ON "cases" USING btree ("court_id","filed_on","id");--> statement-breakpoint
CREATE INDEX "cases_judge_status_idx" ON "cases" USING btree ("judge_id","status");--> statement-breakpoint
CREATE INDEX "cases_open_deadline_idx" ON "cases" USING btree ("deadline_on") WHERE "cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "cases_court_status_warning_idx" ON "cases" USING btree ("court_id","status","warning_level");--> statement-breakpoint
CREATE INDEX "cases_number_trgm_idx" ON "cases" USING gin ("case_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "causes_parent_idx" ON "causes" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "causes_name_idx" ON "causes" USING btree ("name_zh");--> statement-breakpoint
CREATE INDEX "limit_changes_case_idx" ON "limit_changes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "limit_changes_pending_idx" ON "limit_changes" USING btree ("court_id","status");--> statement-breakpoint
CREATE INDEX "limit_decisions_change_idx" ON "limit_decisions" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "supervision_orders_recipient_idx" ON "supervision_orders" USING btree ("recipient_id","status");--> statement-breakpoint
CREATE INDEX "supervision_orders_issuer_idx" ON "supervision_orders" USING btree ("issued_by","status");--> statement-breakpoint
CREATE INDEX "supervision_orders_case_idx" ON "supervision_orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "courtrooms_court_idx" ON "courtrooms" USING btree ("court_id");--> statement-breakpoint
CREATE INDEX "hearing_participants_hearing_idx" ON "hearing_participants" USING btree ("hearing_id");--> statement-breakpoint
CREATE INDEX "hearing_participants_user_idx" ON "hearing_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "hearings_room_time_idx" ON "hearings" USING btree ("courtroom_id","starts_at");--> statement-breakpoint
CREATE INDEX "hearings_court_time_idx" ON "hearings" USING btree ("court_id","starts_at");--> statement-breakpoint
CREATE INDEX "hearings_case_idx" ON "hearings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "hearings_judge_time_idx" ON "hearings" USING btree ("judge_id","starts_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" IS NULL;
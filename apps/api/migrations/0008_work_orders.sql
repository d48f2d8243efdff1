CREATE TABLE "work_order_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"order_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_type_code" text NOT NULL,
	"trigger" text NOT NULL,
	"type_code" text NOT NULL,
	"per" text DEFAULT 'case' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "work_order_rules_trigger_check" CHECK ("work_order_rules"."trigger" IN ('assigned','closed')),
	CONSTRAINT "work_order_rules_per_check" CHECK ("work_order_rules"."per" IN ('case','defendant'))
);
--> statement-breakpoint
CREATE TABLE "work_order_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"team_id" integer,
	"limit_hours" integer,
	"limit_working_days" integer,
	"result_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checklist" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto_dispatch" boolean DEFAULT false NOT NULL,
	"auto_complete" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_types_one_limit" CHECK (("work_order_types"."limit_hours" IS NULL) <> ("work_order_types"."limit_working_days" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"case_id" integer NOT NULL,
	"type_id" integer NOT NULL,
	"party_id" integer,
	"status" text DEFAULT 'initiated' NOT NULL,
	"origin" text DEFAULT 'manual' NOT NULL,
	"initiator_id" integer,
	"assignee_id" integer,
	"team_id" integer,
	"due_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"result" jsonb,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"return_reason" text,
	"accepted_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"feedback_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"warned_near_at" timestamp with time zone,
	"warned_overdue_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_orders_status_check" CHECK ("work_orders"."status" IN ('initiated','accepted','in-progress','feedback','completed','returned','withdrawn')),
	CONSTRAINT "work_orders_origin_check" CHECK ("work_orders"."origin" IN ('manual','rule')),
	CONSTRAINT "work_orders_assignee_check" CHECK (("work_orders"."status" <> 'initiated' OR "work_orders"."assignee_id" IS NULL) AND ("work_orders"."status" NOT IN ('accepted','in-progress') OR "work_orders"."assignee_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_type_id_work_order_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."work_order_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_order_events_order_idx" ON "work_order_events" USING btree ("order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_rules_key" ON "work_order_rules" USING btree ("case_type_code","trigger","type_code");--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_types_court_code_key" ON "work_order_types" USING btree ("court_id","code");--> statement-breakpoint
CREATE INDEX "work_orders_pool_idx" ON "work_orders" USING btree ("team_id","status","due_at","id");--> statement-breakpoint
CREATE INDEX "work_orders_assignee_idx" ON "work_orders" USING btree ("assignee_id","status","due_at","id");--> statement-breakpoint
CREATE INDEX "work_orders_initiator_idx" ON "work_orders" USING btree ("initiator_id","status","due_at","id");--> statement-breakpoint
CREATE INDEX "work_orders_case_idx" ON "work_orders" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "work_orders_court_created_idx" ON "work_orders" USING btree ("court_id","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_open_due_idx" ON "work_orders" USING btree ("due_at") WHERE "work_orders"."status" IN ('initiated','accepted','in-progress');--> statement-breakpoint
CREATE UNIQUE INDEX "work_orders_rule_once_key" ON "work_orders" USING btree ("case_id","type_id",coalesce("party_id", 0)) WHERE "work_orders"."origin" = 'rule';--> statement-breakpoint
-- Default rules of the automatic start (自动发起), as data an administrator may change: on
-- assignment, serve each responding party, schedule the first hearing and build the e-file
-- catalogue; on closure, archive and report the closure online. Enforcement cases start with
-- property information; preservation cases with the preservation itself.
INSERT INTO "work_order_rules" ("case_type_code", "trigger", "type_code", "per") VALUES
  ('民初', 'assigned', 'delivery', 'defendant'), ('民初', 'assigned', 'scheduling', 'case'), ('民初', 'assigned', 'e-catalogue', 'case'),
  ('民初', 'closed', 'archiving', 'case'), ('民初', 'closed', 'online-closure', 'case'),
  ('民终', 'assigned', 'delivery', 'defendant'), ('民终', 'assigned', 'scheduling', 'case'), ('民终', 'assigned', 'e-catalogue', 'case'),
  ('民终', 'closed', 'archiving', 'case'), ('民终', 'closed', 'online-closure', 'case'),
  ('刑初', 'assigned', 'delivery', 'defendant'), ('刑初', 'assigned', 'scheduling', 'case'), ('刑初', 'assigned', 'e-catalogue', 'case'),
  ('刑初', 'closed', 'archiving', 'case'), ('刑初', 'closed', 'online-closure', 'case'),
  ('行初', 'assigned', 'delivery', 'defendant'), ('行初', 'assigned', 'scheduling', 'case'), ('行初', 'assigned', 'e-catalogue', 'case'),
  ('行初', 'closed', 'archiving', 'case'), ('行初', 'closed', 'online-closure', 'case'),
  ('执', 'assigned', 'property-info', 'case'), ('执', 'assigned', 'e-catalogue', 'case'),
  ('执', 'closed', 'archiving', 'case'), ('执', 'closed', 'online-closure', 'case'),
  ('执保', 'assigned', 'preservation', 'case'), ('执保', 'closed', 'archiving', 'case')
ON CONFLICT DO NOTHING;

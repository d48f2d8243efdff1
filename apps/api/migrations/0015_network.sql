CREATE TABLE "network_assistant_categories" (
	"assistant_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	CONSTRAINT "network_assistant_categories_assistant_id_category_id_pk" PRIMARY KEY("assistant_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "network_assistant_stations" (
	"assistant_id" integer NOT NULL,
	"station_id" integer NOT NULL,
	CONSTRAINT "network_assistant_stations_assistant_id_station_id_pk" PRIMARY KEY("assistant_id","station_id")
);
--> statement-breakpoint
CREATE TABLE "network_assistants" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"phone" text DEFAULT '' NOT NULL,
	"id_number" text,
	"education" text,
	"birth_date" date,
	"employer" text DEFAULT '' NOT NULL,
	"post" text DEFAULT '' NOT NULL,
	"start_on" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"user_id" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_assistants_status_check" CHECK ("network_assistants"."status" IN ('active','paused','left')),
	CONSTRAINT "network_assistants_gender_check" CHECK ("network_assistants"."gender" IS NULL OR "network_assistants"."gender" IN ('male','female'))
);
--> statement-breakpoint
CREATE TABLE "network_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"official" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_commendations" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	"kind" text NOT NULL,
	"recorded_on" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" integer,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_commendations_kind_check" CHECK ("network_commendations"."kind" IN ('commendation','criticism'))
);
--> statement-breakpoint
CREATE TABLE "network_recruitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"station_id" integer,
	"announced_on" date NOT NULL,
	"announcement" text NOT NULL,
	"candidate_name" text NOT NULL,
	"candidate_phone" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'announced' NOT NULL,
	"judge_id" integer,
	"interviewed_on" date,
	"interview_result" text,
	"interview_note" text DEFAULT '' NOT NULL,
	"contract_party" text,
	"pay_band" text,
	"insurance" text,
	"annual_training_hours" numeric(4, 1),
	"contracted_on" date,
	"assistant_id" integer,
	"replacement_requested_on" date,
	"replacement_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_recruitments_status_check" CHECK ("network_recruitments"."status" IN ('announced','interviewed','rejected','contracted','replacement-requested','closed')),
	CONSTRAINT "network_recruitments_result_check" CHECK ("network_recruitments"."interview_result" IS NULL OR "network_recruitments"."interview_result" IN ('passed','failed'))
);
--> statement-breakpoint
CREATE TABLE "network_stations" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"parent_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_stations_kind_check" CHECK ("network_stations"."kind" IN ('liaison-station','village-point','enterprise-point','judge-studio')),
	CONSTRAINT "network_stations_coordinates_check" CHECK (("network_stations"."lng" IS NULL) = ("network_stations"."lat" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "network_status_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"assistant_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"changed_by" integer,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_status_changes_to_check" CHECK ("network_status_changes"."to_status" IN ('active','paused','left'))
);
--> statement-breakpoint
CREATE TABLE "network_training_attendance" (
	"session_id" integer NOT NULL,
	"assistant_id" integer NOT NULL,
	CONSTRAINT "network_training_attendance_session_id_assistant_id_pk" PRIMARY KEY("session_id","assistant_id")
);
--> statement-breakpoint
CREATE TABLE "network_training_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"court_id" integer NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"trainer" text NOT NULL,
	"kind" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_training_sessions_kind_check" CHECK ("network_training_sessions"."kind" IN ('lecture','trial-observation','mediation-practice')),
	CONSTRAINT "network_training_sessions_hours_check" CHECK ("network_training_sessions"."hours" >= 0)
);
--> statement-breakpoint
ALTER TABLE "network_assistant_categories" ADD CONSTRAINT "network_assistant_categories_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assistant_categories" ADD CONSTRAINT "network_assistant_categories_category_id_network_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."network_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assistant_stations" ADD CONSTRAINT "network_assistant_stations_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_assistant_stations" ADD CONSTRAINT "network_assistant_stations_station_id_network_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."network_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_commendations" ADD CONSTRAINT "network_commendations_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_recruitments" ADD CONSTRAINT "network_recruitments_station_id_network_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."network_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_recruitments" ADD CONSTRAINT "network_recruitments_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_stations" ADD CONSTRAINT "network_stations_parent_id_network_stations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."network_stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_status_changes" ADD CONSTRAINT "network_status_changes_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_training_attendance" ADD CONSTRAINT "network_training_attendance_session_id_network_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."network_training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_training_attendance" ADD CONSTRAINT "network_training_attendance_assistant_id_network_assistants_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."network_assistants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_assistant_categories_category_idx" ON "network_assistant_categories" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "network_assistant_stations_station_idx" ON "network_assistant_stations" USING btree ("station_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_assistants_court_id_number_key" ON "network_assistants" USING btree ("court_id","id_number") WHERE "network_assistants"."id_number" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "network_assistants_user_key" ON "network_assistants" USING btree ("user_id") WHERE "network_assistants"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "network_assistants_court_idx" ON "network_assistants" USING btree ("court_id","id");--> statement-breakpoint
CREATE INDEX "network_assistants_court_name_idx" ON "network_assistants" USING btree ("court_id","name","id");--> statement-breakpoint
CREATE INDEX "network_assistants_court_start_idx" ON "network_assistants" USING btree ("court_id","start_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_categories_code_key" ON "network_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "network_commendations_assistant_idx" ON "network_commendations" USING btree ("assistant_id","recorded_on");--> statement-breakpoint
CREATE INDEX "network_recruitments_court_idx" ON "network_recruitments" USING btree ("court_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_stations_court_name_key" ON "network_stations" USING btree ("court_id","name");--> statement-breakpoint
CREATE INDEX "network_stations_parent_idx" ON "network_stations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "network_status_changes_assistant_idx" ON "network_status_changes" USING btree ("assistant_id","id");--> statement-breakpoint
CREATE INDEX "network_training_attendance_assistant_idx" ON "network_training_attendance" USING btree ("assistant_id");--> statement-breakpoint
CREATE INDEX "network_training_sessions_court_idx" ON "network_training_sessions" USING btree ("court_id","held_on","id");
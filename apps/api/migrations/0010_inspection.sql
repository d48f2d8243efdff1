CREATE TABLE "inspection_defects" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"rule_code" text NOT NULL,
	"court_id" integer NOT NULL,
	"department_id" integer,
	"responsible_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"first_found_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"fixed_at" timestamp with time zone,
	"waived_by" integer,
	"waived_reason" text,
	"correction_order_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inspection_defects_status_check" CHECK ("inspection_defects"."status" IN ('open','fixed','waived'))
);
--> statement-breakpoint
CREATE TABLE "inspection_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"area" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text NOT NULL,
	"description_en" text NOT NULL,
	"severity" text NOT NULL,
	"case_types" text[],
	"case_statuses" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_rules_severity_check" CHECK ("inspection_rules"."severity" IN ('error','warning','info'))
);
--> statement-breakpoint
ALTER TABLE "inspection_defects" ADD CONSTRAINT "inspection_defects_rule_code_inspection_rules_code_fk" FOREIGN KEY ("rule_code") REFERENCES "public"."inspection_rules"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_defects_live_key" ON "inspection_defects" USING btree ("case_id","rule_code") WHERE "inspection_defects"."status" IN ('open','waived');--> statement-breakpoint
CREATE INDEX "inspection_defects_court_status_idx" ON "inspection_defects" USING btree ("court_id","status","id");--> statement-breakpoint
CREATE INDEX "inspection_defects_responsible_idx" ON "inspection_defects" USING btree ("responsible_id","status");--> statement-breakpoint
CREATE INDEX "inspection_defects_rule_status_idx" ON "inspection_defects" USING btree ("rule_code","status");--> statement-breakpoint
CREATE INDEX "inspection_defects_case_idx" ON "inspection_defects" USING btree ("case_id");
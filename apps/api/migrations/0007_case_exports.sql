CREATE TABLE "case_exports" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"query" jsonb NOT NULL,
	"status" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea",
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "case_exports_status_check" CHECK ("case_exports"."status" IN ('running','done','failed'))
);
--> statement-breakpoint
CREATE INDEX "case_exports_user_idx" ON "case_exports" USING btree ("user_id","created_at");
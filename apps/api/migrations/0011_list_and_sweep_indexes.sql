CREATE INDEX "cases_department_status_idx" ON "cases" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "cases_assistant_status_idx" ON "cases" USING btree ("assistant_id","status");--> statement-breakpoint
CREATE INDEX "cases_clerk_status_idx" ON "cases" USING btree ("clerk_id","status");--> statement-breakpoint
CREATE INDEX "cases_sweep_idx" ON "cases" USING btree ("court_id") WHERE "cases"."status" IN ('pending-assignment','open') OR "cases"."warning_level" <> 'none';--> statement-breakpoint
CREATE INDEX "cases_suspended_open_idx" ON "cases" USING btree ("id") WHERE "cases"."suspended" AND "cases"."status" IN ('pending-assignment','open');
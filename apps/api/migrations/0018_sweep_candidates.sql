DROP INDEX "cases_sweep_idx";--> statement-breakpoint
CREATE INDEX "cases_sweep_due_idx" ON "cases" USING btree ("deadline_on") WHERE "cases"."status" IN ('pending-assignment','open');--> statement-breakpoint
CREATE INDEX "cases_warned_idx" ON "cases" USING btree ("id") WHERE "cases"."warning_level" <> 'none';
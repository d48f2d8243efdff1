CREATE INDEX "cases_filed_idx" ON "cases" USING btree ("filed_on","id");--> statement-breakpoint
CREATE INDEX "cases_deadline_idx" ON "cases" USING btree ("deadline_on","id");
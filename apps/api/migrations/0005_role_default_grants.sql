CREATE TABLE "role_default_grants" (
	"role_code" text NOT NULL,
	"permission" text NOT NULL,
	CONSTRAINT "role_default_grants_role_code_permission_pk" PRIMARY KEY("role_code","permission")
);
--> statement-breakpoint
-- What built-in roles hold today counts as already offered, so an administrator's earlier removals stand.
INSERT INTO "role_default_grants" ("role_code", "permission")
SELECT r.code, rp.permission FROM roles r JOIN role_permissions rp ON rp.role_id = r.id WHERE r.builtin
ON CONFLICT DO NOTHING;

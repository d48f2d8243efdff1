import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Inspection rules (质检规则) as data: what each rule is called, how severe it is and to which
 * cases it applies. The check itself is a SQL predicate kept in code under the same code
 * (rules.catalogue.ts); a row without a check in code is never run.
 */
export const inspectionRules = pgTable(
  'inspection_rules',
  {
    code: text('code').primaryKey(),
    area: text('area').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull(),
    descriptionEn: text('description_en').notNull(),
    severity: text('severity').notNull(),
    /** Case types the rule applies to; null: every type. */
    caseTypes: text('case_types').array(),
    /** Case statuses the rule applies to (pending-assignment, open, closed). */
    caseStatuses: text('case_statuses').array().notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [check('inspection_rules_severity_check', sql`${t.severity} IN ('error','warning','info')`)],
);

/** A defect: one rule failing for one case, from the first time it was found until fixed or waived. */
export const inspectionDefects = pgTable(
  'inspection_defects',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    ruleCode: text('rule_code')
      .notNull()
      .references(() => inspectionRules.code),
    courtId: integer('court_id').notNull(),
    departmentId: integer('department_id'),
    /** Who should correct it: the node's responsible person, or the case's judge (or its filer before assignment). */
    responsibleId: integer('responsible_id'),
    status: text('status').notNull().default('open'),
    firstFoundAt: stamp('first_found_at').notNull(),
    lastSeenAt: stamp('last_seen_at').notNull(),
    fixedAt: stamp('fixed_at'),
    waivedBy: integer('waived_by'),
    waivedReason: text('waived_reason'),
    /** The 信息补正 work order issued for it. */
    correctionOrderId: integer('correction_order_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('inspection_defects_status_check', sql`${t.status} IN ('open','fixed','waived')`),
    // One live defect per case and rule: the batch refreshes it instead of opening another.
    uniqueIndex('inspection_defects_live_key')
      .on(t.caseId, t.ruleCode)
      .where(sql`${t.status} IN ('open','waived')`),
    index('inspection_defects_court_status_idx').on(t.courtId, t.status, t.id),
    index('inspection_defects_responsible_idx').on(t.responsibleId, t.status),
    index('inspection_defects_rule_status_idx').on(t.ruleCode, t.status),
    index('inspection_defects_case_idx').on(t.caseId),
  ],
);

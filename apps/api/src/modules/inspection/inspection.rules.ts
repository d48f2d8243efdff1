import type { CompletenessReport, InspectionSeverity } from '@courtassist/contracts';
import type { NewRule } from './inspection.repository.js';
import type { RuleDefinition } from './rules.catalogue.js';

/** Pure parts of the inspection: dates of law, rule defaults and the completeness arithmetic. */

/** Today's calendar date in China Standard Time (UTC+8, no daylight saving). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The first day of the year of `today` (YYYY-MM-DD): closed cases count from here. */
export function yearStartOf(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

/** The stored row a rule starts with. */
export function defaultRow(def: RuleDefinition): NewRule {
  return {
    code: def.code,
    area: def.area,
    nameZh: def.nameZh,
    nameEn: def.nameEn,
    descriptionZh: def.descriptionZh,
    descriptionEn: def.descriptionEn,
    severity: def.severity,
    caseTypes: def.caseTypes,
    caseStatuses: def.caseStatuses,
  };
}

/** complete / cases, rounded to four places; null when there are no cases. */
export function rateOf(complete: number, cases: number): number | null {
  return cases === 0 ? null : Math.round((complete / cases) * 10_000) / 10_000;
}

export function completenessOf(
  by: CompletenessReport['by'],
  year: number,
  groups: { id: number | null; name: string; cases: number; complete: number }[],
): CompletenessReport {
  const cases = groups.reduce((n, g) => n + g.cases, 0);
  const complete = groups.reduce((n, g) => n + g.complete, 0);
  return {
    by,
    year,
    items: groups.map((g) => ({ ...g, rate: rateOf(g.complete, g.cases) })),
    cases,
    complete,
    rate: rateOf(complete, cases),
  };
}

const SEVERITY_ORDER: Record<InspectionSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Findings, most severe first, then by rule code. */
export function bySeverity<T extends { severity: InspectionSeverity; ruleCode: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleCode.localeCompare(b.ruleCode));
}

/** The text of a correction request (信息补正): the inspector's note, or the rule's own description. */
export function correctionNote(note: string, rule: { nameZh: string; descriptionZh: string }): string {
  const text = note.trim();
  return text === '' ? `【${rule.nameZh}】${rule.descriptionZh}` : `【${rule.nameZh}】${text}`;
}

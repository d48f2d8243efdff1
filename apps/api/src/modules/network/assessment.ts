import type {
  AssessmentGrade,
  AssessmentIndicator,
  AssessmentRules,
  AssessmentScore,
  AssistantAssessment,
  AssistantMonthFacts,
  GradeHistoryEntry,
  GradeOutcome,
  ItemLine,
  MonthlyAssessmentInput,
  NetworkTaskKind,
  RankPlace,
  ReplacementRecommendation,
  ScoreComponent,
} from '@courtassist/contracts';
import {
  ASSESSMENT_GRADE_NAMES,
  ASSESSMENT_INDICATOR_GROUPS,
  ASSESSMENT_INDICATOR_NAMES,
  ASSESSMENT_INDICATORS,
  gradeOrder,
  NETWORK_TASK_KINDS,
} from '@courtassist/contracts';
import { divideRoundHalfUp } from './subsidies.js';

/**
 * The monthly assessment of grassroots assistants (issue 5): score, grade, ranks, replacement.
 * Pure functions; every figure is computed in integers — points in hundredths ("centipoints").
 *
 * Score (0 … 100 + bonus cap), explained component by component:
 *   1 fractions: each indicator is a fraction of the month's facts —
 *       quantity      completed tasks ÷ the target, at most 1 (see below);
 *       timeliness    tasks reported by their due date ÷ completed tasks;
 *       results       delivery successes ÷ deliveries, mediation successes ÷ mediations, useful
 *                     findings ÷ investigations — each its own indicator;
 *       quality       the judges' average rating mapped from 1…5 onto 0…1: (avg − 1) ÷ 4, so the
 *                     scale's whole range is used (a 1 earns nothing, a 5 everything).
 *     An indicator without data this month (no deliveries, no rating) is not scored 0 and not
 *     scored full: its weight is spread over the indicators that have data, in proportion to
 *     their weights. Quantity always has data (none done is 0), so a month without any task
 *     scores 0.
 *   2 effective weights: the spread weights are rounded to 0.01 by the largest-remainder method
 *     (ties to the indicator listed first), so they add up to exactly 100.00;
 *   3 points = effective weight × fraction, rounded half up to 0.01 once per indicator; the base is
 *     their sum, never above 100 because no fraction is above 1;
 *   4 items: bonus points (capped at the rules' bonus cap) added, deduction points subtracted;
 *     the score is floored at 0.
 *
 * Why quantity is measured against a target and not against the court's best: a score must be
 * reproducible from the assistant's own tasks and understandable to them ("ten tasks a month earn
 * the full 30 points"); against the best, one busy colleague (or one outlier month) would lower
 * everyone else's score, and in a small station the best may have done three tasks.
 */
export const ASSESSMENT_RULES = {
  fraction: '规则1 指标取值 (rule 1: indicator fraction)',
  weight: '规则2 无数据指标的权重按比例分配 (rule 2: weights of indicators without data spread in proportion)',
  points: '规则3 得分四舍五入到0.01 (rule 3: points rounded half up to 0.01)',
  items: '规则4 加减分，加分封顶，总分不低于0 (rule 4: bonus capped, deductions, score at least 0)',
} as const;

// ---------------------------------------------------------------------------------------------
// Integers ↔ display

/** Points with at most two decimals (validated by the contracts) as integer hundredths. */
export function toCentipoints(points: number): number {
  return Math.round(points * 100);
}

/** Hundredths as a number with two decimals (for JSON). */
export function fromCentipoints(centi: number): number {
  return centi / 100;
}

/** `25.50`, `-3.00` — from integer hundredths, without float formatting. */
export function formatCentipoints(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Hours with one decimal as integer tenths. */
function toTenths(hours: number): number {
  return Math.round(hours * 10);
}

// ---------------------------------------------------------------------------------------------
// Rule 1: fractions

interface Fraction {
  numerator: number;
  denominator: number;
}

/** The fraction an indicator scores, capped at 1; null when the month has no data for it. */
interface IndicatorValue {
  raw: Fraction | null;
  scored: Fraction | null;
  detail: { zh: string; en: string };
}

function totals(facts: AssistantMonthFacts): { completed: number; withinDue: number } {
  let completed = 0;
  let withinDue = 0;
  for (const kind of NETWORK_TASK_KINDS) {
    const f = facts.tasks[kind];
    if (f) {
      completed += f.completed;
      withinDue += f.withinDue;
    }
  }
  return { completed, withinDue };
}

function successRate(facts: AssistantMonthFacts, kind: NetworkTaskKind, zh: string, en: string): IndicatorValue {
  const f = facts.tasks[kind];
  if (!f || f.completed === 0) {
    return { raw: null, scored: null, detail: { zh: `本月无${zh}任务`, en: `no ${en} this month` } };
  }
  const fraction = { numerator: f.successes, denominator: f.completed };
  return {
    raw: fraction,
    scored: fraction,
    detail: { zh: `${zh} ${f.successes}/${f.completed}`, en: `${en} ${f.successes} of ${f.completed}` },
  };
}

function indicatorValue(indicator: AssessmentIndicator, facts: AssistantMonthFacts, rules: AssessmentRules): IndicatorValue {
  switch (indicator) {
    case 'quantity': {
      const { completed } = totals(facts);
      const target = rules.quantityTarget;
      return {
        raw: { numerator: completed, denominator: target },
        scored: { numerator: Math.min(completed, target), denominator: target },
        detail: { zh: `完成 ${completed} 件，目标 ${target} 件`, en: `${completed} completed, target ${target}` },
      };
    }
    case 'timeliness': {
      const { completed, withinDue } = totals(facts);
      if (completed === 0) return { raw: null, scored: null, detail: { zh: '本月无完成任务', en: 'no completed tasks this month' } };
      const fraction = { numerator: withinDue, denominator: completed };
      return {
        raw: fraction,
        scored: fraction,
        detail: { zh: `按期 ${withinDue}/${completed}`, en: `${withinDue} of ${completed} in time` },
      };
    }
    case 'delivery-success':
      return successRate(facts, 'delivery', '送达成功', 'delivered');
    case 'mediation-success':
      return successRate(facts, 'mediation', '调解成功', 'settled');
    case 'investigation-findings':
      return successRate(facts, 'investigation', '查得有效线索', 'with useful findings');
    case 'quality': {
      const n = facts.ratings.length;
      if (n === 0) return { raw: null, scored: null, detail: { zh: '本月无法官评价', en: 'no rating this month' } };
      let sum = 0;
      for (const r of facts.ratings) sum += r;
      const average = formatCentipoints(divideRoundHalfUp(sum * 100, n));
      return {
        raw: { numerator: sum, denominator: n },
        scored: { numerator: sum - n, denominator: 4 * n },
        detail: { zh: `平均 ${average} 分（${n} 次评价）`, en: `average ${average} of 5 (${n} rating${n === 1 ? '' : 's'})` },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rule 2: effective weights

/**
 * Weights (integers summing to 100) spread over the indicators with data, in hundredths, adding
 * up to exactly 10,000 by the largest-remainder method; 0 for indicators without data.
 */
export function effectiveWeights(
  weights: Readonly<Record<AssessmentIndicator, number>>,
  hasData: Readonly<Record<AssessmentIndicator, boolean>>,
): Record<AssessmentIndicator, number> {
  const result = {} as Record<AssessmentIndicator, number>;
  let applicable = 0;
  for (const k of ASSESSMENT_INDICATORS) if (hasData[k]) applicable += weights[k];
  if (applicable === 0) {
    for (const k of ASSESSMENT_INDICATORS) result[k] = 0;
    return result;
  }
  let assigned = 0;
  const remainders: { k: AssessmentIndicator; remainder: number }[] = [];
  for (const k of ASSESSMENT_INDICATORS) {
    if (!hasData[k]) {
      result[k] = 0;
      continue;
    }
    const exact = weights[k] * 10_000;
    result[k] = Math.floor(exact / applicable);
    assigned += result[k];
    remainders.push({ k, remainder: exact % applicable });
  }
  // Stable sort: equal remainders keep the indicators' listed order.
  remainders.sort((a, b) => b.remainder - a.remainder);
  for (let i = 0; assigned < 10_000; i++, assigned++) result[remainders[i].k] += 1;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Rules 3 and 4: the score

/** The rule that decided a component: no data, spread weight, or plain weight × fraction. */
function ruleFor(hasData: boolean, configured: number, effective: number): string {
  if (!hasData) return ASSESSMENT_RULES.fraction;
  return effective !== configured * 100 ? ASSESSMENT_RULES.weight : ASSESSMENT_RULES.points;
}

/** The explained score of one assistant's month. */
export function scoreAssistant(facts: AssistantMonthFacts, rules: AssessmentRules): AssessmentScore {
  const values = {} as Record<AssessmentIndicator, IndicatorValue>;
  const hasData = {} as Record<AssessmentIndicator, boolean>;
  for (const k of ASSESSMENT_INDICATORS) {
    values[k] = indicatorValue(k, facts, rules);
    hasData[k] = values[k].scored !== null;
  }
  const effective = effectiveWeights(rules.weights, hasData);

  const components: ScoreComponent[] = [];
  let base = 0;
  for (const k of ASSESSMENT_INDICATORS) {
    const value = values[k];
    const name = ASSESSMENT_INDICATOR_NAMES[k];
    const scored = value.scored;
    const points = scored === null ? 0 : divideRoundHalfUp(effective[k] * scored.numerator, scored.denominator);
    const normalised = scored === null ? null : divideRoundHalfUp(10_000 * scored.numerator, scored.denominator) / 10_000;
    base += points;
    const weightText = formatCentipoints(effective[k]);
    const detail =
      scored === null
        ? `${name.zh}：${value.detail.zh}，不计分，权重 ${rules.weights[k]} 分配给其他指标 (${name.en}: ${value.detail.en}, not scored; its weight ${rules.weights[k]} goes to the others)`
        : `${name.zh}：${value.detail.zh} → ${normalised} × ${weightText} = ${formatCentipoints(points)} 分 (${name.en}: ${value.detail.en} → ${normalised} × ${weightText} = ${formatCentipoints(points)} points)`;
    components.push({
      indicator: k,
      rule: ruleFor(scored !== null, rules.weights[k], effective[k]),
      group: ASSESSMENT_INDICATOR_GROUPS[k],
      raw: value.raw,
      normalised,
      weight: rules.weights[k],
      effectiveWeight: fromCentipoints(effective[k]),
      points: fromCentipoints(points),
      detail,
    });
  }

  const definitions = new Map(rules.items.map((item) => [item.code, item]));
  const items: ItemLine[] = [];
  let bonus = 0;
  let deduction = 0;
  for (const recorded of facts.items) {
    const item = definitions.get(recorded.code);
    if (!item) throw new RangeError(`No assessment item ${recorded.code} in the rules`);
    const each = toCentipoints(item.points);
    const points = each * recorded.count;
    if (points > 0) bonus += points;
    else deduction -= points;
    items.push({
      code: item.code,
      count: recorded.count,
      points: fromCentipoints(points),
      detail: `${item.zh} ${formatCentipoints(each)} × ${recorded.count} = ${formatCentipoints(points)} 分 (${item.en} ${formatCentipoints(each)} × ${recorded.count} = ${formatCentipoints(points)} points)`,
    });
  }
  const bonusCap = toCentipoints(rules.bonusCap);
  const countedBonus = Math.min(bonus, bonusCap);
  const score = Math.max(0, base + countedBonus - deduction);
  const capped = countedBonus < bonus ? `（加分封顶 ${formatCentipoints(countedBonus)}）` : '';
  const cappedEn = countedBonus < bonus ? ` (bonus capped at ${formatCentipoints(countedBonus)})` : '';
  const sum = `${formatCentipoints(base)} + ${formatCentipoints(countedBonus)} − ${formatCentipoints(deduction)}`;
  return {
    rule: ASSESSMENT_RULES.items,
    detail: `总分 ${sum} = ${formatCentipoints(score)} 分${capped} (score ${sum} = ${formatCentipoints(score)} points${cappedEn})`,
    components,
    items,
    base: fromCentipoints(base),
    bonus: fromCentipoints(countedBonus),
    deduction: fromCentipoints(deduction),
    score: fromCentipoints(score),
  };
}

// ---------------------------------------------------------------------------------------------
// Grades

/** The grade a score earns by the thresholds alone (a score equal to a threshold reaches it). */
export function gradeForScore(score: number, thresholds: AssessmentRules['thresholds']): AssessmentGrade {
  const centi = toCentipoints(score);
  if (centi >= toCentipoints(thresholds.excellent)) return 'excellent';
  if (centi >= toCentipoints(thresholds.qualified)) return 'qualified';
  if (centi >= toCentipoints(thresholds.basic)) return 'basic';
  return 'unqualified';
}

/** The worse of two grades. */
export function worseGrade(a: AssessmentGrade, b: AssessmentGrade): AssessmentGrade {
  return gradeOrder(a) >= gradeOrder(b) ? a : b;
}

/** Hours required by the end of `month` (1–12), in tenths: the yearly minimum, or its pro-rata share rounded up. */
export function requiredTrainingTenths(training: AssessmentRules['training'], month: number): number {
  const minimum = toTenths(training.minimumHoursPerYear);
  return training.prorated ? Math.ceil((minimum * month) / 12) : minimum;
}

/**
 * The grade: by score, then capped at the rules' cap grade when the assistant is short of training
 * hours (pro-rata: by June, half the year's minimum, rounded up to the tenth of an hour).
 */
export function gradeAssistant(score: number, trainingHoursThisYear: number, month: string, rules: AssessmentRules): GradeOutcome {
  const scoreGrade = gradeForScore(score, rules.thresholds);
  const required = requiredTrainingTenths(rules.training, Number(month.slice(5, 7)));
  const actual = toTenths(trainingHoursThisYear);
  const short = actual < required;
  const grade = short ? worseGrade(scoreGrade, rules.training.capGrade) : scoreGrade;
  const name = ASSESSMENT_GRADE_NAMES[grade];
  const hours = `${actual / 10}/${required / 10}`;
  const detail =
    grade !== scoreGrade
      ? `按分数为${ASSESSMENT_GRADE_NAMES[scoreGrade].zh}，培训学时不足（${hours}），定为${name.zh} (${ASSESSMENT_GRADE_NAMES[scoreGrade].en} by score; training hours short (${hours}), graded ${name.en})`
      : `${name.zh}（培训学时 ${hours}） (${name.en}; training hours ${hours})`;
  return { grade, scoreGrade, training: { requiredHours: required / 10, actualHours: actual / 10, short }, detail };
}

// ---------------------------------------------------------------------------------------------
// Replacement

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Replacement recommendation: the assessed month and the months right before it, each graded
 * poor, at least `consecutiveMonths` of them. A month without an assessment (the assistant was
 * paused, or had not started) breaks the run: it is not evidence of a poor month.
 */
export function recommendReplacement(
  month: string,
  grade: AssessmentGrade,
  earlier: readonly Pick<GradeHistoryEntry, 'month' | 'grade'>[],
  rule: AssessmentRules['replacement'],
): ReplacementRecommendation {
  const byMonth = new Map<string, AssessmentGrade>();
  for (const entry of earlier) if (entry.month < month) byMonth.set(entry.month, entry.grade);
  byMonth.set(month, grade);
  const poor = new Set(rule.poorGrades);
  const run: string[] = [];
  for (let m = month; ; m = previousMonth(m)) {
    const g = byMonth.get(m);
    if (g === undefined || !poor.has(g)) break;
    run.unshift(m);
  }
  const recommended = run.length >= rule.consecutiveMonths;
  const poorNames = rule.poorGrades.map((g) => ASSESSMENT_GRADE_NAMES[g]);
  const detail = recommended
    ? `连续 ${run.length} 个月为${poorNames.map((n) => n.zh).join('或')}（${run[0]}至${month}），建议调整人选 (${run.length} consecutive months graded ${poorNames.map((n) => n.en).join(' or ')} (${run[0]} to ${month}): replacement recommended)`
    : `连续差等 ${run.length} 个月，未达 ${rule.consecutiveMonths} 个月 (${run.length} consecutive poor month${run.length === 1 ? '' : 's'}, fewer than ${rule.consecutiveMonths})`;
  return { recommended, poorMonths: run, detail };
}

// ---------------------------------------------------------------------------------------------
// Ranks

/**
 * Competition ranking ("1, 2, 2, 4"): rank = 1 + the number of entries with a strictly higher
 * score. The list comes back ordered by score (descending) and then id (ascending): equal scores
 * share a rank, and the id only fixes the order in which they are listed.
 */
export function competitionRanks<T extends { id: number; score: number }>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.id - b.id);
  const ranked: (T & { rank: number })[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const rank = i > 0 && sorted[i].score === sorted[i - 1].score ? ranked[i - 1].rank : i + 1;
    ranked.push({ ...sorted[i], rank });
  }
  return ranked;
}

// ---------------------------------------------------------------------------------------------
// The monthly run

/**
 * Assesses every assistant of the input for its month: score, grade, rank within the court and
 * within each of their stations (of = how many were ranked there), replacement recommendation.
 * The result is ordered by court id, then court rank, then assistant id.
 */
export function assessMonth(input: MonthlyAssessmentInput): AssistantAssessment[] {
  const { month, rules } = input;
  const historyByAssistant = new Map<number, GradeHistoryEntry[]>();
  for (const entry of input.history) {
    const list = historyByAssistant.get(entry.assistantId);
    if (list) list.push(entry);
    else historyByAssistant.set(entry.assistantId, [entry]);
  }

  const assessed = input.assistants.map((facts) => {
    const score = scoreAssistant(facts, rules);
    const grade = gradeAssistant(score.score, facts.trainingHoursThisYear, month, rules);
    const replacement = recommendReplacement(month, grade.grade, historyByAssistant.get(facts.assistantId) ?? [], rules.replacement);
    return { facts, score, grade, replacement, centi: toCentipoints(score.score) };
  });

  const courtRank = new Map<number, RankPlace>();
  const stationRanks = new Map<number, { stationId: number; rank: number; of: number }[]>();
  const byCourt = groupBy(assessed, (a) => [a.facts.courtId]);
  for (const group of byCourt.values()) {
    for (const r of competitionRanks(group.map((a) => ({ id: a.facts.assistantId, score: a.centi })))) {
      courtRank.set(r.id, { rank: r.rank, of: group.length });
    }
  }
  const byStation = groupBy(assessed, (a) => [...new Set(a.facts.stationIds)]);
  for (const [stationId, group] of byStation) {
    for (const r of competitionRanks(group.map((a) => ({ id: a.facts.assistantId, score: a.centi })))) {
      const list = stationRanks.get(r.id);
      const place = { stationId, rank: r.rank, of: group.length };
      if (list) list.push(place);
      else stationRanks.set(r.id, [place]);
    }
  }

  const results: AssistantAssessment[] = assessed.map((a) => ({
    assistantId: a.facts.assistantId,
    courtId: a.facts.courtId,
    month,
    score: a.score,
    grade: a.grade,
    courtRank: courtRank.get(a.facts.assistantId)!,
    stationRanks: (stationRanks.get(a.facts.assistantId) ?? []).sort((x, y) => x.stationId - y.stationId),
    replacement: a.replacement,
  }));
  return results.sort((x, y) => x.courtId - y.courtId || x.courtRank.rank - y.courtRank.rank || x.assistantId - y.assistantId);
}

function groupBy<T>(items: readonly T[], keys: (item: T) => number[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

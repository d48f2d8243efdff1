import type {
  AssessmentGrade,
  NetworkTaskKind,
  NetworkTaskOutcome,
  SubsidyLine,
  SubsidyRules,
  SubsidyStatement,
  SubsidyStatementInput,
  SubsidyTotals,
} from '@courtassist/contracts';
import { ASSESSMENT_GRADE_NAMES, NETWORK_TASK_KIND_NAMES, NETWORK_TASK_OUTCOME_NAMES } from '@courtassist/contracts';

/**
 * Subsidies by case (以案定补), issue 5. Pure functions over integers: money is in fen, the
 * performance coefficient in per-mille; no floating-point number ever carries an amount.
 *
 *   1 rate per task: each confirmed task of the month earns the rate for its (kind, outcome);
 *     a pair without a rate earns 0 (the line says so);
 *   2 coefficient: subtotal × per-mille ÷ 1000, rounded half up to the fen ONCE, on the subtotal.
 *     Rounding each line instead would make the total depend on how the tasks are split into
 *     lines (n lines can drift by up to n/2 fen); rounding once gives the exact amount to within
 *     half a fen, and the lines still show the plain rates the assistant can check;
 *   3 cap: the coefficient is applied first, then the monthly cap (an excellent assistant at the
 *     cap is paid the cap, not cap × 1.2).
 * Recomputing a statement from its own lines gives the same amounts (`verifyStatement`).
 */
export const SUBSIDY_RULES = {
  rate: '规则1 按件计补 (rule 1: rate per task kind and outcome)',
  coefficient: '规则2 绩效系数，合计后四舍五入到分 (rule 2: coefficient on the subtotal, rounded half up to the fen once)',
  cap: '规则3 月度封顶 (rule 3: monthly cap)',
} as const;

/**
 * round(numerator ÷ denominator), halves up, for non-negative safe integers — by integer remainder,
 * never by float division, so it is exact for every input it accepts.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  const a = 2 * numerator + denominator;
  const b = 2 * denominator;
  if (
    !Number.isSafeInteger(numerator) ||
    numerator < 0 ||
    !Number.isSafeInteger(denominator) ||
    denominator <= 0 ||
    !Number.isSafeInteger(a)
  ) {
    throw new RangeError(`divideRoundHalfUp needs non-negative safe integers, got ${numerator} / ${denominator}`);
  }
  return (a - (a % b)) / b;
}

function checkedSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new RangeError('Amount out of the safe integer range');
  return sum;
}

/** `1,234.50元` from fen. */
export function formatYuan(amountFen: number): string {
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(amountFen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** `×1.2` from 1200 per-mille. */
export function formatPermille(value: number): string {
  const whole = Math.floor(value / 1000);
  const fraction = String(value % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

type RateKey = `${NetworkTaskKind}/${NetworkTaskOutcome}`;

/** The rates as a lookup; a pair with no rate is absent. */
export function rateTable(rules: SubsidyRules): ReadonlyMap<RateKey, number> {
  const table = new Map<RateKey, number>();
  for (const rate of rules.rates) table.set(`${rate.kind}/${rate.outcome}`, rate.amountFen);
  return table;
}

/** The coefficient for a grade, per-mille. */
export function coefficientFor(grade: AssessmentGrade, rules: SubsidyRules): number {
  return rules.coefficients[grade];
}

function lineFor(task: SubsidyStatementInput['tasks'][number], rates: ReadonlyMap<RateKey, number>): SubsidyLine {
  const rate = rates.get(`${task.kind}/${task.outcome}`);
  const kind = NETWORK_TASK_KIND_NAMES[task.kind];
  const outcome = NETWORK_TASK_OUTCOME_NAMES[task.kind][task.outcome];
  const detail =
    rate === undefined
      ? `${kind.zh}·${outcome.zh}：未设补贴标准，计 0.00元 (${kind.en}, ${outcome.en}: no rate set, 0.00 yuan)`
      : `${kind.zh}·${outcome.zh}：${formatYuan(rate)}元 (${kind.en}, ${outcome.en}: ${formatYuan(rate)} yuan)`;
  return { taskId: task.taskId, kind: task.kind, outcome: task.outcome, confirmedOn: task.confirmedOn, amountFen: rate ?? 0, detail };
}

/** Lines in a fixed order — by confirmation date, then task id — whatever order the tasks came in. */
function byDateThenId(a: { confirmedOn: string; taskId: number }, b: { confirmedOn: string; taskId: number }): number {
  if (a.confirmedOn !== b.confirmedOn) return a.confirmedOn < b.confirmedOn ? -1 : 1;
  return a.taskId - b.taskId;
}

/** The monthly statement of one assistant: lines, subtotal, coefficient, cap, total. */
export function computeStatement(input: SubsidyStatementInput, rules: SubsidyRules): SubsidyStatement {
  const rates = rateTable(rules);
  const lines = [...input.tasks].sort(byDateThenId).map((task) => lineFor(task, rates));
  let subtotalFen = 0;
  for (const line of lines) subtotalFen = checkedSum(subtotalFen, line.amountFen);

  const coefficientPermille = coefficientFor(input.grade, rules);
  const adjustedFen = divideRoundHalfUp(subtotalFen * coefficientPermille, 1000);
  const capFen = rules.monthlyCapFen;
  const totalFen = Math.min(adjustedFen, capFen);
  const capReductionFen = adjustedFen - totalFen;

  const grade = ASSESSMENT_GRADE_NAMES[input.grade];
  const factor = formatPermille(coefficientPermille);
  const steps = [
    {
      rule: SUBSIDY_RULES.rate,
      amountFen: subtotalFen,
      detail: `${lines.length}件任务小计 ${formatYuan(subtotalFen)}元 (${lines.length} task${lines.length === 1 ? '' : 's'}, subtotal ${formatYuan(subtotalFen)} yuan)`,
    },
    {
      rule: SUBSIDY_RULES.coefficient,
      amountFen: adjustedFen,
      detail: `${grade.zh} ×${factor}：${formatYuan(adjustedFen)}元 (${grade.en} ×${factor}: ${formatYuan(adjustedFen)} yuan)`,
    },
    {
      rule: SUBSIDY_RULES.cap,
      amountFen: totalFen,
      detail:
        capReductionFen > 0
          ? `超过月度上限 ${formatYuan(capFen)}元，核减 ${formatYuan(capReductionFen)}元 (above the monthly cap of ${formatYuan(capFen)} yuan: ${formatYuan(capReductionFen)} yuan taken off)`
          : `未超过月度上限 ${formatYuan(capFen)}元 (within the monthly cap of ${formatYuan(capFen)} yuan)`,
    },
  ];
  return {
    assistantId: input.assistantId,
    stationId: input.stationId,
    month: input.month,
    grade: input.grade,
    lines,
    subtotalFen,
    coefficientPermille,
    adjustedFen,
    capFen,
    capReductionFen,
    totalFen,
    steps,
  };
}

/** A stored amount that differs from what the rules give for the stored lines. */
export interface StatementDifference {
  field: string;
  stored: number;
  recomputed: number;
}

/**
 * Recomputes a stored statement from its own lines (task, kind, outcome, date) and the rules, and
 * lists every amount that differs: an empty list means the statement is reproducible.
 */
export function verifyStatement(stored: SubsidyStatement, rules: SubsidyRules): StatementDifference[] {
  const recomputed = computeStatement(
    {
      assistantId: stored.assistantId,
      stationId: stored.stationId,
      month: stored.month,
      grade: stored.grade,
      tasks: stored.lines.map(({ taskId, kind, outcome, confirmedOn }) => ({ taskId, kind, outcome, confirmedOn })),
    },
    rules,
  );
  const differences: StatementDifference[] = [];
  const byTask = new Map(recomputed.lines.map((line) => [line.taskId, line.amountFen]));
  stored.lines.forEach((line, i) => {
    const amount = byTask.get(line.taskId) ?? 0;
    if (amount !== line.amountFen) differences.push({ field: `lines.${i}.amountFen`, stored: line.amountFen, recomputed: amount });
  });
  for (const field of ['subtotalFen', 'coefficientPermille', 'adjustedFen', 'capFen', 'capReductionFen', 'totalFen'] as const) {
    if (stored[field] !== recomputed[field]) differences.push({ field, stored: stored[field], recomputed: recomputed[field] });
  }
  return differences;
}

const ZERO_TOTALS: SubsidyTotals = { statements: 0, tasks: 0, subtotalFen: 0, adjustedFen: 0, capReductionFen: 0, totalFen: 0 };

/** Sums of a set of statements (a court's, a station's). */
export function sumStatements(statements: readonly SubsidyStatement[]): SubsidyTotals {
  let totals = ZERO_TOTALS;
  for (const s of statements) {
    totals = {
      statements: totals.statements + 1,
      tasks: totals.tasks + s.lines.length,
      subtotalFen: checkedSum(totals.subtotalFen, s.subtotalFen),
      adjustedFen: checkedSum(totals.adjustedFen, s.adjustedFen),
      capReductionFen: checkedSum(totals.capReductionFen, s.capReductionFen),
      totalFen: checkedSum(totals.totalFen, s.totalFen),
    };
  }
  return totals;
}

/**
 * Totals per station, by each statement's station (the assistant's main station: an assistant in
 * two stations is counted once, so the station totals add up to the court's). Ordered by station
 * id; statements without a station come last under `stationId: null`.
 */
export function totalsByStation(statements: readonly SubsidyStatement[]): { stationId: number | null; totals: SubsidyTotals }[] {
  const groups = new Map<number | null, SubsidyStatement[]>();
  for (const s of statements) {
    const group = groups.get(s.stationId);
    if (group) group.push(s);
    else groups.set(s.stationId, [s]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b))
    .map(([stationId, group]) => ({ stationId, totals: sumStatements(group) }));
}

import { z } from 'zod';
import { dbId } from './common.js';
import { calendarDate } from './deadlines.js';
import { ASSISTANT_STATUSES } from './network.js';

/**
 * The grassroots network's rules as data (issue 5): the monthly assessment of assistants
 * (indicators with weights, grade thresholds, bonus and deduction items, a training minimum, the
 * replacement rule), subsidies by case (以案定补: rates per task kind and outcome, a performance
 * coefficient per grade, a monthly cap) and the suggestion of assistants for a task. A court edits
 * these figures; the API's pure functions (modules/network/assessment.ts, subsidies.ts,
 * suggestion.ts) apply them. Everything here is pure data and pure validation.
 *
 * Arithmetic is done in integers: points in hundredths (0.01), money in fen, coefficients in
 * per-mille. Numbers with decimals are accepted only where a person types them (points, hours)
 * and are checked to have at most two (points) or one (hours) decimal places.
 */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

// ---------------------------------------------------------------------------------------------
// Task kinds and outcomes

/** What an assistant is asked to do (the issue's "Tasks for assistants"). */
export const NETWORK_TASK_KINDS = ['delivery', 'mediation', 'investigation', 'petition-risk', 'dispute-report', 'circuit-liaison'] as const;
export type NetworkTaskKind = (typeof NETWORK_TASK_KINDS)[number];

export const NETWORK_TASK_KIND_NAMES: Readonly<Record<NetworkTaskKind, { zh: string; en: string }>> = {
  delivery: { zh: '协助送达', en: 'Assisted delivery' },
  mediation: { zh: '参与调解', en: 'Mediation' },
  investigation: { zh: '执行查人找物', en: 'Enforcement investigation' },
  'petition-risk': { zh: '信访风险反馈', en: 'Petition-risk feedback' },
  'dispute-report': { zh: '矛盾纠纷预警', en: 'Dispute early report' },
  'circuit-liaison': { zh: '巡回审判联络', en: 'Circuit-trial liaison' },
};

/** The outcome of a confirmed task: whether it achieved what it was for. */
export const NETWORK_TASK_OUTCOMES = ['success', 'failure'] as const;
export type NetworkTaskOutcome = (typeof NETWORK_TASK_OUTCOMES)[number];

/** How each outcome reads for each kind. */
export const NETWORK_TASK_OUTCOME_NAMES: Readonly<Record<NetworkTaskKind, Record<NetworkTaskOutcome, { zh: string; en: string }>>> = {
  delivery: { success: { zh: '送达成功', en: 'Delivered' }, failure: { zh: '未能送达', en: 'Not delivered' } },
  mediation: { success: { zh: '调解成功', en: 'Settled' }, failure: { zh: '调解不成', en: 'Not settled' } },
  investigation: { success: { zh: '查得有效线索', en: 'Useful findings' }, failure: { zh: '未查得线索', en: 'Nothing found' } },
  'petition-risk': { success: { zh: '已反馈', en: 'Reported' }, failure: { zh: '未能反馈', en: 'Not reported' } },
  'dispute-report': { success: { zh: '经核实', en: 'Confirmed' }, failure: { zh: '未核实', en: 'Not confirmed' } },
  'circuit-liaison': { success: { zh: '已安排', en: 'Arranged' }, failure: { zh: '未能安排', en: 'Not arranged' } },
};

// ---------------------------------------------------------------------------------------------
// Grades

/** Best first: 优秀 / 合格 / 基本合格 / 不合格. */
export const ASSESSMENT_GRADES = ['excellent', 'qualified', 'basic', 'unqualified'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export const ASSESSMENT_GRADE_NAMES: Readonly<Record<AssessmentGrade, { zh: string; en: string }>> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  qualified: { zh: '合格', en: 'Qualified' },
  basic: { zh: '基本合格', en: 'Basically qualified' },
  unqualified: { zh: '不合格', en: 'Unqualified' },
};

/** 0 for the best grade; a larger number is a worse grade. */
export function gradeOrder(grade: AssessmentGrade): number {
  return ASSESSMENT_GRADES.indexOf(grade);
}

// ---------------------------------------------------------------------------------------------
// Small value types

/** True when `v` has at most `decimals` decimal places (0.1 + 0.2 style noise tolerated). */
export function hasAtMostDecimals(v: number, decimals: number): boolean {
  if (!Number.isFinite(v)) return false;
  const scaled = v * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

const decimalsIssue = (decimals: number) => ({
  message: `At most ${decimals} decimal place${decimals === 1 ? '' : 's'}`,
  params: { code: decimals === 1 ? 'one_decimal' : 'two_decimals' },
});

/** Points as people type them: at most two decimals (5, 2.5, 0.25). */
const points = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((v) => hasAtMostDecimals(v, 2), decimalsIssue(2));
/** Hours: at most one decimal (1.5). */
export const trainingHours = z
  .number()
  .min(0)
  .max(2000)
  .refine((v) => hasAtMostDecimals(v, 1), decimalsIssue(1));

/** A calendar month, `YYYY-MM`. */
export const assessmentMonth = z.string().regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

const count = z.number().int().min(0).max(100_000);
/** Money in fen (分): integers only. 10,000,000 fen = 100,000 yuan, far above any line or cap. */
export const MAX_FEN = 10_000_000;
export const fenAmount = z.number().int().min(0).max(MAX_FEN);
/** Coefficients in per-mille (1000 = ×1.0): integers only, up to ×5. */
export const permilleValue = z.number().int().min(0).max(5000);

const itemCode = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'kebab-case code');

// ---------------------------------------------------------------------------------------------
// Assessment rules

/** The indicators, grouped as the issue names them: quantity, timeliness, results, quality. */
export const ASSESSMENT_INDICATORS = [
  'quantity',
  'timeliness',
  'delivery-success',
  'mediation-success',
  'investigation-findings',
  'quality',
] as const;
export type AssessmentIndicator = (typeof ASSESSMENT_INDICATORS)[number];

export const ASSESSMENT_INDICATOR_GROUPS: Readonly<Record<AssessmentIndicator, 'quantity' | 'timeliness' | 'results' | 'quality'>> = {
  quantity: 'quantity',
  timeliness: 'timeliness',
  'delivery-success': 'results',
  'mediation-success': 'results',
  'investigation-findings': 'results',
  quality: 'quality',
};

export const ASSESSMENT_INDICATOR_NAMES: Readonly<Record<AssessmentIndicator, { zh: string; en: string }>> = {
  quantity: { zh: '任务数量', en: 'Quantity' },
  timeliness: { zh: '按期完成率', en: 'Timeliness' },
  'delivery-success': { zh: '送达成功率', en: 'Delivery success rate' },
  'mediation-success': { zh: '调解成功率', en: 'Mediation success rate' },
  'investigation-findings': { zh: '查人找物有效率', en: 'Useful enforcement findings' },
  quality: { zh: '法官评价', en: 'Judges’ rating' },
};

const weight = z.number().int().min(0).max(100);

/** Integer weights per indicator, summing to 100: the base score's maximum is 100 points. */
export const indicatorWeights = z
  .strictObject({
    quantity: weight,
    timeliness: weight,
    'delivery-success': weight,
    'mediation-success': weight,
    'investigation-findings': weight,
    quality: weight,
  })
  .refine((w) => ASSESSMENT_INDICATORS.reduce((sum, k) => sum + (typeof w[k] === 'number' ? w[k] : 0), 0) === 100, {
    message: 'The weights must add up to 100',
    params: { code: 'weights_sum' },
  });
export type IndicatorWeights = z.output<typeof indicatorWeights>;

/** A bonus (points > 0, e.g. a petition defused) or a deduction (points < 0, e.g. a false report). */
export const assessmentItem = z.strictObject({
  code: itemCode,
  zh: text(1, 40),
  en: text(1, 80),
  points: points(-100, 100).refine((v) => v !== 0, { message: 'Points must not be zero', params: { code: 'invalid_value' } }),
});
export type AssessmentItem = z.output<typeof assessmentItem>;

/** Minimum scores (inclusive) of the three upper grades; anything below `basic` is 不合格. */
export const gradeThresholds = z
  .strictObject({ excellent: points(0, 100), qualified: points(0, 100), basic: points(0, 100) })
  .refine((t) => !(t.excellent <= t.qualified || t.qualified <= t.basic), {
    message: 'Thresholds must fall strictly: excellent > qualified > basic',
    path: ['qualified'],
    params: { code: 'threshold_order' },
  });
export type GradeThresholds = z.output<typeof gradeThresholds>;

export const assessmentRules = z
  .strictObject({
    weights: indicatorWeights,
    /** Completed tasks in a month that earn the full quantity points (fewer earn a share). */
    quantityTarget: z.number().int().min(1).max(1000),
    thresholds: gradeThresholds,
    items: z.array(assessmentItem).max(50),
    /** Bonus points counted at most this much in a month: the score stays within 0..100 + bonusCap. */
    bonusCap: points(0, 100),
    training: z.strictObject({
      /** Hours a year; 0 turns the requirement off. */
      minimumHoursPerYear: trainingHours,
      /** Compare with minimum × month / 12 (a January assessment does not need a year's hours). */
      prorated: z.boolean(),
      /** The best grade an assistant short of hours can get. */
      capGrade: z.enum(ASSESSMENT_GRADES),
    }),
    replacement: z.strictObject({
      /** This many consecutive months with a poor grade produce a replacement recommendation. */
      consecutiveMonths: z.number().int().min(1).max(24),
      /** The grades that count as poor. */
      poorGrades: z.array(z.enum(ASSESSMENT_GRADES)).min(1).max(4),
    }),
  })
  .check((ctx) => {
    const items = ctx.value.items;
    if (!Array.isArray(items)) return;
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.code)) {
        ctx.issues.push({
          code: 'custom',
          input: item.code,
          path: ['items', i, 'code'],
          message: 'Item codes must be unique',
          params: { code: 'duplicate' },
        });
      }
      seen.add(item.code);
    });
  });
export type AssessmentRules = z.output<typeof assessmentRules>;

// ---------------------------------------------------------------------------------------------
// Assessment input: one assistant's month

/** Confirmed tasks of one kind in the month. */
export const kindFacts = z
  .strictObject({
    /** Tasks confirmed by the court this month. */
    completed: count,
    /** Of those, reported by their due date (a task without a due date counts as in time). */
    withinDue: count,
    /** Of those, with outcome `success` (delivered, settled, useful findings …). */
    successes: count,
  })
  .check((ctx) => {
    const v = ctx.value;
    for (const key of ['withinDue', 'successes'] as const) {
      if (typeof v[key] === 'number' && typeof v.completed === 'number' && v[key] > v.completed) {
        ctx.issues.push({
          code: 'custom',
          input: v[key],
          path: [key],
          message: 'Cannot exceed the completed tasks',
          params: { code: 'exceeds_completed' },
        });
      }
    }
  });
export type KindFacts = z.output<typeof kindFacts>;

export const assistantMonthFacts = z.strictObject({
  assistantId: dbId,
  courtId: dbId,
  /** The stations the assistant belongs to: ranked within each. */
  stationIds: z.array(dbId).max(20),
  tasks: z.partialRecord(z.enum(NETWORK_TASK_KINDS), kindFacts),
  /** The confirming judges' ratings of this month's tasks, 1–5. */
  ratings: z.array(z.number().int().min(1).max(5)).max(5000),
  /** Bonus and deduction items recorded this month, by the item's code. */
  items: z.array(z.strictObject({ code: itemCode, count: z.number().int().min(1).max(100) })).max(50),
  /** Training hours attended this calendar year, up to the end of the month. */
  trainingHoursThisYear: trainingHours,
});
export type AssistantMonthFacts = z.output<typeof assistantMonthFacts>;

export const gradeHistoryEntry = z.strictObject({ assistantId: dbId, month: assessmentMonth, grade: z.enum(ASSESSMENT_GRADES) });
export type GradeHistoryEntry = z.output<typeof gradeHistoryEntry>;

/** The monthly run's input for one court (or several: ranks are per court). */
export const monthlyAssessmentInput = z
  .strictObject({
    month: assessmentMonth,
    rules: assessmentRules,
    assistants: z.array(assistantMonthFacts).max(50_000),
    /** Earlier months' grades, for the replacement rule. */
    history: z.array(gradeHistoryEntry).max(1_000_000),
  })
  .check((ctx) => {
    const { rules, assistants } = ctx.value;
    if (!Array.isArray(assistants)) return;
    const known = new Set(Array.isArray(rules?.items) ? rules.items.map((item) => item.code) : []);
    const seen = new Set<number>();
    assistants.forEach((a, i) => {
      if (seen.has(a.assistantId)) {
        ctx.issues.push({
          code: 'custom',
          input: a.assistantId,
          path: ['assistants', i, 'assistantId'],
          message: 'An assistant is assessed once a month',
          params: { code: 'duplicate' },
        });
      }
      seen.add(a.assistantId);
      if (!Array.isArray(a.items)) return;
      a.items.forEach((item, j) => {
        if (!known.has(item.code)) {
          ctx.issues.push({
            code: 'custom',
            input: item.code,
            path: ['assistants', i, 'items', j, 'code'],
            message: 'No such bonus or deduction item in the rules',
            params: { code: 'unknown_item' },
          });
        }
      });
    });
  });
export type MonthlyAssessmentInput = z.output<typeof monthlyAssessmentInput>;

// ---------------------------------------------------------------------------------------------
// Assessment output

/** One line of the score's explanation: how an indicator earned its points. */
export const scoreComponent = z.object({
  indicator: z.enum(ASSESSMENT_INDICATORS),
  /** The rule that decided the points (no data / spread weight / weight × fraction). */
  rule: z.string(),
  group: z.enum(['quantity', 'timeliness', 'results', 'quality']),
  /** The raw fraction (e.g. 17 of 20 delivered); null when the month has no data for it. */
  raw: z.object({ numerator: z.number(), denominator: z.number() }).nullable(),
  /** raw as a value in 0..1, rounded half up to 4 decimals (for display; points use the exact fraction). */
  normalised: z.number().nullable(),
  /** The configured weight. */
  weight: z.number(),
  /** The weight after the weights of indicators without data were spread over the others, 2 decimals. */
  effectiveWeight: z.number(),
  points: z.number(),
  detail: z.string(),
});
export type ScoreComponent = z.output<typeof scoreComponent>;

export const itemLine = z.object({ code: z.string(), count: z.number().int(), points: z.number(), detail: z.string() });
export type ItemLine = z.output<typeof itemLine>;

export const assessmentScore = z.object({
  components: z.array(scoreComponent),
  items: z.array(itemLine),
  /** Sum of the component points, 0..100. */
  base: z.number(),
  /** Bonus points counted (after the cap). */
  bonus: z.number(),
  /** Deduction points (a positive number, subtracted). */
  deduction: z.number(),
  /** max(0, base + bonus − deduction). */
  score: z.number(),
  rule: z.string(),
  /** How the score adds up, zh then en. */
  detail: z.string(),
});
export type AssessmentScore = z.output<typeof assessmentScore>;

export const gradeOutcome = z.object({
  grade: z.enum(ASSESSMENT_GRADES),
  /** The grade by score alone, before the training cap. */
  scoreGrade: z.enum(ASSESSMENT_GRADES),
  training: z.object({ requiredHours: z.number(), actualHours: z.number(), short: z.boolean() }),
  detail: z.string(),
});
export type GradeOutcome = z.output<typeof gradeOutcome>;

export const replacementRecommendation = z.object({
  recommended: z.boolean(),
  /** The run of consecutive poor months ending with the assessed month, oldest first. */
  poorMonths: z.array(z.string()),
  detail: z.string(),
});
export type ReplacementRecommendation = z.output<typeof replacementRecommendation>;

export const rankPlace = z.object({ rank: z.number().int(), of: z.number().int() });
export type RankPlace = z.output<typeof rankPlace>;

export const assistantAssessment = z.object({
  assistantId: dbId,
  courtId: dbId,
  month: z.string(),
  score: assessmentScore,
  grade: gradeOutcome,
  courtRank: rankPlace,
  stationRanks: z.array(rankPlace.extend({ stationId: dbId })),
  replacement: replacementRecommendation,
});
export type AssistantAssessment = z.output<typeof assistantAssessment>;

// ---------------------------------------------------------------------------------------------
// Subsidies (以案定补)

export const subsidyRate = z.strictObject({
  kind: z.enum(NETWORK_TASK_KINDS),
  outcome: z.enum(NETWORK_TASK_OUTCOMES),
  amountFen: fenAmount,
});
export type SubsidyRate = z.output<typeof subsidyRate>;

/** Per-mille coefficient per grade; a better grade never earns a smaller coefficient. */
export const gradeCoefficients = z
  .strictObject({ excellent: permilleValue, qualified: permilleValue, basic: permilleValue, unqualified: permilleValue })
  .refine((c) => c.excellent >= c.qualified && c.qualified >= c.basic && c.basic >= c.unqualified, {
    message: 'A better grade must not have a smaller coefficient',
    path: ['qualified'],
    params: { code: 'coefficient_order' },
  });
export type GradeCoefficients = z.output<typeof gradeCoefficients>;

export const subsidyRules = z
  .strictObject({
    rates: z.array(subsidyRate).max(NETWORK_TASK_KINDS.length * NETWORK_TASK_OUTCOMES.length),
    coefficients: gradeCoefficients,
    /** The most one assistant is paid in a month, in fen. */
    monthlyCapFen: fenAmount,
  })
  .check((ctx) => {
    const rates = ctx.value.rates;
    if (!Array.isArray(rates)) return;
    const seen = new Set<string>();
    rates.forEach((r, i) => {
      const key = `${r.kind}/${r.outcome}`;
      if (seen.has(key)) {
        ctx.issues.push({
          code: 'custom',
          input: key,
          path: ['rates', i, 'outcome'],
          message: 'One rate per kind and outcome',
          params: { code: 'duplicate' },
        });
      }
      seen.add(key);
    });
  });
export type SubsidyRules = z.output<typeof subsidyRules>;

/** A confirmed task, as the statement pays it. */
export const subsidyTask = z.strictObject({
  taskId: dbId,
  kind: z.enum(NETWORK_TASK_KINDS),
  outcome: z.enum(NETWORK_TASK_OUTCOMES),
  confirmedOn: calendarDate,
});
export type SubsidyTask = z.output<typeof subsidyTask>;

export const subsidyStatementInput = z
  .strictObject({
    assistantId: dbId,
    /** The station the statement is counted under in the station totals (the assistant's main one). */
    stationId: dbId.nullable(),
    month: assessmentMonth,
    grade: z.enum(ASSESSMENT_GRADES),
    tasks: z.array(subsidyTask).max(5000),
  })
  .check((ctx) => {
    const tasks = ctx.value.tasks;
    if (!Array.isArray(tasks)) return;
    const seen = new Set<number>();
    const month = ctx.value.month;
    tasks.forEach((t, i) => {
      if (typeof month === 'string' && typeof t.confirmedOn === 'string' && !t.confirmedOn.startsWith(`${month}-`)) {
        ctx.issues.push({
          code: 'custom',
          input: t.confirmedOn,
          path: ['tasks', i, 'confirmedOn'],
          message: 'The task was not confirmed in the statement’s month',
          params: { code: 'outside_month' },
        });
      }
      if (seen.has(t.taskId)) {
        ctx.issues.push({
          code: 'custom',
          input: t.taskId,
          path: ['tasks', i, 'taskId'],
          message: 'A task is paid once',
          params: { code: 'duplicate' },
        });
      }
      seen.add(t.taskId);
    });
  });
export type SubsidyStatementInput = z.output<typeof subsidyStatementInput>;

export const subsidyLine = z.object({
  taskId: dbId,
  kind: z.enum(NETWORK_TASK_KINDS),
  outcome: z.enum(NETWORK_TASK_OUTCOMES),
  confirmedOn: z.string(),
  /** The rate found for (kind, outcome); 0 when the court set none. */
  amountFen: z.number().int(),
  detail: z.string(),
});
export type SubsidyLine = z.output<typeof subsidyLine>;

export const subsidyStatement = z.object({
  assistantId: dbId,
  stationId: dbId.nullable(),
  month: z.string(),
  grade: z.enum(ASSESSMENT_GRADES),
  lines: z.array(subsidyLine),
  /** Σ line amounts. */
  subtotalFen: z.number().int(),
  coefficientPermille: z.number().int(),
  /** subtotal × coefficient ÷ 1000, rounded half up to the fen, once. */
  adjustedFen: z.number().int(),
  capFen: z.number().int(),
  /** What the cap took off: adjusted − total. */
  capReductionFen: z.number().int(),
  /** min(adjusted, cap): what is paid. */
  totalFen: z.number().int(),
  steps: z.array(z.object({ rule: z.string(), amountFen: z.number().int(), detail: z.string() })),
});
export type SubsidyStatement = z.output<typeof subsidyStatement>;

export const subsidyTotals = z.object({
  statements: z.number().int(),
  tasks: z.number().int(),
  subtotalFen: z.number().int(),
  adjustedFen: z.number().int(),
  capReductionFen: z.number().int(),
  totalFen: z.number().int(),
});
export type SubsidyTotals = z.output<typeof subsidyTotals>;

// ---------------------------------------------------------------------------------------------
// Suggestion of assistants for a task

/** Station and the place names (town, street, village, community …) its area covers. */
export const suggestionStation = z.strictObject({
  stationId: dbId,
  name: text(1, 100),
  /** Two characters at least: a one-character name (村, 镇) would match nearly every address. */
  areaNames: z.array(text(2, 40)).max(50),
});
export type SuggestionStation = z.output<typeof suggestionStation>;

export const suggestionCandidate = z
  .strictObject({
    assistantId: dbId,
    name: text(1, 50),
    /** Only `active` (在岗) candidates are ever suggested. */
    status: z.enum(ASSISTANT_STATUSES),
    stations: z.array(suggestionStation).max(20),
    /** Tasks given to the assistant and not yet confirmed. */
    openTasks: count,
    /** Past confirmed tasks (of the kind being assigned, when the caller knows it) and their successes. */
    pastCompleted: count,
    pastSuccesses: count,
  })
  .check((ctx) => {
    const v = ctx.value;
    if (typeof v.pastSuccesses === 'number' && typeof v.pastCompleted === 'number' && v.pastSuccesses > v.pastCompleted) {
      ctx.issues.push({
        code: 'custom',
        input: v.pastSuccesses,
        path: ['pastSuccesses'],
        message: 'Cannot exceed the completed tasks',
        params: { code: 'exceeds_completed' },
      });
    }
  });
export type SuggestionCandidate = z.output<typeof suggestionCandidate>;

export const suggestionRules = z.strictObject({
  /** Points for each reason; their sum is the best possible score. */
  weights: z.strictObject({ sameStation: weight, areaNamed: weight, load: weight, record: weight }),
  /** Open tasks at which the load points reach 0. */
  loadLimit: z.number().int().min(1).max(1000),
  /** The record is smoothed as if every assistant had this many earlier tasks … */
  priorTasks: z.number().int().min(0).max(1000),
  /** … with this success rate (per-mille), so 1 of 1 does not outrank 45 of 50. */
  priorSuccessPermille: z.number().int().min(0).max(1000),
  /** How many suggestions to return. */
  limit: z.number().int().min(1).max(100),
});
export type SuggestionRules = z.output<typeof suggestionRules>;

export const suggestionInput = z.strictObject({
  /** The recipient's address as written on the case (Chinese text). */
  address: text(1, 200),
  /** The recipient's station when already known (e.g. chosen by the user). */
  stationId: dbId.nullable().optional(),
  candidates: z.array(suggestionCandidate).max(5000),
});
export type SuggestionInput = z.output<typeof suggestionInput>;

export const SUGGESTION_REASONS = ['same-station', 'area-named', 'load', 'record'] as const;
export type SuggestionReasonCode = (typeof SUGGESTION_REASONS)[number];

export const suggestionReason = z.object({ code: z.enum(SUGGESTION_REASONS), points: z.number(), zh: z.string(), en: z.string() });
export type SuggestionReason = z.output<typeof suggestionReason>;

export const assistantSuggestion = z.object({
  assistantId: dbId,
  name: z.string(),
  score: z.number(),
  openTasks: z.number().int(),
  reasons: z.array(suggestionReason),
});
export type AssistantSuggestion = z.output<typeof assistantSuggestion>;

export const suggestionResult = z.object({
  /** The station(s) whose area name matched the address best (longest name); empty when none did. */
  matchedStations: z.array(z.object({ stationId: dbId, name: z.string(), areaName: z.string() })),
  suggestions: z.array(assistantSuggestion),
  /** Candidates left out because they are paused or have left. */
  excluded: z.array(z.object({ assistantId: dbId, status: z.enum(ASSISTANT_STATUSES) })),
});
export type SuggestionResult = z.output<typeof suggestionResult>;

// ---------------------------------------------------------------------------------------------
// Field errors

export const NETWORK_RULES_FIELD_ERRORS = {
  weights_sum: { zh: '各项指标权重之和须为 100', en: 'The weights must add up to 100' },
  threshold_order: {
    zh: '等次分数线须依次递减：优秀 > 合格 > 基本合格',
    en: 'Thresholds must fall strictly: excellent > qualified > basic',
  },
  coefficient_order: { zh: '等次越高，绩效系数不得越低', en: 'A better grade must not have a smaller coefficient' },
  exceeds_completed: { zh: '不得超过已完成任务数', en: 'Cannot exceed the completed tasks' },
  one_decimal: { zh: '最多一位小数', en: 'At most one decimal place' },
  two_decimals: { zh: '最多两位小数', en: 'At most two decimal places' },
  outside_month: { zh: '该任务不是在本结算月确认的', en: 'The task was not confirmed in the statement’s month' },
  unknown_item: { zh: '考核规则中没有该加减分项', en: 'No such bonus or deduction item in the rules' },
} as const;
export type NetworkRulesFieldErrorCode = keyof typeof NETWORK_RULES_FIELD_ERRORS;

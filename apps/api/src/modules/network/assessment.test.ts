import type { AssessmentGrade, AssessmentIndicator, AssessmentRules, AssistantMonthFacts, NetworkTaskKind } from '@courtassist/contracts';
import {
  ASSESSMENT_GRADES,
  ASSESSMENT_INDICATORS,
  assessmentRules,
  gradeOrder,
  monthlyAssessmentInput,
  NETWORK_TASK_KINDS,
} from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_RULES,
  assessMonth,
  competitionRanks,
  effectiveWeights,
  formatCentipoints,
  gradeAssistant,
  gradeForScore,
  previousMonth,
  recommendReplacement,
  requiredTrainingTenths,
  scoreAssistant,
  toCentipoints,
} from './assessment.js';
import { DEFAULT_ASSESSMENT_RULES as RULES } from './rules-defaults.js';

const facts = (over: Partial<AssistantMonthFacts> = {}): AssistantMonthFacts => ({
  assistantId: 1,
  courtId: 10,
  stationIds: [100],
  tasks: {},
  ratings: [],
  items: [],
  trainingHoursThisYear: 12,
  ...over,
});

const pointsOf = (score: ReturnType<typeof scoreAssistant>) =>
  Object.fromEntries(score.components.map((c) => [c.indicator, c.points])) as Record<AssessmentIndicator, number>;

/** The issue's example month: deliveries and mediations, four ratings, no investigation. */
const EXAMPLE = facts({
  tasks: { delivery: { completed: 8, withinDue: 7, successes: 6 }, mediation: { completed: 2, withinDue: 2, successes: 1 } },
  ratings: [5, 4, 4, 3],
});

describe('the default rules', () => {
  it('are valid rules', () => {
    expect(assessmentRules.safeParse(RULES).success).toBe(true);
  });
});

describe('scoreAssistant: a worked example (default weights 30/20/15/10/5/20, target 10)', () => {
  const score = scoreAssistant(EXAMPLE, RULES);

  it('spreads the weight of the indicator without data (investigation, 5) in proportion, adding up to exactly 100', () => {
    const effective = Object.fromEntries(score.components.map((c) => [c.indicator, c.effectiveWeight]));
    // 30/95, 20/95 … of 100, floors 31.57, 21.05, 15.78, 10.52, 21.05 (99.97); the three hundredths
    // left go to the largest remainders: delivery (.947), quantity (.894), mediation (.631).
    expect(effective).toEqual({
      quantity: 31.58,
      timeliness: 21.05,
      'delivery-success': 15.79,
      'mediation-success': 10.53,
      'investigation-findings': 0,
      quality: 21.05,
    });
  });

  it('scores each indicator as effective weight × fraction, rounded half up to 0.01', () => {
    expect(pointsOf(score)).toEqual({
      quantity: 31.58, // 10 of 10 → 1
      timeliness: 18.95, // 9 of 10 → 21.05 × 0.9 = 18.945 → 18.95 (half up)
      'delivery-success': 11.84, // 6 of 8 → 15.79 × 0.75 = 11.8425
      'mediation-success': 5.27, // 1 of 2 → 10.53 × 0.5 = 5.265 → 5.27 (half up)
      'investigation-findings': 0,
      quality: 15.79, // average 4 → (4 − 1) / 4 = 0.75 → 21.05 × 0.75 = 15.7875
    });
    expect(score.base).toBe(83.43);
    expect(score.score).toBe(83.43);
  });

  it('explains every component with its raw value, normalised value, weight and rule', () => {
    const byIndicator = Object.fromEntries(score.components.map((c) => [c.indicator, c]));
    expect(byIndicator.quality.raw).toEqual({ numerator: 16, denominator: 4 });
    expect(byIndicator.quality.normalised).toBe(0.75);
    expect(byIndicator.quality.detail).toContain('平均 4.00 分（4 次评价）');
    expect(byIndicator.timeliness.detail).toBe(
      '按期完成率：按期 9/10 → 0.9 × 21.05 = 18.95 分 (Timeliness: 9 of 10 in time → 0.9 × 21.05 = 18.95 points)',
    );
    expect(byIndicator['investigation-findings'].raw).toBeNull();
    expect(byIndicator['investigation-findings'].normalised).toBeNull();
    expect(byIndicator['investigation-findings'].rule).toBe(ASSESSMENT_RULES.fraction);
    expect(byIndicator['investigation-findings'].detail).toContain('不计分');
    expect(byIndicator.quantity.rule).toBe(ASSESSMENT_RULES.weight);
    expect(byIndicator.quantity.group).toBe('quantity');
    expect(byIndicator['delivery-success'].group).toBe('results');
    expect(score.detail).toBe('总分 83.43 + 0.00 − 0.00 = 83.43 分 (score 83.43 + 0.00 − 0.00 = 83.43 points)');
  });

  it('uses the configured weight unchanged when every indicator has data', () => {
    const full = scoreAssistant(
      facts({
        tasks: {
          delivery: { completed: 4, withinDue: 4, successes: 4 },
          mediation: { completed: 3, withinDue: 3, successes: 3 },
          investigation: { completed: 3, withinDue: 3, successes: 3 },
        },
        ratings: [5, 5],
      }),
      RULES,
    );
    expect(full.components.every((c) => c.effectiveWeight === c.weight && c.rule === ASSESSMENT_RULES.points)).toBe(true);
    expect(full.score).toBe(100);
  });
});

describe('scoreAssistant: table of months', () => {
  it.each([
    ['no task at all: quantity alone has data and scores 0', facts(), 0],
    [
      'quantity above the target counts as the target',
      facts({ tasks: { 'circuit-liaison': { completed: 25, withinDue: 25, successes: 25 } } }),
      100,
    ],
    // only quantity and timeliness have data: their weights 30 and 20 become 60 and 40
    ['half the target, all in time', facts({ tasks: { 'petition-risk': { completed: 5, withinDue: 5, successes: 0 } } }), 70],
    ['half the target, none in time', facts({ tasks: { 'petition-risk': { completed: 5, withinDue: 0, successes: 0 } } }), 30],
    ['only ratings of 1 and no tasks', facts({ ratings: [1, 1, 1] }), 0],
    [
      'a third: 1 of 3 delivered (repeating decimal rounds once)',
      facts({ tasks: { delivery: { completed: 3, withinDue: 3, successes: 1 } }, ratings: [5] }),
      // weights with data 30 + 20 + 15 + 20 = 85 → effective 35.29, 23.53, 17.65, 23.53;
      // quantity 3/10 → 10.587 → 10.59; timeliness 23.53; delivery 17.65 / 3 = 5.883 → 5.88; quality 23.53
      63.53,
    ],
  ])('%s → %s', (_, f, expected) => {
    expect(scoreAssistant(f, RULES).score).toBe(expected);
  });

  it('adds bonus points up to the cap and subtracts deductions', () => {
    const perfect = facts({ tasks: { delivery: { completed: 10, withinDue: 10, successes: 10 } }, ratings: [5] });
    expect(scoreAssistant({ ...perfect, items: [{ code: 'petition-defused', count: 1 }] }, RULES).score).toBe(105);
    const capped = scoreAssistant({ ...perfect, items: [{ code: 'petition-defused', count: 3 }] }, RULES);
    expect(capped.bonus).toBe(10);
    expect(capped.score).toBe(110);
    expect(capped.items).toEqual([
      {
        code: 'petition-defused',
        count: 3,
        points: 15,
        detail: '化解信访风险 5.00 × 3 = 15.00 分 (Petition risk defused 5.00 × 3 = 15.00 points)',
      },
    ]);
    expect(capped.detail).toContain('加分封顶 10.00');
    const mixed = scoreAssistant(
      {
        ...perfect,
        items: [
          { code: 'petition-defused', count: 1 },
          { code: 'false-report', count: 1 },
        ],
      },
      RULES,
    );
    expect(mixed).toMatchObject({ base: 100, bonus: 5, deduction: 10, score: 95 });
  });

  it('never goes below 0', () => {
    const s = scoreAssistant(facts({ items: [{ code: 'leaked-information', count: 2 }] }), RULES);
    expect(s).toMatchObject({ base: 0, deduction: 40, score: 0 });
  });

  it('the worked example with items: 83.43 + 5 − 10 = 78.43', () => {
    const s = scoreAssistant(
      {
        ...EXAMPLE,
        items: [
          { code: 'petition-defused', count: 1 },
          { code: 'false-report', count: 1 },
        ],
      },
      RULES,
    );
    expect(s.score).toBe(78.43);
  });

  it('refuses an item the rules do not define (the schema reports it first)', () => {
    expect(() => scoreAssistant(facts({ items: [{ code: 'no-such-item', count: 1 }] }), RULES)).toThrow(RangeError);
  });
});

describe('effectiveWeights', () => {
  const all = Object.fromEntries(ASSESSMENT_INDICATORS.map((k) => [k, true])) as Record<AssessmentIndicator, boolean>;
  it('is the weights × 100 when every indicator has data', () => {
    expect(effectiveWeights(RULES.weights, all)).toEqual({
      quantity: 3000,
      timeliness: 2000,
      'delivery-success': 1500,
      'mediation-success': 1000,
      'investigation-findings': 500,
      quality: 2000,
    });
  });
  it('is all 0 when nothing with a weight has data', () => {
    const none = Object.fromEntries(ASSESSMENT_INDICATORS.map((k) => [k, false])) as Record<AssessmentIndicator, boolean>;
    expect(Object.values(effectiveWeights(RULES.weights, none)).every((w) => w === 0)).toBe(true);
  });
  it('breaks equal remainders in the indicators’ listed order', () => {
    // Three equal weights of 33 over 99: 3333 + 3333 + 3333 = 9999, the last hundredth to the first listed.
    const weights = {
      quantity: 1,
      timeliness: 33,
      'delivery-success': 0,
      'mediation-success': 33,
      'investigation-findings': 0,
      quality: 33,
    };
    const eff = effectiveWeights(weights, { ...all, quantity: false });
    expect(eff).toMatchObject({ timeliness: 3334, 'mediation-success': 3333, quality: 3333, quantity: 0 });
  });
});

describe('grades', () => {
  it.each([
    [110, 'excellent'],
    [90, 'excellent'],
    [89.99, 'qualified'],
    [75, 'qualified'],
    [74.99, 'basic'],
    [60, 'basic'],
    [59.99, 'unqualified'],
    [0, 'unqualified'],
  ] as const)('score %s → %s (thresholds 90 / 75 / 60, inclusive)', (score, grade) => {
    expect(gradeForScore(score, RULES.thresholds)).toBe(grade);
  });

  it.each([
    // [minimum, prorated, month, required tenths]
    [12, true, 1, 10],
    [12, true, 6, 60],
    [12, true, 12, 120],
    [10, true, 1, 9], // 0.833… rounded up to 0.9
    [10, true, 7, 59], // 5.833… → 5.9
    [12, false, 1, 120],
    [0, true, 6, 0],
    [7.5, false, 3, 75],
  ] as const)('training minimum %s h (prorated %s), month %s → %s tenths required', (minimumHoursPerYear, prorated, month, tenths) => {
    expect(requiredTrainingTenths({ minimumHoursPerYear, prorated, capGrade: 'qualified' }, month)).toBe(tenths);
  });

  it.each([
    // [score, hours, month, grade, scoreGrade, short]
    [95, 6, '2026-06', 'excellent', 'excellent', false],
    [95, 5.9, '2026-06', 'qualified', 'excellent', true],
    [80, 0, '2026-06', 'qualified', 'qualified', true],
    [65, 0, '2026-06', 'basic', 'basic', true], // the cap never raises a grade
    [95, 1, '2026-01', 'excellent', 'excellent', false],
    [95, 0.9, '2026-01', 'qualified', 'excellent', true],
    [95, 11.9, '2026-12', 'qualified', 'excellent', true],
  ] as const)('score %s with %s h in %s → %s', (score, hours, month, grade, scoreGrade, short) => {
    const g = gradeAssistant(score, hours, month, RULES);
    expect(g.grade).toBe(grade);
    expect(g.scoreGrade).toBe(scoreGrade);
    expect(g.training.short).toBe(short);
  });

  it('explains a capped grade in both languages', () => {
    const g = gradeAssistant(95, 2.5, '2026-06', RULES);
    expect(g.detail).toBe(
      '按分数为优秀，培训学时不足（2.5/6），定为合格 (Excellent by score; training hours short (2.5/6), graded Qualified)',
    );
    expect(g.training).toEqual({ requiredHours: 6, actualHours: 2.5, short: true });
  });
});

describe('replacement recommendation (3 consecutive 不合格 months by default)', () => {
  const h = (...entries: [string, AssessmentGrade][]) => entries.map(([month, grade]) => ({ month, grade }));
  it.each([
    ['three in a row', h(['2026-04', 'unqualified'], ['2026-05', 'unqualified']), 'unqualified', true, ['2026-04', '2026-05', '2026-06']],
    ['only two', h(['2026-05', 'unqualified']), 'unqualified', false, ['2026-05', '2026-06']],
    ['this month is fine', h(['2026-04', 'unqualified'], ['2026-05', 'unqualified']), 'basic', false, []],
    [
      'a month without an assessment breaks the run',
      h(['2026-03', 'unqualified'], ['2026-05', 'unqualified']),
      'unqualified',
      false,
      ['2026-05', '2026-06'],
    ],
    [
      'a good month breaks the run',
      h(['2026-03', 'unqualified'], ['2026-04', 'qualified'], ['2026-05', 'unqualified']),
      'unqualified',
      false,
      ['2026-05', '2026-06'],
    ],
    ['later months are ignored', h(['2026-07', 'unqualified'], ['2026-08', 'unqualified']), 'unqualified', false, ['2026-06']],
  ] as const)('%s', (_, earlier, grade, recommended, months) => {
    const r = recommendReplacement('2026-06', grade, earlier, RULES.replacement);
    expect(r.recommended).toBe(recommended);
    expect(r.poorMonths).toEqual(months);
  });

  it('counts across the year end', () => {
    const r = recommendReplacement('2026-01', 'unqualified', h(['2025-11', 'unqualified'], ['2025-12', 'unqualified']), RULES.replacement);
    expect(r.recommended).toBe(true);
    expect(r.detail).toBe(
      '连续 3 个月为不合格（2025-11至2026-01），建议调整人选 (3 consecutive months graded Unqualified (2025-11 to 2026-01): replacement recommended)',
    );
  });

  it('follows the rule’s poor grades and length', () => {
    const rule = { consecutiveMonths: 2, poorGrades: ['basic', 'unqualified'] as AssessmentGrade[] };
    expect(recommendReplacement('2026-06', 'basic', h(['2026-05', 'unqualified']), rule).recommended).toBe(true);
    expect(recommendReplacement('2026-06', 'basic', h(['2026-05', 'qualified']), rule).recommended).toBe(false);
  });

  it.each([
    ['2026-01', '2025-12'],
    ['2026-10', '2026-09'],
    ['2026-03', '2026-02'],
  ])('previousMonth(%s) = %s', (m, prev) => {
    expect(previousMonth(m)).toBe(prev);
  });
});

describe('competitionRanks', () => {
  it.each([
    [
      [90, 80, 80, 70],
      [1, 2, 2, 4],
    ],
    [
      [50, 50, 50],
      [1, 1, 1],
    ],
    [
      [10, 20, 30],
      [1, 2, 3],
    ],
    [[], []],
  ])('%j → ranks %j (listed by score)', (scores, ranks) => {
    const ranked = competitionRanks(scores.map((score, i) => ({ id: i + 1, score })));
    expect(ranked.map((r) => r.rank)).toEqual(ranks);
  });

  it('lists tied entries by id, whatever order they came in', () => {
    const ranked = competitionRanks([
      { id: 7, score: 80 },
      { id: 3, score: 80 },
      { id: 5, score: 90 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      [5, 1],
      [3, 2],
      [7, 2],
    ]);
  });
});

describe('assessMonth', () => {
  const run = assessMonth({
    month: '2026-06',
    rules: RULES,
    assistants: [
      facts({
        assistantId: 1,
        courtId: 10,
        stationIds: [100],
        tasks: { delivery: { completed: 10, withinDue: 10, successes: 10 } },
        ratings: [5],
      }),
      facts({
        assistantId: 2,
        courtId: 10,
        stationIds: [100, 101],
        tasks: { delivery: { completed: 10, withinDue: 10, successes: 10 } },
        ratings: [5],
      }),
      facts({
        assistantId: 3,
        courtId: 10,
        stationIds: [101],
        tasks: { delivery: { completed: 5, withinDue: 5, successes: 5 } },
        ratings: [5],
      }),
      facts({ assistantId: 4, courtId: 10, stationIds: [100] }),
      facts({ assistantId: 5, courtId: 20, stationIds: [200], tasks: { delivery: { completed: 1, withinDue: 1, successes: 1 } } }),
    ],
    history: [
      { assistantId: 4, month: '2026-04', grade: 'unqualified' },
      { assistantId: 4, month: '2026-05', grade: 'unqualified' },
      { assistantId: 5, month: '2026-05', grade: 'unqualified' },
    ],
  });
  const byId = new Map(run.map((r) => [r.assistantId, r]));

  it('ranks within the court with shared ranks for ties', () => {
    expect(run.map((r) => [r.assistantId, r.courtRank.rank, r.courtRank.of])).toEqual([
      [1, 1, 4],
      [2, 1, 4],
      [3, 3, 4],
      [4, 4, 4],
      [5, 1, 1],
    ]);
  });

  it('ranks within each station the assistant belongs to', () => {
    expect(byId.get(2)?.stationRanks).toEqual([
      { stationId: 100, rank: 1, of: 3 },
      { stationId: 101, rank: 1, of: 2 },
    ]);
    expect(byId.get(3)?.stationRanks).toEqual([{ stationId: 101, rank: 2, of: 2 }]);
    expect(byId.get(4)?.stationRanks).toEqual([{ stationId: 100, rank: 3, of: 3 }]);
  });

  it('grades and recommends replacement from the history', () => {
    expect(byId.get(1)?.grade.grade).toBe('excellent');
    expect(byId.get(4)?.grade.grade).toBe('unqualified');
    expect(byId.get(4)?.replacement.recommended).toBe(true);
    expect(byId.get(5)?.replacement.recommended).toBe(false);
  });

  it('gives the same result whatever order the assistants come in', () => {
    const input = {
      month: '2026-06',
      rules: RULES,
      assistants: [facts({ assistantId: 9, ratings: [3] }), facts({ assistantId: 8, ratings: [3] })],
      history: [],
    };
    expect(assessMonth(input)).toEqual(assessMonth({ ...input, assistants: [...input.assistants].reverse() }));
  });
});

describe('schemas', () => {
  const codes = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; params?: unknown; code: string }[] } }) =>
    r.success
      ? []
      : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${(i.params as { code?: string } | undefined)?.code ?? i.code}`);

  it.each([
    ['weights not adding up to 100', { ...RULES, weights: { ...RULES.weights, quantity: 31 } }, 'weights:weights_sum'],
    [
      'thresholds out of order',
      { ...RULES, thresholds: { excellent: 90, qualified: 90, basic: 60 } },
      'thresholds.qualified:threshold_order',
    ],
    ['points with three decimals', { ...RULES, bonusCap: 2.555 }, 'bonusCap:two_decimals'],
    [
      'training hours with two decimals',
      { ...RULES, training: { ...RULES.training, minimumHoursPerYear: 1.25 } },
      'training.minimumHoursPerYear:one_decimal',
    ],
    ['a zero-point item', { ...RULES, items: [{ code: 'x', zh: '项', en: 'x', points: 0 }] }, 'items.0.points:invalid_value'],
    ['duplicate item codes', { ...RULES, items: [RULES.items[0], RULES.items[0]] }, 'items.1.code:duplicate'],
    ['a fractional weight', { ...RULES, weights: { ...RULES.weights, quantity: 29.5, quality: 20.5 } }, 'weights.quantity:invalid_type'],
  ])('rules: %s', (_, rules, code) => {
    expect(codes(assessmentRules.safeParse(rules))).toContain(code);
  });

  it.each([
    [
      'more in time than completed',
      facts({ tasks: { delivery: { completed: 2, withinDue: 3, successes: 0 } } }),
      'assistants.0.tasks.delivery.withinDue:exceeds_completed',
    ],
    [
      'more successes than completed',
      facts({ tasks: { mediation: { completed: 1, withinDue: 1, successes: 2 } } }),
      'assistants.0.tasks.mediation.successes:exceeds_completed',
    ],
    ['a rating of 6', facts({ ratings: [6] }), 'assistants.0.ratings.0:too_big'],
    ['an unknown item', facts({ items: [{ code: 'no-such-item', count: 1 }] }), 'assistants.0.items.0.code:unknown_item'],
    [
      'an unknown task kind',
      { ...facts(), tasks: { haircut: { completed: 1, withinDue: 1, successes: 1 } } },
      'assistants.0.tasks:unrecognized_keys',
    ],
  ])('facts: %s', (_, f, code) => {
    const found = codes(monthlyAssessmentInput.safeParse({ month: '2026-06', rules: RULES, assistants: [f], history: [] }));
    expect(found).toContain(code);
  });

  it('refuses an assistant assessed twice in one run', () => {
    const r = monthlyAssessmentInput.safeParse({ month: '2026-06', rules: RULES, assistants: [facts(), facts()], history: [] });
    expect(codes(r)).toContain('assistants.1.assistantId:duplicate');
  });

  it.each(['2026-13', '2026-6', '26-06', '2026-00'])('refuses the month %s', (month) => {
    expect(monthlyAssessmentInput.safeParse({ month, rules: RULES, assistants: [], history: [] }).success).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const kindFactsArb = fc.record({ completed: fc.integer({ min: 0, max: 40 }), a: fc.nat(), b: fc.nat() }).map(({ completed, a, b }) => ({
  completed,
  withinDue: completed === 0 ? 0 : a % (completed + 1),
  successes: completed === 0 ? 0 : b % (completed + 1),
}));

const factsArb: fc.Arbitrary<AssistantMonthFacts> = fc.record({
  assistantId: fc.integer({ min: 1, max: 1_000_000 }),
  courtId: fc.constantFrom(10, 20),
  stationIds: fc.uniqueArray(fc.integer({ min: 100, max: 105 }), { maxLength: 3 }),
  tasks: fc
    .array(fc.tuple(fc.constantFrom<NetworkTaskKind>(...NETWORK_TASK_KINDS), kindFactsArb), { maxLength: 6 })
    .map((entries) => Object.fromEntries(entries) as AssistantMonthFacts['tasks']),
  ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }),
  items: fc.array(fc.record({ code: fc.constantFrom(...RULES.items.map((i) => i.code)), count: fc.integer({ min: 1, max: 5 }) }), {
    maxLength: 4,
  }),
  trainingHoursThisYear: fc.integer({ min: 0, max: 300 }).map((t) => t / 10),
});

const weightsArb = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 })
  .filter((xs) => xs.some((x) => x > 0))
  .map((xs) => {
    // Scale to integers summing to exactly 100.
    const total = xs.reduce((a, b) => a + b, 0);
    const scaled = xs.map((x) => Math.floor((x * 100) / total));
    scaled[xs.indexOf(Math.max(...xs))] += 100 - scaled.reduce((a, b) => a + b, 0);
    return Object.fromEntries(ASSESSMENT_INDICATORS.map((k, i) => [k, scaled[i]])) as AssessmentRules['weights'];
  });

const rulesArb: fc.Arbitrary<AssessmentRules> = fc
  .record({ weights: weightsArb, quantityTarget: fc.integer({ min: 1, max: 30 }), bonusCap: fc.integer({ min: 0, max: 2000 }) })
  .map(({ weights, quantityTarget, bonusCap }) => ({ ...RULES, weights, quantityTarget, bonusCap: bonusCap / 100 }));

const centi = (x: number) => toCentipoints(x);

describe('score properties', () => {
  it('generated rules and facts are valid input (the arbitraries stay inside the contract)', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, f) => {
        expect(monthlyAssessmentInput.safeParse({ month: '2026-06', rules, assistants: [f], history: [] }).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('the base is in 0…100, the score in 0…100 + bonus cap, both with at most two decimals', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, f) => {
        const s = scoreAssistant(f, rules);
        expect(s.base).toBeGreaterThanOrEqual(0);
        expect(s.base).toBeLessThanOrEqual(100);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(centi(s.score)).toBeLessThanOrEqual(10_000 + centi(rules.bonusCap));
        expect(centi(s.score) / 100).toBe(s.score);
        expect(centi(s.base) / 100).toBe(s.base);
      }),
    );
  });

  it('the base is exactly the sum of the component points, and the score base + bonus − deduction floored at 0', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, f) => {
        const s = scoreAssistant(f, rules);
        expect(s.components.reduce((sum, c) => sum + centi(c.points), 0)).toBe(centi(s.base));
        expect(centi(s.score)).toBe(Math.max(0, centi(s.base) + centi(s.bonus) - centi(s.deduction)));
        expect(centi(s.bonus)).toBeLessThanOrEqual(centi(rules.bonusCap));
      }),
    );
  });

  it('effective weights add up to exactly 100.00 whenever an indicator with a weight has data, and no component exceeds its weight', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, (rules, f) => {
        const s = scoreAssistant(f, rules);
        const sum = s.components.reduce((acc, c) => acc + centi(c.effectiveWeight), 0);
        const anyData = s.components.some((c) => c.raw !== null && c.weight > 0);
        expect(sum).toBe(anyData ? 10_000 : 0);
        for (const c of s.components) {
          expect(centi(c.points)).toBeLessThanOrEqual(centi(c.effectiveWeight));
          if (c.raw === null) expect(c.effectiveWeight).toBe(0);
        }
      }),
    );
  });

  it('one more success (same tasks otherwise) never lowers the score', () => {
    fc.assert(
      fc.property(rulesArb, factsArb, fc.constantFrom<NetworkTaskKind>('delivery', 'mediation', 'investigation'), (rules, f, kind) => {
        const k = f.tasks[kind];
        fc.pre(k !== undefined && k.successes < k.completed);
        const better = { ...f, tasks: { ...f.tasks, [kind]: { ...k, successes: (k?.successes ?? 0) + 1 } } };
        expect(scoreAssistant(better, rules).score).toBeGreaterThanOrEqual(scoreAssistant(f, rules).score);
      }),
    );
  });

  it('a grade is monotone in the score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11_000 }), fc.integer({ min: 0, max: 11_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        expect(gradeOrder(gradeForScore(hi, RULES.thresholds))).toBeLessThanOrEqual(gradeOrder(gradeForScore(lo, RULES.thresholds)));
      }),
    );
  });

  it('the training cap never raises a grade, and lowers it only when hours are short', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 11_000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 12 }),
        (score, tenths, month) => {
          const m = `2026-${String(month).padStart(2, '0')}`;
          const g = gradeAssistant(score / 100, tenths / 10, m, RULES);
          expect(gradeOrder(g.grade)).toBeGreaterThanOrEqual(gradeOrder(g.scoreGrade));
          if (!g.training.short) expect(g.grade).toBe(g.scoreGrade);
          expect(ASSESSMENT_GRADES).toContain(g.grade);
        },
      ),
    );
  });
});

describe('ranking properties', () => {
  const entriesArb = fc.uniqueArray(fc.record({ id: fc.integer({ min: 1, max: 10_000 }), score: fc.integer({ min: 0, max: 20 }) }), {
    selector: (e) => e.id,
    maxLength: 40,
  });

  it('is a permutation, ordered by score then id, with rank = 1 + the number strictly above', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const ranked = competitionRanks(entries);
        expect(ranked.map((r) => r.id).sort((a, b) => a - b)).toEqual(entries.map((e) => e.id).sort((a, b) => a - b));
        for (let i = 0; i < ranked.length; i++) {
          expect(ranked[i].rank).toBe(1 + entries.filter((e) => e.score > ranked[i].score).length);
          if (i > 0) {
            const [p, c] = [ranked[i - 1], ranked[i]];
            expect(p.score > c.score || (p.score === c.score && p.id < c.id)).toBe(true);
          }
        }
      }),
    );
  });

  it('does not depend on the input order', () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        expect(competitionRanks([...entries].reverse())).toEqual(competitionRanks(entries));
      }),
    );
  });

  it('a monthly run ranks every assistant once per court, with of = the court’s count', () => {
    fc.assert(
      fc.property(fc.uniqueArray(factsArb, { selector: (f) => f.assistantId, maxLength: 15 }), (assistants) => {
        const run = assessMonth({ month: '2026-06', rules: RULES, assistants, history: [] });
        expect(run.length).toBe(assistants.length);
        for (const r of run) {
          const inCourt = assistants.filter((a) => a.courtId === r.courtId);
          expect(r.courtRank.of).toBe(inCourt.length);
          expect(r.courtRank.rank).toBe(1 + run.filter((o) => o.courtId === r.courtId && o.score.score > r.score.score).length);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('formatCentipoints', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [8343, '83.43'],
    [-1000, '-10.00'],
    [11000, '110.00'],
  ])('%i → %s', (c, text) => {
    expect(formatCentipoints(c)).toBe(text);
  });
});

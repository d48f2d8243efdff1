import type { AssessmentGrade, SubsidyRules, SubsidyStatementInput, SubsidyTask } from '@courtassist/contracts';
import {
  ASSESSMENT_GRADES,
  gradeOrder,
  NETWORK_TASK_KINDS,
  NETWORK_TASK_OUTCOMES,
  subsidyRules,
  subsidyStatementInput,
} from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBSIDY_RULES as RULES } from './rules-defaults.js';
import {
  computeStatement,
  divideRoundHalfUp,
  formatPermille,
  formatYuan,
  SUBSIDY_RULES,
  sumStatements,
  totalsByStation,
  verifyStatement,
} from './subsidies.js';

let nextId = 1;
const task = (kind: SubsidyTask['kind'], outcome: SubsidyTask['outcome'], confirmedOn = '2026-06-10', taskId = nextId++): SubsidyTask => ({
  taskId,
  kind,
  outcome,
  confirmedOn,
});
const statementInput = (
  grade: AssessmentGrade,
  tasks: SubsidyTask[],
  over: Partial<SubsidyStatementInput> = {},
): SubsidyStatementInput => ({
  assistantId: 7,
  stationId: 100,
  month: '2026-06',
  grade,
  tasks,
  ...over,
});
const repeat = (n: number, make: () => SubsidyTask) => Array.from({ length: n }, make);

describe('divideRoundHalfUp', () => {
  it.each([
    [0, 7, 0],
    [4, 10, 0],
    [5, 10, 1], // exactly half: up
    [6, 10, 1],
    [14, 10, 1],
    [15, 10, 2],
    [25, 10, 3],
    [1_198_800, 1000, 1199], // 1198.8
    [1_248_750, 1000, 1249], // 1248.75
    [2500, 1000, 3], // 2.5 → 3
    [2499, 1000, 2],
    [Number.MAX_SAFE_INTEGER / 4 - 0.75, 1, Number.MAX_SAFE_INTEGER / 4 - 0.75],
  ])('%i ÷ %i → %i', (n, d, q) => {
    expect(divideRoundHalfUp(n, d)).toBe(q);
  });

  it.each([
    [-1, 10],
    [1.5, 10],
    [10, 0],
    [10, -2],
    [Number.MAX_SAFE_INTEGER, 3],
  ])('refuses %s ÷ %s', (n, d) => {
    expect(() => divideRoundHalfUp(n, d)).toThrow(RangeError);
  });

  it('agrees with exact BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 1, max: 2 ** 20 }), (n, d) => {
        const exact = (2n * BigInt(n) + BigInt(d)) / (2n * BigInt(d));
        expect(BigInt(divideRoundHalfUp(n, d))).toBe(exact);
      }),
    );
  });
});

describe('computeStatement with the default rules', () => {
  it('pays the rate per task, applies the grade coefficient once, and stays under the cap', () => {
    const s = computeStatement(
      statementInput('excellent', [
        task('delivery', 'success', '2026-06-03', 11),
        task('delivery', 'success', '2026-06-01', 12),
        task('delivery', 'failure', '2026-06-03', 10),
        task('mediation', 'success', '2026-06-20', 13),
      ]),
      RULES,
    );
    expect(s.lines.map((l) => [l.taskId, l.amountFen])).toEqual([
      [12, 3000],
      [10, 1000],
      [11, 3000],
      [13, 10000],
    ]);
    expect(s).toMatchObject({ subtotalFen: 17000, coefficientPermille: 1200, adjustedFen: 20400, capReductionFen: 0, totalFen: 20400 });
    expect(s.lines[0].detail).toBe('协助送达·送达成功：30.00元 (Assisted delivery, Delivered: 30.00 yuan)');
    expect(s.steps.map((step) => step.rule)).toEqual([SUBSIDY_RULES.rate, SUBSIDY_RULES.coefficient, SUBSIDY_RULES.cap]);
    expect(s.steps.map((step) => step.detail)).toEqual([
      '4件任务小计 170.00元 (4 tasks, subtotal 170.00 yuan)',
      '优秀 ×1.2：204.00元 (Excellent ×1.2: 204.00 yuan)',
      '未超过月度上限 2,000.00元 (within the monthly cap of 2,000.00 yuan)',
    ]);
  });

  it.each([
    ['excellent', 1200, 36000],
    ['qualified', 1000, 30000],
    ['basic', 800, 24000],
    ['unqualified', 0, 0],
  ] as const)('grade %s: coefficient %i‰ on 10 deliveries', (grade, permille, total) => {
    const s = computeStatement(
      statementInput(
        grade,
        repeat(10, () => task('delivery', 'success')),
      ),
      RULES,
    );
    expect(s.coefficientPermille).toBe(permille);
    expect(s.totalFen).toBe(total);
  });

  it('applies the cap after the coefficient', () => {
    // 19 mediations × 100.00 = 1,900.00; ×1.2 = 2,280.00; cap 2,000.00
    const s = computeStatement(
      statementInput(
        'excellent',
        repeat(19, () => task('mediation', 'success')),
      ),
      RULES,
    );
    expect(s).toMatchObject({ subtotalFen: 190_000, adjustedFen: 228_000, capFen: 200_000, capReductionFen: 28_000, totalFen: 200_000 });
    expect(s.steps[2].detail).toBe(
      '超过月度上限 2,000.00元，核减 280.00元 (above the monthly cap of 2,000.00 yuan: 280.00 yuan taken off)',
    );
  });

  it('pays 0 for a (kind, outcome) the court set no rate for, and says so', () => {
    const s = computeStatement(statementInput('qualified', [task('petition-risk', 'failure')]), RULES);
    expect(s.totalFen).toBe(0);
    expect(s.lines[0]).toMatchObject({ amountFen: 0 });
    expect(s.lines[0].detail).toContain('未设补贴标准');
  });

  it('an empty month is an empty statement', () => {
    expect(computeStatement(statementInput('excellent', []), RULES)).toMatchObject({
      lines: [],
      subtotalFen: 0,
      adjustedFen: 0,
      totalFen: 0,
    });
  });
});

describe('rounding: half up to the fen, once, on the subtotal', () => {
  const odd: SubsidyRules = {
    rates: [{ kind: 'delivery', outcome: 'success', amountFen: 333 }],
    coefficients: { excellent: 1250, qualified: 1000, basic: 815, unqualified: 0 },
    monthlyCapFen: 1_000_000,
  };

  it.each([
    // [grade, tasks, adjusted] — subtotal 333 × n
    ['excellent', 1, 416], // 416.25
    ['excellent', 2, 833], // 832.5 → 833
    ['excellent', 3, 1249], // 1248.75; per-line rounding would give 416 × 3 = 1248
    ['basic', 1, 271], // 271.395
    ['basic', 2, 543], // 542.79
    ['basic', 4, 1086], // 1085.58
  ] as const)('%s, %i deliveries of 3.33 → %i fen', (grade, n, adjusted) => {
    const s = computeStatement(
      statementInput(
        grade,
        repeat(n, () => task('delivery', 'success')),
      ),
      odd,
    );
    expect(s.adjustedFen).toBe(adjusted);
  });
});

describe('verifyStatement', () => {
  const s = computeStatement(statementInput('basic', [task('delivery', 'success'), task('investigation', 'success')]), RULES);

  it('finds nothing to correct in a statement computed from the same rules', () => {
    expect(verifyStatement(s, RULES)).toEqual([]);
  });

  it('finds every amount that was changed', () => {
    const tampered = {
      ...s,
      lines: s.lines.map((l, i) => (i === 0 ? { ...l, amountFen: l.amountFen + 100 } : l)),
      totalFen: s.totalFen + 1,
    };
    expect(verifyStatement(tampered, RULES)).toEqual([
      { field: 'lines.0.amountFen', stored: 3100, recomputed: 3000 },
      { field: 'totalFen', stored: 6401, recomputed: 6400 },
    ]);
  });

  it('finds amounts that no longer match changed rules', () => {
    const raised = {
      ...RULES,
      rates: RULES.rates.map((r) => (r.kind === 'delivery' && r.outcome === 'success' ? { ...r, amountFen: 3500 } : r)),
    };
    expect(verifyStatement(s, raised).map((d) => d.field)).toEqual(['lines.0.amountFen', 'subtotalFen', 'adjustedFen', 'totalFen']);
  });
});

describe('totals', () => {
  it('sums per station (no station last) and per court', () => {
    const statements = [
      computeStatement(statementInput('qualified', [task('delivery', 'success')], { assistantId: 1, stationId: 101 }), RULES),
      computeStatement(statementInput('qualified', [task('mediation', 'success')], { assistantId: 2, stationId: null }), RULES),
      computeStatement(statementInput('excellent', [task('delivery', 'success')], { assistantId: 3, stationId: 100 }), RULES),
      computeStatement(statementInput('basic', [task('delivery', 'failure')], { assistantId: 4, stationId: 101 }), RULES),
    ];
    expect(totalsByStation(statements)).toEqual([
      { stationId: 100, totals: { statements: 1, tasks: 1, subtotalFen: 3000, adjustedFen: 3600, capReductionFen: 0, totalFen: 3600 } },
      { stationId: 101, totals: { statements: 2, tasks: 2, subtotalFen: 4000, adjustedFen: 3800, capReductionFen: 0, totalFen: 3800 } },
      { stationId: null, totals: { statements: 1, tasks: 1, subtotalFen: 10000, adjustedFen: 10000, capReductionFen: 0, totalFen: 10000 } },
    ]);
    expect(sumStatements(statements)).toEqual({
      statements: 4,
      tasks: 4,
      subtotalFen: 17000,
      adjustedFen: 17400,
      capReductionFen: 0,
      totalFen: 17400,
    });
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [3000, '30.00'],
    [123456789, '1,234,567.89'],
  ])('%i fen → %s', (f, text) => {
    expect(formatYuan(f)).toBe(text);
  });
  it.each([
    [1200, '1.2'],
    [1000, '1'],
    [815, '0.815'],
    [0, '0'],
    [1050, '1.05'],
  ])('%i‰ → ×%s', (p, text) => {
    expect(formatPermille(p)).toBe(text);
  });
});

describe('schemas', () => {
  const codes = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; params?: unknown; code: string }[] } }) =>
    r.success
      ? []
      : (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${(i.params as { code?: string } | undefined)?.code ?? i.code}`);

  it('accepts the default rules', () => {
    expect(subsidyRules.safeParse(RULES).success).toBe(true);
  });

  it.each([
    [
      'a rate in yuan with decimals',
      { ...RULES, rates: [{ kind: 'delivery', outcome: 'success', amountFen: 30.5 }] },
      'rates.0.amountFen:invalid_type',
    ],
    ['a negative rate', { ...RULES, rates: [{ kind: 'delivery', outcome: 'success', amountFen: -1 }] }, 'rates.0.amountFen:too_small'],
    ['two rates for one pair', { ...RULES, rates: [RULES.rates[0], RULES.rates[0]] }, 'rates.1.outcome:duplicate'],
    [
      'a better grade paid less',
      { ...RULES, coefficients: { excellent: 900, qualified: 1000, basic: 800, unqualified: 0 } },
      'coefficients.qualified:coefficient_order',
    ],
    [
      'a coefficient as a float',
      { ...RULES, coefficients: { ...RULES.coefficients, excellent: 1.2 } },
      'coefficients.excellent:invalid_type',
    ],
    ['a cap in floats', { ...RULES, monthlyCapFen: 2000.5 }, 'monthlyCapFen:invalid_type'],
  ])('rules: %s', (_, rules, code) => {
    expect(codes(subsidyRules.safeParse(rules))).toContain(code);
  });

  it.each([
    [
      'a task confirmed in another month',
      statementInput('qualified', [task('delivery', 'success', '2026-07-01')]),
      'tasks.0.confirmedOn:outside_month',
    ],
    [
      'the same task twice',
      statementInput('qualified', [task('delivery', 'success', '2026-06-01', 5), task('delivery', 'success', '2026-06-02', 5)]),
      'tasks.1.taskId:duplicate',
    ],
    [
      'a date that does not exist',
      statementInput('qualified', [task('delivery', 'success', '2026-06-31')]),
      'tasks.0.confirmedOn:invalid_date',
    ],
    [
      'an unknown outcome',
      statementInput('qualified', [{ ...task('delivery', 'success'), outcome: 'partial' as 'success' }]),
      'tasks.0.outcome:invalid_value',
    ],
  ])('statement input: %s', (_, input, code) => {
    expect(codes(subsidyStatementInput.safeParse(input))).toContain(code);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const rulesArb: fc.Arbitrary<SubsidyRules> = fc
  .record({
    amounts: fc.array(fc.integer({ min: 0, max: 50_000 }), {
      minLength: NETWORK_TASK_KINDS.length * 2,
      maxLength: NETWORK_TASK_KINDS.length * 2,
    }),
    present: fc.array(fc.boolean(), { minLength: NETWORK_TASK_KINDS.length * 2, maxLength: NETWORK_TASK_KINDS.length * 2 }),
    coefficients: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 4, maxLength: 4 }).map((xs) => [...xs].sort((a, b) => b - a)),
    monthlyCapFen: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(({ amounts, present, coefficients, monthlyCapFen }) => ({
    rates: NETWORK_TASK_KINDS.flatMap((kind, k) =>
      NETWORK_TASK_OUTCOMES.map((outcome, o) => ({ kind, outcome, amountFen: amounts[k * 2 + o], present: present[k * 2 + o] })),
    )
      .filter((r) => r.present)
      .map(({ present: _, ...r }) => r),
    coefficients: { excellent: coefficients[0], qualified: coefficients[1], basic: coefficients[2], unqualified: coefficients[3] },
    monthlyCapFen,
  }));

const tasksArb = fc.uniqueArray(
  fc.record({
    taskId: fc.integer({ min: 1, max: 100_000 }),
    kind: fc.constantFrom(...NETWORK_TASK_KINDS),
    outcome: fc.constantFrom(...NETWORK_TASK_OUTCOMES),
    confirmedOn: fc.integer({ min: 1, max: 30 }).map((d) => `2026-06-${String(d).padStart(2, '0')}`),
  }),
  { selector: (t) => t.taskId, maxLength: 60 },
);
const gradeArb = fc.constantFrom(...ASSESSMENT_GRADES);

describe('statement properties', () => {
  it('generated rules and tasks are valid input', () => {
    fc.assert(
      fc.property(rulesArb, tasksArb, gradeArb, (rules, tasks, grade) => {
        expect(subsidyRules.safeParse(rules).success).toBe(true);
        expect(subsidyStatementInput.safeParse(statementInput(grade, tasks)).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('the subtotal is the sum of the lines; the total never exceeds the cap; total = min(adjusted, cap)', () => {
    fc.assert(
      fc.property(rulesArb, tasksArb, gradeArb, (rules, tasks, grade) => {
        const s = computeStatement(statementInput(grade, tasks), rules);
        expect(s.subtotalFen).toBe(s.lines.reduce((sum, l) => sum + l.amountFen, 0));
        expect(s.lines.length).toBe(tasks.length);
        expect(s.totalFen).toBeLessThanOrEqual(rules.monthlyCapFen);
        expect(s.totalFen).toBe(Math.min(s.adjustedFen, rules.monthlyCapFen));
        expect(s.capReductionFen).toBe(s.adjustedFen - s.totalFen);
        for (const amount of [s.subtotalFen, s.adjustedFen, s.totalFen, s.capReductionFen, ...s.lines.map((l) => l.amountFen)]) {
          expect(Number.isSafeInteger(amount) && amount >= 0).toBe(true);
        }
      }),
    );
  });

  it('the adjusted amount is the exact subtotal × coefficient ÷ 1000, rounded half up', () => {
    fc.assert(
      fc.property(rulesArb, tasksArb, gradeArb, (rules, tasks, grade) => {
        const s = computeStatement(statementInput(grade, tasks), rules);
        // |adjusted − subtotal × c / 1000| ≤ 1/2, with halves going up: −500 < 1000·adjusted − subtotal·c ≤ 500
        const diff = 1000n * BigInt(s.adjustedFen) - BigInt(s.subtotalFen) * BigInt(s.coefficientPermille);
        expect(diff > -500n && diff <= 500n).toBe(true);
      }),
    );
  });

  it('a better grade is never paid less for the same tasks (coefficients monotone in the grade)', () => {
    fc.assert(
      fc.property(rulesArb, tasksArb, gradeArb, gradeArb, (rules, tasks, a, b) => {
        const [better, worse] = gradeOrder(a) <= gradeOrder(b) ? [a, b] : [b, a];
        const paidBetter = computeStatement(statementInput(better, tasks), rules).totalFen;
        const paidWorse = computeStatement(statementInput(worse, tasks), rules).totalFen;
        expect(paidBetter).toBeGreaterThanOrEqual(paidWorse);
      }),
    );
  });

  it('is reproducible: the same tasks in any order give the same statement, and recomputing from its lines changes nothing', () => {
    fc.assert(
      fc.property(rulesArb, tasksArb, gradeArb, fc.nat(), (rules, tasks, grade, seed) => {
        const s = computeStatement(statementInput(grade, tasks), rules);
        const shuffled = [...tasks].sort((x, y) => ((x.taskId * 7919 + seed) % 101) - ((y.taskId * 7919 + seed) % 101));
        expect(computeStatement(statementInput(grade, shuffled), rules)).toEqual(s);
        expect(verifyStatement(s, rules)).toEqual([]);
        expect(verifyStatement(JSON.parse(JSON.stringify(s)), rules)).toEqual([]);
      }),
    );
  });

  it('the court total is the sum of the station totals', () => {
    fc.assert(
      fc.property(
        rulesArb,
        fc.array(fc.tuple(tasksArb, gradeArb, fc.constantFrom(100, 101, 102, null)), { maxLength: 8 }),
        (rules, assistants) => {
          const statements = assistants.map(([tasks, grade, stationId], i) =>
            computeStatement(statementInput(grade, tasks, { assistantId: i + 1, stationId }), rules),
          );
          const court = sumStatements(statements);
          const stations = totalsByStation(statements);
          for (const field of ['statements', 'tasks', 'subtotalFen', 'adjustedFen', 'capReductionFen', 'totalFen'] as const) {
            expect(stations.reduce((sum, s) => sum + s.totals[field], 0)).toBe(court[field]);
          }
          expect(court.totalFen).toBe(statements.reduce((sum, s) => sum + s.totalFen, 0));
        },
      ),
      { numRuns: 50 },
    );
  });
});

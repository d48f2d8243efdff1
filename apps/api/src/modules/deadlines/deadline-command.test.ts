import { describe, expect, it } from 'vitest';
import { makeDeadlineBatch, OFFICIAL_CALENDAR_2026 } from './calculator.bench-fixture.js';
import {
  EXIT_INTERNAL,
  EXIT_INVALID,
  EXIT_OK,
  finishDeadlineCommand,
  MAX_REPORTED_ERRORS,
  prepareDeadlineCommand,
  runDeadlineCommand,
} from './deadline-command.js';

const TRIAL_EXAMPLE = {
  type: 'trial',
  procedure: 'civil-first-ordinary',
  filedOn: '2026-01-05',
  extensions: [{ months: 6 }],
  deductions: [{ kind: 'announcement', from: '2026-02-01', to: '2026-03-02' }],
};
const PERIOD_EXAMPLE = {
  type: 'period',
  from: '2026-04-30',
  days: 15,
  calendar: { holidays: ['2026-05-01', '2026-05-02'], workdays: ['2026-05-09'] },
};

function run(input: unknown, stored?: typeof OFFICIAL_CALENDAR_2026) {
  const out = runDeadlineCommand(typeof input === 'string' ? input : JSON.stringify(input), stored);
  expect(out.stdout.endsWith('\n')).toBe(true);
  expect(out.stdout.trimEnd()).not.toContain('\n'); // one line of JSON
  return { exitCode: out.exitCode, body: JSON.parse(out.stdout) };
}

/** The problem shape every failure shares; returns the fields for closer checks. */
function expectProblem(body: Record<string, unknown>, code: string, status = 400) {
  const type = `https://courtassist.org/problems/${code.toLowerCase().replaceAll('_', '-')}`;
  expect(body).toMatchObject({ type, status, code });
  expect(body).not.toHaveProperty('deadline');
  const message = body.message as { zh: string; en: string };
  expect(message.zh).toBeTruthy();
  expect(message.en).toBeTruthy();
  const errors = (body.errors ?? []) as { field: string; code: string; message: { zh: string; en: string } }[];
  for (const e of errors) expect(e.message.zh && e.message.en).toBeTruthy();
  return errors.map(({ field, code: c }) => ({ field, code: c }));
}

describe('runDeadlineCommand', () => {
  it('answers one request with one result', () => {
    const { exitCode, body } = run(TRIAL_EXAMPLE);
    expect(exitCode).toBe(EXIT_OK);
    expect(body.deadline).toBe('2027-02-04');
    expect(body.steps.map((s: { date: string }) => s.date)).toEqual(['2026-07-05', '2027-01-05', '2027-02-04']);
    expect(body.steps[2].rule).toContain('规则3');
  });

  it('answers the period example with its own calendar and no stored one', () => {
    const { exitCode, body } = run(PERIOD_EXAMPLE);
    expect(exitCode).toBe(EXIT_OK);
    expect(body.deadline).toBe('2026-05-15');
  });

  it('answers an array with an array, in order', () => {
    const { exitCode, body } = run(
      [TRIAL_EXAMPLE, PERIOD_EXAMPLE, { type: 'period', from: '2026-09-16', days: 15 }],
      OFFICIAL_CALENDAR_2026,
    );
    expect(exitCode).toBe(EXIT_OK);
    expect(body.map((r: { deadline: string }) => r.deadline)).toEqual(['2027-02-04', '2026-05-15', '2026-10-08']);
  });

  it('answers an empty array with an empty array', () => {
    expect(run([])).toEqual({ exitCode: EXIT_OK, body: [] });
  });

  it('ignores surrounding whitespace', () => {
    expect(run(`\n  ${JSON.stringify(TRIAL_EXAMPLE)}  \n`).body.deadline).toBe('2027-02-04');
  });

  it.each(['{"type":"trial",', '', '   ', 'not json', '[1,]'])('reports malformed JSON %j', (text) => {
    const { exitCode, body } = run(text);
    expect(exitCode).toBe(EXIT_INVALID);
    expectProblem(body, 'MALFORMED_JSON');
    expect(body.detail).toBeTruthy();
  });

  it('gives no partial output when one item of an array is invalid, and points at it', () => {
    const { exitCode, body } = run([TRIAL_EXAMPLE, PERIOD_EXAMPLE, { ...TRIAL_EXAMPLE, procedure: 'civil-third' }]);
    expect(exitCode).toBe(EXIT_INVALID);
    expect(expectProblem(body, 'VALIDATION_FAILED')).toEqual([{ field: '[2].procedure', code: 'invalid_value' }]);
    expect(body.meta).toEqual({ invalidItems: 1, truncated: false });
    expect(Array.isArray(body)).toBe(false);
  });

  it.each([
    ['both days and months', { ...PERIOD_EXAMPLE, months: 1 }, [{ field: '[0].days', code: 'one_length' }]],
    [
      'neither days nor months',
      { type: 'period', from: '2026-04-30', calendar: PERIOD_EXAMPLE.calendar },
      [{ field: '[0].days', code: 'one_length' }],
    ],
    [
      'an extension with both',
      { ...TRIAL_EXAMPLE, extensions: [{ months: 6 }, { months: 1, days: 2 }] },
      [{ field: '[0].extensions[1].days', code: 'one_length' }],
    ],
    [
      'to before from',
      { ...TRIAL_EXAMPLE, deductions: [{ kind: 'appraisal', from: '2026-03-02', to: '2026-02-01' }] },
      [{ field: '[0].deductions[0].to', code: 'date_order' }],
    ],
    ['an unknown procedure', { ...TRIAL_EXAMPLE, procedure: 'civil-first-fancy' }, [{ field: '[0].procedure', code: 'invalid_value' }]],
    ['a bad date 2026-02-30', { ...TRIAL_EXAMPLE, filedOn: '2026-02-30' }, [{ field: '[0].filedOn', code: 'invalid_date' }]],
    ['a bad date 2026-13-01', { ...PERIOD_EXAMPLE, from: '2026-13-01' }, [{ field: '[0].from', code: 'invalid_date' }]],
    [
      'a bad holiday',
      { ...PERIOD_EXAMPLE, calendar: { holidays: ['2026-02-29'], workdays: [] } },
      [{ field: '[0].calendar.holidays[0]', code: 'invalid_date' }],
    ],
    [
      'a date both holiday and workday',
      { ...PERIOD_EXAMPLE, calendar: { holidays: ['2026-05-09'], workdays: ['2026-05-09'] } },
      [{ field: '[0].calendar.workdays[0]', code: 'calendar_conflict' }],
    ],
    ['a missing type', { from: '2026-04-30', days: 15 }, [{ field: '[0].type', code: 'required' }]],
    ['an unknown type', { ...PERIOD_EXAMPLE, type: 'limit' }, [{ field: '[0].type', code: 'invalid_value' }]],
    ['a missing filing date', { type: 'trial', procedure: 'enforcement' }, [{ field: '[0].filedOn', code: 'required' }]],
    ['an unknown field', { ...TRIAL_EXAMPLE, judge: 'x' }, [{ field: '[0].judge', code: 'unrecognized_keys' }]],
    ['zero days', { ...PERIOD_EXAMPLE, days: 0 }, [{ field: '[0].days', code: 'too_small' }]],
    ['a string for days', { ...PERIOD_EXAMPLE, days: '15' }, [{ field: '[0].days', code: 'invalid_type' }]],
    ['a number instead of a request', 42, [{ field: '[0]', code: 'invalid_type' }]],
    ['null', null, [{ field: '[0]', code: 'invalid_type' }]],
  ])('rejects %s', (_name, input, expected) => {
    const { exitCode, body } = run(input);
    expect(exitCode).toBe(EXIT_INVALID);
    expect(expectProblem(body, 'VALIDATION_FAILED')).toEqual(expected);
  });

  it('reports every invalid item, capped', () => {
    const bad = { ...TRIAL_EXAMPLE, filedOn: '2026-02-30' };
    const { body } = run([bad, TRIAL_EXAMPLE, bad]);
    expect(expectProblem(body, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['[0].filedOn', '[2].filedOn']);
    const many = run(Array.from({ length: 500 }, () => bad)).body;
    expect(many.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(many.meta).toEqual({ invalidItems: 500, truncated: true });
  });

  it('asks for a calendar when a period has none and none is stored', () => {
    const { exitCode, body } = run([TRIAL_EXAMPLE, { type: 'period', from: '2026-09-16', days: 15 }]);
    expect(exitCode).toBe(EXIT_INVALID);
    expect(expectProblem(body, 'CALENDAR_REQUIRED')).toEqual([{ field: '[1].calendar', code: 'calendar_required' }]);
  });

  it('needs no calendar for trial limits', () => {
    expect(run([TRIAL_EXAMPLE, TRIAL_EXAMPLE]).exitCode).toBe(EXIT_OK);
  });

  it('uses the stored calendar for periods without one, and the request’s own when given', () => {
    const { body } = run(
      [
        { type: 'period', from: '2026-09-16', days: 15 },
        { type: 'period', from: '2026-09-16', days: 15, calendar: { holidays: [], workdays: [] } },
      ],
      OFFICIAL_CALENDAR_2026,
    );
    expect(body.map((r: { deadline: string }) => r.deadline)).toEqual(['2026-10-08', '2026-10-01']);
  });

  it('checks and compiles a repeated calendar once, without mixing up different ones', () => {
    const national = { holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'] };
    const reordered = { workdays: ['2026-10-10'], holidays: national.holidays };
    const p = (calendar: object) => ({ type: 'period', from: '2026-09-16', days: 15, calendar });
    const { exitCode, body } = run([p(national), p({ holidays: [] }), p(national), p(reordered), p({ ...national, workdays: [] })]);
    expect(exitCode).toBe(EXIT_OK);
    expect(body.map((r: { deadline: string }) => r.deadline)).toEqual([
      '2026-10-08',
      '2026-10-01',
      '2026-10-08',
      '2026-10-08',
      '2026-10-08',
    ]);
  });

  it('reports every request that repeats an invalid calendar', () => {
    const bad = { holidays: ['2026-10-01'], workdays: ['2026-10-01'] };
    const { body } = run([{ ...PERIOD_EXAMPLE, calendar: bad }, PERIOD_EXAMPLE, { ...PERIOD_EXAMPLE, calendar: bad }]);
    expect(expectProblem(body, 'VALIDATION_FAILED')).toEqual([
      { field: '[0].calendar.workdays[0]', code: 'calendar_conflict' },
      { field: '[2].calendar.workdays[0]', code: 'calendar_conflict' },
    ]);
  });

  it('reports a corrupt stored calendar as an internal problem', () => {
    const { exitCode, body } = run(TRIAL_EXAMPLE, { holidays: ['2026-02-30'], workdays: [] });
    expect(exitCode).toBe(EXIT_INTERNAL);
    expectProblem(body, 'INTERNAL', 500);
  });

  it('computes the benchmark batch (all valid, deterministic per seed)', () => {
    const batch = makeDeadlineBatch(2000, 7);
    expect(makeDeadlineBatch(2000, 7)).toEqual(batch);
    expect(makeDeadlineBatch(2000, 8)).not.toEqual(batch);
    expect(new Set(batch.map((r) => r.type))).toEqual(new Set(['trial', 'period']));
    const { exitCode, body } = run(batch, OFFICIAL_CALENDAR_2026);
    expect(exitCode).toBe(EXIT_OK);
    expect(body).toHaveLength(2000);
  });

  it('keeps many different calendars apart however they alternate', () => {
    // Twelve calendars, each making a different day of October a holiday: more than the cache
    // compares entry by entry, so some are found by their text and some are pushed out and back.
    const calendars = Array.from({ length: 12 }, (_, i) => ({ holidays: [`2026-10-${String(i + 1).padStart(2, '0')}`], workdays: [] }));
    const requests = Array.from({ length: 120 }, (_, i) => ({
      type: 'period',
      from: '2026-09-15',
      days: 16 + (i % 5),
      // A fresh copy each time, as JSON.parse makes: equal values, never the same object.
      calendar: structuredClone(calendars[(i * 7) % 12]),
    }));
    const { exitCode, body } = run(requests);
    expect(exitCode).toBe(EXIT_OK);
    const alone = requests.map((request) => run(request).body);
    expect(body).toEqual(alone);
  });

  it('does not take a calendar with nested values for an equal-looking one', () => {
    const nested = { holidays: [['2026-10-01']], workdays: [] };
    const { body } = run([
      PERIOD_EXAMPLE,
      { ...PERIOD_EXAMPLE, calendar: nested },
      { ...PERIOD_EXAMPLE, calendar: structuredClone(nested) },
    ]);
    expect(expectProblem(body, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['[1].calendar.holidays[0]', '[2].calendar.holidays[0]']);
  });

  it('writes a long batch in pieces that make exactly the one-line JSON array', () => {
    const batch = makeDeadlineBatch(9000, 3);
    const prepared = prepareDeadlineCommand(JSON.stringify(batch));
    const answer = finishDeadlineCommand(prepared, OFFICIAL_CALENDAR_2026);
    const pieces = [...answer.pieces];
    expect(pieces.length).toBeGreaterThan(2);
    const text = pieces.join('');
    expect(text.endsWith(']\n')).toBe(true);
    const results = JSON.parse(text);
    expect(results).toHaveLength(9000);
    expect(results[8999]).toEqual(run(batch[8999], OFFICIAL_CALENDAR_2026).body);
    expect(text).toBe(`${JSON.stringify(results)}\n`);
  });

  it('asks for the stored calendar only when a valid period lacks its own', () => {
    const needs = (input: unknown) => {
      const prepared = prepareDeadlineCommand(JSON.stringify(input));
      return 'requests' in prepared ? prepared.needsStoredCalendar : 'refused';
    };
    expect(needs([TRIAL_EXAMPLE, PERIOD_EXAMPLE])).toBe(false);
    expect(needs([TRIAL_EXAMPLE, { type: 'period', from: '2026-09-16', days: 15 }])).toBe(true);
    // Invalid input is refused before any calendar is looked up (no database is opened for it).
    expect(needs([{ type: 'period', from: '2026-02-30', days: 15 }])).toBe('refused');
    expect(needs('not json')).toBe('refused');
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOfficialCalendar, storedCalendar } from '../src/modules/calendar/index.js';
import { compute } from '../src/modules/deadlines/index.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

interface DayBody {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  version: number;
}
interface YearBody {
  year: number;
  days: DayBody[];
  restDayCount: number;
}
interface AuditBody {
  items: {
    entityType: string;
    entityId: string;
    action: string;
    actorName: string;
    changes: Record<string, { before?: unknown; after?: unknown }>;
  }[];
  total: number;
}

let t: TestApp;
let admin: Client;
let courtadmin: Client;
let judge: Client;

beforeAll(async () => {
  t = await createTestApp();
  [admin, courtadmin, judge] = await Promise.all([
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'courtadmin'),
    signIn(t.app, 'judge'),
  ]);
});
afterAll(() => t.close());

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body.code).toBe(code);
  return body;
}

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) => (body.errors ?? []).map((e) => [e.field, e.code]);

async function yearOf(client: Client, year: number): Promise<YearBody> {
  const response = await client.get(`/api/calendar?year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const dayIn = (view: YearBody, day: string) => view.days.find((d) => d.day === day);

async function auditOf(entityType: string, entityId?: string): Promise<AuditBody> {
  const response = await admin.get(`/api/audit?entityType=${entityType}${entityId ? `&entityId=${entityId}` : ''}&limit=200`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const del = (client: Client, url: string) => client.request('DELETE', url);

describe('the official schedules are preloaded at start', () => {
  it('2026: 国庆节 from Oct 1 to Oct 7, worked on Sun Sep 20 and Sat Oct 10; 117 rest days', async () => {
    const view = await yearOf(judge, 2026);
    expect(view.year).toBe(2026);
    expect(dayIn(view, '2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', version: 1 });
    expect(dayIn(view, '2026-10-07')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(dayIn(view, '2026-10-08')).toBeUndefined();
    expect(dayIn(view, '2026-09-20')).toMatchObject({ kind: 'workday', name: '国庆节调休' });
    expect(dayIn(view, '2026-10-10')).toMatchObject({ kind: 'workday', name: '国庆节调休' });
    expect(dayIn(view, '2026-02-15')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(dayIn(view, '2026-09-25')).toMatchObject({ kind: 'holiday', name: '中秋节' });
    expect(view.days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(view.days.filter((d) => d.kind === 'workday')).toHaveLength(6);
    expect(view.days.map((d) => d.day)).toEqual([...view.days.map((d) => d.day)].sort());
    expect(view.restDayCount).toBe(117);
  });

  it('2025: 春节 Jan 28–Feb 4 (worked Jan 26, Feb 8), 国庆节、中秋节 Oct 1–8 (worked Sep 28, Oct 11)', async () => {
    const view = await yearOf(judge, 2025);
    expect(dayIn(view, '2025-01-28')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(dayIn(view, '2025-02-04')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(dayIn(view, '2025-01-26')).toMatchObject({ kind: 'workday', name: '春节调休' });
    expect(dayIn(view, '2025-02-08')).toMatchObject({ kind: 'workday', name: '春节调休' });
    expect(dayIn(view, '2025-04-27')).toMatchObject({ kind: 'workday', name: '劳动节调休' });
    expect(dayIn(view, '2025-10-08')).toMatchObject({ kind: 'holiday', name: '国庆节、中秋节' });
    expect(dayIn(view, '2025-10-11')).toMatchObject({ kind: 'workday' });
    expect(view.days.filter((d) => d.kind === 'holiday')).toHaveLength(28);
    expect(view.days.filter((d) => d.kind === 'workday')).toHaveLength(5);
    expect(view.restDayCount).toBe(117);
  });

  it('a year without entries has only its weekends as rest days', async () => {
    expect(await yearOf(judge, 2030)).toEqual({ year: 2030, days: [], restDayCount: 104 });
  });

  it('lists the years present', async () => {
    const response = await judge.get('/api/calendar/years');
    expect(response.statusCode).toBe(200);
    expect(response.json().years).toEqual(expect.arrayContaining([2025, 2026]));
  });

  it('records one preload per year in the audit trail, by the system', async () => {
    const trail = await auditOf('calendar-year');
    const preloads = trail.items.filter((i) => i.action === 'preload');
    expect(preloads.map((p) => p.entityId).sort()).toEqual(['2025', '2026']);
    expect(preloads.every((p) => p.actorName === 'calendar-preload')).toBe(true);
    const y2026 = preloads.find((p) => p.entityId === '2026');
    expect(y2026?.changes).toMatchObject({ holidays: { after: 33 }, workdays: { after: 6 }, added: { after: 39 } });
  });
});

describe('is-working-day', () => {
  it.each([
    ['2026-10-08', true, 'weekday', null, 'a Thursday after the holiday'],
    ['2026-10-11', false, 'weekend', null, 'a plain Sunday'],
    ['2026-10-01', false, 'holiday', '国庆节', 'National Day'],
    ['2026-10-10', true, 'adjusted-workday', '国庆节调休', 'a Saturday worked in exchange'],
    ['2026-10-03', false, 'holiday', '国庆节', 'a Saturday inside the holiday'],
  ] as [string, boolean, string, string | null, string][])('%s: working %s, %s (%s, %s)', async (day, working, reason, name) => {
    const response = await judge.get(`/api/calendar/is-working-day?day=${day}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ day, working, reason, name, yearLoaded: true });
  });

  it('says when the year has no entries at all', async () => {
    const response = await judge.get('/api/calendar/is-working-day?day=2031-01-01');
    expect(response.json()).toEqual({ day: '2031-01-01', working: true, reason: 'weekday', name: null, yearLoaded: false });
  });

  it('refuses a date that does not exist', async () => {
    const body = expectProblem(await judge.get('/api/calendar/is-working-day?day=2026-02-30'), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual([['query.day', 'invalid_date']]);
  });
});

describe('access', () => {
  it('answers 401 to anyone not signed in, for reads and writes', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/calendar?year=2026'],
      ['GET', '/api/calendar/years'],
      ['GET', '/api/calendar/is-working-day?day=2026-10-01'],
      ['PUT', '/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' }],
      ['DELETE', '/api/calendar/days/2026-10-01?version=1'],
      ['POST', '/api/calendar/import', { year: 2027, text: '2027-01-01 holiday 元旦' }],
    ] as const) {
      const response = await t.app.inject({ method, url, payload });
      expectProblem(response, 401, 'UNAUTHENTICATED');
    }
  });

  it('lets a judge read but not write (403)', async () => {
    expect((await judge.get('/api/calendar?year=2026')).statusCode).toBe(200);
    expectProblem(await judge.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' }), 403, 'FORBIDDEN');
    expectProblem(await del(judge, '/api/calendar/days/2026-10-01?version=1'), 403, 'FORBIDDEN');
    expectProblem(
      await judge.post('/api/calendar/import', { year: 2027, days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses a basic court’s administrator: the calendar is national, managed at the higher court', async () => {
    expectProblem(await courtadmin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' }), 403, 'FORBIDDEN');
    expectProblem(await del(courtadmin, '/api/calendar/days/2026-10-01?version=1'), 403, 'FORBIDDEN');
    expectProblem(await courtadmin.post('/api/calendar/import', { year: 2027, text: '2027-01-01 holiday 元旦' }), 403, 'FORBIDDEN');
    expect((await yearOf(courtadmin, 2027)).days).toEqual([]);
  });
});

describe('changing one day', () => {
  it('creates a day (201, version 1) and records it', async () => {
    const response = await admin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: ' 元旦 ' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ day: '2027-01-01', kind: 'holiday', name: '元旦', version: 1 });
    const trail = await auditOf('calendar-day', '2027-01-01');
    expect(trail.items[0]).toMatchObject({
      action: 'create',
      actorName: expect.any(String),
      changes: { day: { after: '2027-01-01' }, kind: { after: 'holiday' }, name: { after: '元旦' } },
    });
  });

  it('updates it with the version read (200, version 2), recording before and after', async () => {
    const response = await admin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦节', version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ day: '2027-01-01', kind: 'holiday', name: '元旦节', version: 2 });
    const [latest] = (await auditOf('calendar-day', '2027-01-01')).items;
    expect(latest).toMatchObject({ action: 'update', changes: { name: { before: '元旦', after: '元旦节' } } });
    expect(Object.keys(latest.changes)).toEqual(['name']);
  });

  it('answers 409 to a stale version, to a missing version on a listed day, and to a version for a day not listed', async () => {
    const stale = expectProblem(
      await admin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: 'x', version: 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(stale.meta).toEqual({ currentVersion: 2 });
    const blind = expectProblem(await admin.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: 'x' }), 409, 'VERSION_CONFLICT');
    expect(blind.meta).toEqual({ currentVersion: 2 });
    expectProblem(await admin.put('/api/calendar/days/2027-01-02', { kind: 'holiday', name: 'x', version: 3 }), 409, 'VERSION_CONFLICT');
    expect(dayIn(await yearOf(admin, 2027), '2027-01-01')).toMatchObject({ name: '元旦节', version: 2 });
    expect(dayIn(await yearOf(admin, 2027), '2027-01-02')).toBeUndefined();
  });

  it('puts an adjusted working day only on a Saturday or Sunday; a holiday on any day', async () => {
    const weekday = expectProblem(
      await admin.put('/api/calendar/days/2027-01-04', { kind: 'workday', name: '调休' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(weekday)).toEqual([['body.kind', 'calendar_workday_weekday']]);
    const saturday = await admin.put('/api/calendar/days/2027-01-09', { kind: 'workday', name: '元旦调休' });
    expect(saturday.statusCode, saturday.body).toBe(201);
    const sunday = await admin.put('/api/calendar/days/2027-01-03', { kind: 'holiday', name: '元旦' });
    expect(sunday.statusCode, sunday.body).toBe(201);
  });

  it('validates the path and the body', async () => {
    expect(
      fieldsOf(expectProblem(await admin.put('/api/calendar/days/2027-02-29', { kind: 'holiday', name: 'x' }), 400, 'VALIDATION_FAILED')),
    ).toEqual([['params.day', 'invalid_date']]);
    const bad = expectProblem(
      await admin.put('/api/calendar/days/2027-05-01', { kind: 'rest', name: '', extra: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(bad)).toEqual(
      expect.arrayContaining([
        ['body.kind', 'invalid_value'],
        ['body.name', 'too_small'],
        ['body.extra', 'unrecognized_keys'],
      ]),
    );
  });

  it('deletes a day with its version: 409 when stale, 404 once gone; the day is plain again', async () => {
    expectProblem(await del(admin, '/api/calendar/days/2027-01-01?version=1'), 409, 'VERSION_CONFLICT');
    expect(fieldsOf(expectProblem(await del(admin, '/api/calendar/days/2027-01-01'), 400, 'VALIDATION_FAILED'))).toEqual([
      ['query.version', 'invalid_type'],
    ]);
    const ok = await del(admin, '/api/calendar/days/2027-01-01?version=2');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ok: true });
    expectProblem(await del(admin, '/api/calendar/days/2027-01-01?version=2'), 404, 'NOT_FOUND');
    const answer = (await judge.get('/api/calendar/is-working-day?day=2027-01-01')).json();
    expect(answer).toMatchObject({ working: true, reason: 'weekday', name: null });
    const [latest] = (await auditOf('calendar-day', '2027-01-01')).items;
    expect(latest).toMatchObject({ action: 'delete', changes: { name: { before: '元旦节' }, kind: { before: 'holiday' } } });
  });
});

describe('importing a year', () => {
  const year = 2028;

  it('imports JSON, merging with the year’s entries', async () => {
    // One day listed by hand first: a merge import leaves it alone.
    expect((await admin.put('/api/calendar/days/2028-12-31', { kind: 'holiday', name: '测试' })).statusCode).toBe(201);
    const response = await admin.post('/api/calendar/import', {
      year,
      replace: false,
      days: [
        { day: '2028-01-01', kind: 'holiday', name: '元旦' },
        { day: '2028-10-01', kind: 'holiday', name: '国庆节' },
        { day: '2028-09-30', kind: 'workday', name: '国庆节调休' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ year, replace: false, count: 3, added: 3, updated: 0, unchanged: 0, removed: 0 });
    const view = await yearOf(admin, year);
    expect(view.days.map((d) => [d.day, d.kind, d.name, d.version])).toEqual([
      ['2028-01-01', 'holiday', '元旦', 1],
      ['2028-09-30', 'workday', '国庆节调休', 1],
      ['2028-10-01', 'holiday', '国庆节', 1],
      ['2028-12-31', 'holiday', '测试', 1],
    ]);
    expect((await judge.get('/api/calendar/years')).json().years).toContain(year);
  });

  it('imports text, changing only what differs (version + 1), and records a count summary', async () => {
    const text = [
      '# 2028 安排（测试）',
      '2028-01-01 holiday 元旦',
      '',
      '2028-10-01 休 国庆节、中秋节   # renamed',
      '2028-10-02 holiday 国庆节、中秋节',
    ].join('\n');
    const response = await admin.post('/api/calendar/import', { year, text });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ year, replace: false, count: 3, added: 1, updated: 1, unchanged: 1, removed: 0 });
    const view = await yearOf(admin, year);
    expect(dayIn(view, '2028-01-01')?.version).toBe(1);
    expect(dayIn(view, '2028-10-01')).toMatchObject({ name: '国庆节、中秋节', version: 2 });
    expect(dayIn(view, '2028-10-02')).toMatchObject({ kind: 'holiday', version: 1 });
    const [latest] = (await auditOf('calendar-year', String(year))).items;
    expect(latest).toMatchObject({
      action: 'import',
      changes: {
        holidays: { before: 3, after: 4 },
        replace: { after: false },
        added: { after: ['2028-10-02'] },
        updated: { after: ['2028-10-01'] },
        removed: { after: [] },
      },
    });
  });

  it('reports every bad line (body.text.lineN) and changes nothing', async () => {
    const before = await yearOf(admin, year);
    const importsBefore = (await auditOf('calendar-year', String(year))).total;
    const text = [
      '2028-01-01 holiday 元旦', // 1: fine
      '2028-13-01 holiday 国庆节', // 2: no such date
      '2028-10-03 vacation 国庆节', // 3: unknown kind
      '2027-10-01 holiday 国庆节', // 4: another year
      '2028-10-09 workday 国庆节调休', // 5: a Monday
      '# a comment', // 6
      '2028-01-01 holiday 元旦', // 7: listed twice
      'nonsense', // 8
      '2028-10-04 holiday', // 9: no name
    ].join('\n');
    const body = expectProblem(await admin.post('/api/calendar/import', { year, text, replace: true }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual([
      ['body.text.line2', 'invalid_date'],
      ['body.text.line3', 'calendar_kind'],
      ['body.text.line4', 'calendar_other_year'],
      ['body.text.line5', 'calendar_workday_weekday'],
      ['body.text.line7', 'calendar_duplicate'],
      ['body.text.line8', 'calendar_line'],
      ['body.text.line9', 'calendar_name'],
    ]);
    expect(body.errors.find((e: { field: string }) => e.field === 'body.text.line7').message.zh).toContain('第 1 行');
    expect(await yearOf(admin, year)).toEqual(before);
    expect((await auditOf('calendar-year', String(year))).total).toBe(importsBefore);
  });

  it('checks the JSON form the same way, and wants exactly one of days or text', async () => {
    const bad = expectProblem(
      await admin.post('/api/calendar/import', {
        year,
        days: [
          { day: '2029-01-01', kind: 'holiday', name: '元旦' },
          { day: '2028-05-01', kind: 'holiday', name: '劳动节' },
          { day: '2028-05-01', kind: 'holiday', name: '劳动节' },
          { day: '2028-05-08', kind: 'workday', name: '劳动节调休' },
        ],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(bad)).toEqual([
      ['body.days.0.day', 'calendar_other_year'],
      ['body.days.2.day', 'calendar_duplicate'],
      ['body.days.3.kind', 'calendar_workday_weekday'],
    ]);
    const both = await admin.post('/api/calendar/import', { year, text: '2028-01-01 holiday 元旦', days: [] });
    expect(fieldsOf(expectProblem(both, 400, 'VALIDATION_FAILED'))).toEqual([['body.text', 'calendar_days_or_text']]);
    expect(fieldsOf(expectProblem(await admin.post('/api/calendar/import', { year }), 400, 'VALIDATION_FAILED'))).toEqual([
      ['body.days', 'calendar_days_or_text'],
    ]);
    expect(
      fieldsOf(expectProblem(await admin.post('/api/calendar/import', { year, text: '# only a comment' }), 400, 'VALIDATION_FAILED')),
    ).toEqual([['body.text', 'calendar_empty']]);
    expect(fieldsOf(expectProblem(await admin.post('/api/calendar/import', { year: 1899, text: 'x' }), 400, 'VALIDATION_FAILED'))).toEqual([
      ['body.year', 'too_small'],
    ]);
  });

  it('replace=true makes the listed days the whole year, atomically', async () => {
    const response = await admin.post('/api/calendar/import', {
      year,
      replace: true,
      text: '2028-10-01 holiday 国庆节、中秋节\n2028-10-03 holiday 国庆节、中秋节\n2028-10-08 workday 国庆节调休',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ year, replace: true, count: 3, added: 2, updated: 0, unchanged: 1, removed: 4 });
    const view = await yearOf(admin, year);
    expect(view.days.map((d) => [d.day, d.kind, d.version])).toEqual([
      ['2028-10-01', 'holiday', 2],
      ['2028-10-03', 'holiday', 1],
      ['2028-10-08', 'workday', 1],
    ]);
    const [latest] = (await auditOf('calendar-year', String(year))).items;
    expect(latest.changes).toMatchObject({
      removed: { after: ['2028-01-01', '2028-09-30', '2028-10-02', '2028-12-31'] },
      replace: { after: true },
    });
    // Other years are untouched.
    expect(dayIn(await yearOf(admin, 2026), '2026-10-01')).toBeDefined();
  });
});

describe('the preload never undoes an administrator’s edits', () => {
  // Later tests see 2026 as this one leaves it: 2026-10-10 no longer listed.
  it('keeps a renamed official day and a deleted one as the administrator left them', async () => {
    const view = await yearOf(admin, 2026);
    const national = dayIn(view, '2026-10-01') as DayBody;
    const saturday = dayIn(view, '2026-10-10') as DayBody;
    expect(
      (await admin.put('/api/calendar/days/2026-10-01', { kind: 'holiday', name: '国庆节（改）', version: national.version })).statusCode,
    ).toBe(200);
    expect((await del(admin, `/api/calendar/days/2026-10-10?version=${saturday.version}`)).statusCode).toBe(200);

    await ensureOfficialCalendar(t.database.db);
    await ensureOfficialCalendar(t.database.db);

    const after = await yearOf(admin, 2026);
    expect(dayIn(after, '2026-10-01')).toMatchObject({ name: '国庆节（改）' });
    expect(dayIn(after, '2026-10-10')).toBeUndefined();
    expect(after.days).toHaveLength(view.days.length - 1);
    expect((await auditOf('calendar-year')).items.filter((i) => i.action === 'preload')).toHaveLength(2);
  });
});

describe('storedCalendar: the deadline calculator’s shape', () => {
  it('gives every stored year as sorted holiday and workday lists', async () => {
    const all = await storedCalendar(t.database.db);
    expect(Object.keys(all).sort()).toEqual(['holidays', 'workdays']);
    expect(all.holidays).toEqual([...all.holidays].sort());
    expect(all.workdays).toEqual([...all.workdays].sort());
    expect(all.holidays).toEqual(expect.arrayContaining(['2025-01-28', '2026-10-01', '2027-01-03', '2028-10-03']));
    expect(all.workdays).toEqual(expect.arrayContaining(['2025-02-08', '2026-09-20', '2027-01-09', '2028-10-08']));
    expect(all.holidays.filter((d) => all.workdays.includes(d))).toEqual([]);
  });

  it('bounds the years inclusively', async () => {
    const only2026 = await storedCalendar(t.database.db, 2026, 2026);
    expect(only2026.holidays.every((d) => d.startsWith('2026-'))).toBe(true);
    expect(only2026.holidays).toHaveLength(33);
    expect(only2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20']);
    const from2027 = await storedCalendar(t.database.db, 2027);
    expect([...from2027.holidays, ...from2027.workdays].every((d) => d >= '2027-01-01')).toBe(true);
    expect(await storedCalendar(t.database.db, 2040, 2041)).toEqual({ holidays: [], workdays: [] });
  });

  it('feeds the deadline calculator: 2026-09-30 + 1 day lands on the holiday and moves to Thursday 2026-10-08', async () => {
    const result = compute({ type: 'period', from: '2026-09-30', days: 1 }, await storedCalendar(t.database.db));
    expect(result.deadline).toBe('2026-10-08');
  });
});

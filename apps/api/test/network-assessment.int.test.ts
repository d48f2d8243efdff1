import type { AssistantMonthFacts } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessMonth, DEFAULT_ASSESSMENT_RULES, DEFAULT_SUBSIDY_RULES } from '../src/modules/network/index.js';
import { rows } from '../src/platform/db.js';
import { courtId, today } from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, signInNewAccount, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let courtadmin: Client; // 吉0102 administrator: network.manage (and every permission)
let judge: Client; // 吉0102 judge: network.read, network.task.assign — rates, records items; cannot approve
let president: Client; // 吉0102 president: network.subsidy.approve (court finance)
let grassroots: Client; // assistant of 幸福法庭 (吉0102's tribunal): only their own published results
let kuancheng: Client; // judge of the sibling court 吉0103
let court0102: number;
let tribunal: number;
let stationId: number;
let judgeId: number;
const ids: Record<'a' | 'b' | 'c', number> = { a: 0, b: 0, c: 0 };
let mine: { id: number; courtId: number };

/** The month before today's (China Standard Time): ended, so it can be published. */
const month = (() => {
  const [y, m] = today().split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
const CAP_FEN = 40_000;
const rules = { ...DEFAULT_ASSESSMENT_RULES };
const subsidy = { ...DEFAULT_SUBSIDY_RULES, monthlyCapFen: CAP_FEN };

const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.database.db, query))[0].n;
const audits = (entityType: string, action: string) =>
  count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = ${entityType} AND action = ${action}`);

/** A task confirmed on `confirmedOn`: reported on its due date, or the day after when late. */
async function confirmedTask(
  assistantId: number,
  court: number,
  kind: string,
  outcome: 'success' | 'failure',
  confirmedOn: string,
  opts: { late?: boolean; rating?: number } = {},
) {
  const dueOn = opts.late ? `${month}-01` : confirmedOn;
  await t.database.db.execute(sql`
    INSERT INTO network_tasks (court_id, kind, status, assistant_id, title, due_on, outcome, rating, assigned_by, assigned_by_name,
                               reported_at, confirmed_at, confirmed_on, created_at)
    VALUES (${court}, ${kind}, 'confirmed', ${assistantId}, '测试任务', ${dueOn}, ${outcome}, ${opts.rating ?? null}, ${judgeId}, '测试法官',
            ${`${confirmedOn}T09:00:00+08:00`}, ${`${confirmedOn}T10:00:00+08:00`}, ${confirmedOn}, ${`${month}-01T08:00:00+08:00`})`);
}

const facts = (id: number, extra: Partial<AssistantMonthFacts>): AssistantMonthFacts => ({
  assistantId: id,
  courtId: court0102,
  stationIds: [stationId],
  tasks: {},
  ratings: [],
  items: [],
  trainingHoursThisYear: 0,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  courtadmin = await signIn(t.app, 'courtadmin');
  judge = await signIn(t.app, 'judge');
  president = await signIn(t.app, 'president');
  grassroots = await signIn(t.app, 'grassroots');
  kuancheng = await signIn(t.app, 'kuancheng');
  court0102 = await courtId(admin, '吉0102');
  judgeId = judge.userId;
  [mine] = await rows<{ id: number; courtId: number }>(
    t.database.db,
    sql`SELECT a.id, a.court_id AS "courtId" FROM network_assistants a JOIN users u ON u.id = a.user_id WHERE u.username = 'grassroots'`,
  );
  tribunal = mine.courtId;
  const s = await courtadmin.post('/api/network/stations', {
    courtId: court0102,
    kind: 'liaison-station',
    name: '考核测试联络站',
    address: '南关区考核测试街道',
    lng: null,
    lat: null,
    contactName: '王主任',
    contactPhone: '13812345678',
  });
  expect(s.statusCode, s.body).toBe(201);
  stationId = s.json().id;
  for (const [key, name] of [
    ['a', '考核甲'],
    ['b', '考核乙'],
    ['c', '考核丙'],
  ] as const) {
    const r = await courtadmin.post('/api/network/assistants', {
      courtId: court0102,
      name,
      phone: '13912345678',
      idNumber: null,
      education: 'bachelor',
      employer: '南关区考核测试街道',
      post: '网格员',
      categoryCodes: ['grid-worker'],
      stationIds: [stationId],
      startOn: `${month}-01`,
    });
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
  }
  // 甲: ten deliveries (nine served) and a settled mediation, all in time, every task rated 5; ten training hours.
  for (let i = 1; i <= 10; i++)
    await confirmedTask(ids.a, court0102, 'delivery', i === 10 ? 'failure' : 'success', day(i + 2), { rating: 5 });
  await confirmedTask(ids.a, court0102, 'mediation', 'success', day(20), { rating: 5 });
  // 乙: four deliveries, two served, one of them late.
  await confirmedTask(ids.b, court0102, 'delivery', 'success', day(5));
  await confirmedTask(ids.b, court0102, 'delivery', 'success', day(6), { late: true });
  await confirmedTask(ids.b, court0102, 'delivery', 'failure', day(7));
  await confirmedTask(ids.b, court0102, 'delivery', 'failure', day(8));
  // The demo assistant of the tribunal: one served delivery, so they have a statement of their own.
  await confirmedTask(mine.id, tribunal, 'delivery', 'success', day(9));
  const training = await courtadmin.post('/api/network/training-sessions', {
    courtId: court0102,
    topic: '送达规范与调解技巧',
    heldOn: day(2),
    hours: 10,
    trainer: '李法官',
    kind: 'lecture',
    assistantIds: [ids.a],
  });
  expect(training.statusCode, training.body).toBe(201);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('rules per court', () => {
  it('a court without rules of its own reads the defaults, version 0', async () => {
    const r = await judge.get(`/api/network/rules?courtId=${court0102}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ courtId: court0102, sourceCourtId: null, version: 0, objectionWorkingDays: 5 });
    expect(r.json().assessment).toEqual(DEFAULT_ASSESSMENT_RULES);
  });

  it('refuses bad rules with field details and changes nothing', async () => {
    const bad = await courtadmin.put('/api/network/rules', {
      courtId: court0102,
      assessment: { ...rules, weights: { ...rules.weights, quantity: 50 }, thresholds: { excellent: 60, qualified: 75, basic: 50 } },
      subsidy: { ...subsidy, coefficients: { excellent: 800, qualified: 1000, basic: 800, unqualified: 0 }, monthlyCapFen: 12.5 },
      objectionWorkingDays: 0,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    const problem = bad.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.message.zh).toBeTruthy();
    const codes = problem.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['weights_sum', 'threshold_order', 'coefficient_order']));
    expect(problem.errors.some((e: { field: string }) => e.field.includes('objectionWorkingDays'))).toBe(true);
    expect((await judge.get(`/api/network/rules?courtId=${court0102}`)).json().version).toBe(0);
  });

  it('saves, answers 409 on a stale version, and tribunals inherit; only managers save; other courts see 404', async () => {
    const body = { courtId: court0102, assessment: rules, subsidy, objectionWorkingDays: 5, version: 0 };
    expect((await judge.put('/api/network/rules', body)).statusCode).toBe(403);
    const saved = await courtadmin.put('/api/network/rules', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, sourceCourtId: court0102 });
    expect(saved.json().subsidy.monthlyCapFen).toBe(CAP_FEN);
    const stale = await courtadmin.put('/api/network/rules', body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const again = await courtadmin.put('/api/network/rules', { ...body, version: 1 });
    expect(again.json().version).toBe(2);
    const inherited = (await courtadmin.get(`/api/network/rules?courtId=${tribunal}`)).json();
    expect(inherited).toMatchObject({ courtId: tribunal, sourceCourtId: court0102, version: 0 });
    expect(inherited.subsidy.monthlyCapFen).toBe(CAP_FEN);
    expect((await kuancheng.get(`/api/network/rules?courtId=${court0102}`)).statusCode).toBe(404);
    expect((await kuancheng.put('/api/network/rules', { ...body, version: 2 })).statusCode).toBe(403);
    expect(await audits('network-rules', 'create')).toBe(1);
    expect(await audits('network-rules', 'update')).toBe(1);
  });
});

describe('ratings and bonus/deduction items', () => {
  it('a judge rates an assistant for the month (once per judge; a second rating replaces the first)', async () => {
    const first = await judge.put('/api/network/ratings', { assistantId: ids.a, month, rating: 3 });
    expect(first.statusCode, first.body).toBe(200);
    const second = await judge.put('/api/network/ratings', { assistantId: ids.a, month, rating: 4, note: '送达及时' });
    expect(second.json()).toMatchObject({ rating: 4, note: '送达及时', assistantName: '考核甲' });
    const list = (await judge.get(`/api/network/ratings?courtId=${court0102}&month=${month}&assistantId=${ids.a}`)).json();
    expect(list.total).toBe(1);
    expect(await audits('network-rating', 'update')).toBe(1);
  });

  it('refuses bad ratings, other courts and people without the permission', async () => {
    const bad = await judge.put('/api/network/ratings', { assistantId: ids.a, month: '2026-13', rating: 6 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.month', 'body.rating']));
    const future = await judge.put('/api/network/ratings', { assistantId: ids.a, month: '2099-01', rating: 3 });
    expect(future.json().errors[0].code).toBe('month_not_started');
    expect((await kuancheng.put('/api/network/ratings', { assistantId: ids.a, month, rating: 1 })).statusCode).toBe(404);
    expect((await grassroots.put('/api/network/ratings', { assistantId: ids.a, month, rating: 5 })).statusCode).toBe(403);
  });

  it('records an item of the rules with date, reason and who; refuses unknown items', async () => {
    const r = await judge.post('/api/network/assessment-items', {
      assistantId: ids.a,
      code: 'petition-defused',
      recordedOn: day(15),
      reason: '劝返一起越级上访',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ code: 'petition-defused', zh: '化解信访风险', points: 5, recordedByName: expect.any(String) });
    const unknown = await judge.post('/api/network/assessment-items', {
      assistantId: ids.a,
      code: 'no-such-item',
      recordedOn: day(15),
      reason: '测试',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.code', code: 'unknown_item' });
    const other = await kuancheng.post('/api/network/assessment-items', {
      assistantId: ids.a,
      code: 'commended',
      recordedOn: day(15),
      reason: '测试',
    });
    expect(other.statusCode).toBe(404);
    // An item recorded by mistake is removed by a manager (audited).
    const wrong = await judge.post('/api/network/assessment-items', {
      assistantId: ids.b,
      code: 'commended',
      recordedOn: day(16),
      reason: '记错人',
    });
    expect((await judge.request('DELETE', `/api/network/assessment-items/${wrong.json().id}`)).statusCode).toBe(403);
    expect((await courtadmin.request('DELETE', `/api/network/assessment-items/${wrong.json().id}`)).statusCode).toBe(200);
    const items = (await judge.get(`/api/network/assessment-items?courtId=${court0102}&month=${month}`)).json();
    expect(items.items.map((i: { assistantId: number }) => i.assistantId)).toEqual([ids.a]);
  });
});

describe('the monthly run', () => {
  const expected = () =>
    assessMonth({
      month,
      rules,
      history: [],
      assistants: [
        facts(ids.a, {
          tasks: { delivery: { completed: 10, withinDue: 10, successes: 9 }, mediation: { completed: 1, withinDue: 1, successes: 1 } },
          ratings: [...Array(11).fill(5), 4],
          items: [{ code: 'petition-defused', count: 1 }],
          trainingHoursThisYear: 10,
        }),
        facts(ids.b, { tasks: { delivery: { completed: 4, withinDue: 3, successes: 2 } } }),
        facts(ids.c, {}),
      ],
    });

  const assessmentsOf = async (client: Client) => {
    const r = await client.get(`/api/network/assessments?courtId=${court0102}&month=${month}&pageSize=200`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('only managers run; other courts 404; a future month is refused', async () => {
    expect((await judge.post('/api/network/assessment-runs', { courtId: court0102, month })).statusCode).toBe(403);
    expect((await kuancheng.post('/api/network/assessment-runs', { courtId: court0102, month })).statusCode).toBe(403);
    const future = await courtadmin.post('/api/network/assessment-runs', { courtId: court0102, month: '2099-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].code).toBe('month_not_started');
    const bad = await courtadmin.post('/api/network/assessment-runs', { courtId: court0102, month: '2026-1' });
    expect(bad.statusCode).toBe(400);
  });

  it('scores, grades and ranks every assistant as the pure rules say, and makes the statements', async () => {
    const r = await courtadmin.post('/api/network/assessment-runs', { courtId: court0102, month });
    expect(r.statusCode, r.body).toBe(200);
    const runs = r.json().runs as { courtId: number; state: string; assistants: number }[];
    expect(runs.map((x) => x.courtId)).toEqual(expect.arrayContaining([court0102, tribunal]));
    expect(runs.every((x) => x.state === 'draft')).toBe(true);

    const page = await assessmentsOf(judge);
    const want = expected();
    for (const key of ['a', 'b', 'c'] as const) {
      const got = page.items.find((x: { assistantId: number }) => x.assistantId === ids[key]);
      const exp = want.find((x) => x.assistantId === ids[key])!;
      expect(got.score, key).toBe(exp.score.score);
      expect(got.grade, key).toBe(exp.grade.grade);
      expect(got.explanation.score.components).toEqual(exp.score.components);
      expect(got.stationRanks, key).toEqual(exp.stationRanks);
    }
    const a = page.items.find((x: { assistantId: number }) => x.assistantId === ids.a);
    const b = page.items.find((x: { assistantId: number }) => x.assistantId === ids.b);
    expect(a.grade).toBe('excellent');
    expect(a.stationRanks).toEqual([{ stationId, rank: 1, of: 3 }]);
    // 乙 is short of training hours: graded at best 合格 whatever the score.
    expect(b.explanation.grade.training.short).toBe(true);
    // Court ranks are competition ranks over every assistant of the court: 1 + those scoring more.
    const court = page.items.filter((x: { courtId: number }) => x.courtId === court0102);
    for (const x of court) {
      expect(x.courtRank.rank).toBe(1 + court.filter((y: { score: number }) => y.score > x.score).length);
      expect(x.courtRank.of).toBe(court.length);
    }
    expect(await audits('network-assessment-run', 'run')).toBeGreaterThanOrEqual(2);

    // 甲's statement: ten deliveries (9 × 30.00 + 10.00) and a mediation (100.00) = 380.00; ×1.2 = 456.00; capped at 400.00.
    const statements = (await judge.get(`/api/network/subsidies?courtId=${court0102}&month=${month}&pageSize=200`)).json();
    const sa = statements.items.find((x: { assistantId: number }) => x.assistantId === ids.a);
    expect(sa).toMatchObject({ status: 'draft', subtotalFen: 38_000, coefficientPermille: 1200, adjustedFen: 45_600, capFen: CAP_FEN });
    expect(sa).toMatchObject({ capReductionFen: 5_600, totalFen: CAP_FEN, stationId, stationName: '考核测试联络站' });
    expect(sa.lines).toHaveLength(11);
    // 丙 did nothing: no statement. Station totals add up to the court's.
    expect(statements.items.some((x: { assistantId: number }) => x.assistantId === ids.c)).toBe(false);
    const sum = statements.stationTotals.reduce((n: number, s: { totals: { totalFen: number } }) => n + s.totals.totalFen, 0);
    expect(sum).toBe(statements.courtTotals.totalFen);
    const ours = statements.stationTotals.find((s: { stationId: number }) => s.stationId === stationId);
    expect(ours.totals.statements).toBe(2);
  });

  it('re-running a draft month replaces it', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM network_assessments WHERE month = ${month}`);
    const rated = await judge.put('/api/network/ratings', { assistantId: ids.b, month, rating: 1 });
    expect(rated.statusCode).toBe(200);
    const r = await courtadmin.post('/api/network/assessment-runs', { courtId: court0102, month });
    expect(r.statusCode, r.body).toBe(200);
    expect(await count(sql`SELECT count(*)::int AS n FROM network_assessments WHERE month = ${month}`)).toBe(before);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM network_assessment_runs WHERE month = ${month} AND court_id = ${court0102}`),
    ).toBe(1);
    const b = (await assessmentsOf(judge)).items.find((x: { assistantId: number }) => x.assistantId === ids.b);
    expect(b.explanation.score.components.find((c: { indicator: string }) => c.indicator === 'quality').raw).toEqual({
      numerator: 1,
      denominator: 1,
    });
    expect(await audits('network-assessment-run', 'rerun')).toBeGreaterThanOrEqual(1);
  });

  it('statements of a draft month cannot be submitted', async () => {
    const s = (await judge.get(`/api/network/subsidies?courtId=${court0102}&month=${month}&pageSize=200`)).json().items[0];
    const r = await courtadmin.post(`/api/network/subsidies/${s.id}/submit`, { version: s.version });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].code).toBe('month_not_published');
  });

  it('publishes with an objection period; a published month is frozen', async () => {
    const runs = (await judge.get(`/api/network/assessment-runs?courtId=${court0102}&month=${month}`)).json().items;
    const run = runs.find((x: { courtId: number }) => x.courtId === court0102);
    expect((await judge.post(`/api/network/assessment-runs/${run.id}/publish`, { version: run.version })).statusCode).toBe(403);
    const stale = await courtadmin.post(`/api/network/assessment-runs/${run.id}/publish`, { version: run.version + 5 });
    expect(stale.statusCode).toBe(409);
    const published = await courtadmin.post(`/api/network/assessment-runs/${run.id}/publish`, { version: run.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().state).toBe('published');
    expect(published.json().objectionUntil > today()).toBe(true);
    const twice = await courtadmin.post(`/api/network/assessment-runs/${run.id}/publish`, { version: published.json().version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('INVALID_STATE');

    const aBefore = (await assessmentsOf(judge)).items.find((x: { assistantId: number }) => x.assistantId === ids.a);
    const rerun = await courtadmin.post('/api/network/assessment-runs', { courtId: court0102, month });
    expect(rerun.statusCode, rerun.body).toBe(200);
    // The tribunal's draft was run again; the published court was left as it was.
    expect(rerun.json().runs.map((x: { courtId: number }) => x.courtId)).not.toContain(court0102);
    const aAfter = (await assessmentsOf(judge)).items.find((x: { assistantId: number }) => x.assistantId === ids.a);
    expect(aAfter.id).toBe(aBefore.id);
    const late = await judge.put('/api/network/ratings', { assistantId: ids.a, month, rating: 1 });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].code).toBe('month_frozen');
    const lateItem = await judge.post('/api/network/assessment-items', {
      assistantId: ids.a,
      code: 'false-report',
      recordedOn: day(3),
      reason: '测试',
    });
    expect(lateItem.json().errors[0].code).toBe('month_frozen');
    // The tribunals' months are published too (so the tribunal's assistant sees the result): nothing is left to run.
    const drafts = (await judge.get(`/api/network/assessment-runs?courtId=${court0102}&month=${month}`)).json().items;
    for (const d of drafts.filter((x: { state: string }) => x.state === 'draft'))
      expect((await courtadmin.post(`/api/network/assessment-runs/${d.id}/publish`, { version: d.version })).statusCode).toBe(200);
    const frozen = await courtadmin.post('/api/network/assessment-runs', { courtId: court0102, month });
    expect(frozen.statusCode).toBe(400);
    expect(frozen.json().errors[0].code).toBe('month_frozen');
  });
});

describe('objections and the assistant’s own view', () => {
  it('an assistant sees only their own published assessment and statement, and no lists of others', async () => {
    const own = await grassroots.get('/api/network/my/assessments');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((x: { assistantId: number }) => x.assistantId)).toEqual([mine.id]);
    const statements = (await grassroots.get('/api/network/my/subsidies')).json();
    expect(statements.items.map((x: { assistantId: number }) => x.assistantId)).toEqual([mine.id]);
    for (const url of [`/api/network/assessments?courtId=${court0102}`, `/api/network/subsidies?courtId=${court0102}&month=${month}`]) {
      expect((await grassroots.get(url)).statusCode, url).toBe(403);
    }
    expect((await judge.get('/api/network/my/assessments')).statusCode).toBe(403);
  });

  it('an assistant opens one of their own assessments and statements; anyone else’s is 404, the court’s users 403', async () => {
    const own = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    const one = await grassroots.get(`/api/network/my/assessments/${own.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ id: own.id, assistantId: mine.id, score: own.score, grade: own.grade });
    const statement = (await grassroots.get('/api/network/my/subsidies')).json().items[0];
    const s = await grassroots.get(`/api/network/my/subsidies/${statement.id}`);
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ id: statement.id, assistantId: mine.id, totalFen: statement.totalFen });
    expect(s.json().lines.length).toBeGreaterThan(0);
    const others = (await judge.get(`/api/network/assessments?courtId=${court0102}&month=${month}&assistantId=${ids.a}`)).json().items[0];
    expect((await grassroots.get(`/api/network/my/assessments/${others.id}`)).statusCode).toBe(404);
    const othersStatement = (await judge.get(`/api/network/subsidies?courtId=${court0102}&month=${month}&assistantId=${ids.a}`)).json()
      .items[0];
    expect((await grassroots.get(`/api/network/my/subsidies/${othersStatement.id}`)).statusCode).toBe(404);
    expect((await grassroots.get('/api/network/my/subsidies/99999999')).statusCode).toBe(404);
    expect((await judge.get(`/api/network/my/assessments/${others.id}`)).statusCode).toBe(403);
    expect((await judge.get(`/api/network/my/subsidies/${othersStatement.id}`)).statusCode).toBe(403);
  });

  it('objects within the period; the court answers (409 when stale); another’s assessment is 404', async () => {
    const others = (await judge.get(`/api/network/assessments?courtId=${court0102}&month=${month}&assistantId=${ids.a}`)).json().items[0];
    expect((await grassroots.post(`/api/network/my/assessments/${others.id}/objections`, { reason: '不是我的' })).statusCode).toBe(404);
    const own = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    const raised = await grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: '本月还协助了一次调解，未计入' });
    expect(raised.statusCode, raised.body).toBe(201);
    const objection = raised.json().objections[0];
    expect(objection).toMatchObject({ answer: null, reason: '本月还协助了一次调解，未计入' });
    const empty = await grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: ' ' });
    expect(empty.statusCode).toBe(400);
    const stale = await courtadmin.post(`/api/network/objections/${objection.id}/answer`, { answer: '已核实', version: 9 });
    expect(stale.statusCode).toBe(409);
    expect((await kuancheng.post(`/api/network/objections/${objection.id}/answer`, { answer: '已核实', version: 1 })).statusCode).toBe(403);
    const answered = await courtadmin.post(`/api/network/objections/${objection.id}/answer`, {
      answer: '该调解任务未经法院确认，不计入本月',
      version: 1,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().objections[0]).toMatchObject({ answer: '该调解任务未经法院确认，不计入本月', version: 2 });
    expect(await audits('network-objection', 'answer')).toBe(1);
  });

  it('one objection at a time: another is refused until the court has answered the last', async () => {
    const own = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    expect(own.objections.every((o: { answer: string | null }) => o.answer !== null)).toBe(true);
    const before = own.objections.length;
    const second = await grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: '对法院的答复仍有异议' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().objections).toHaveLength(before + 1);
    const third = await grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: '再补充一条异议' });
    expect(third.statusCode).toBe(400);
    expect(third.json().errors[0]).toMatchObject({ field: 'id', code: 'objection_pending' });
    expect(third.json().errors[0].message.en).toContain('waiting for the court');
    // Two sent at once still make one: the second waits for the first's lock and sees it.
    const open = second.json().objections.find((o: { answer: string | null }) => o.answer === null);
    await courtadmin.post(`/api/network/objections/${open.id}/answer`, { answer: '维持原考核结果', version: open.version });
    const both = await Promise.all([
      grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: '同时提交的异议一' }),
      grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: '同时提交的异议二' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const after = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    expect(after.objections.filter((o: { answer: string | null }) => o.answer === null)).toHaveLength(1);
    expect(await audits('network-objection', 'raise')).toBe(before + 2);
  });

  it('another assistant with a sign-in of their own sees only their own month and cannot object to someone else’s', async () => {
    const profile = (await courtadmin.get(`/api/network/assistants/${ids.b}`)).json();
    const made = await courtadmin.post(`/api/network/assistants/${ids.b}/account`, {
      username: 'assessment-test-b',
      password: 'Start@2026',
      version: profile.version,
    });
    expect(made.statusCode, made.body).toBe(200);
    const other = await signInNewAccount(t.app, 'assessment-test-b', 'Start@2026');
    const theirs = (await other.get('/api/network/my/assessments')).json();
    expect(theirs.items.map((x: { assistantId: number }) => x.assistantId)).toEqual([ids.b]);
    const statements = (await other.get('/api/network/my/subsidies')).json();
    expect(statements.items.map((x: { assistantId: number }) => x.assistantId)).toEqual([ids.b]);
    const grassrootsOwn = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    const raisedBefore = await audits('network-objection', 'raise');
    const intrude = await other.post(`/api/network/my/assessments/${grassrootsOwn.id}/objections`, { reason: '替别人提出的异议' });
    expect(intrude.statusCode).toBe(404);
    expect(intrude.body).not.toContain(String(grassrootsOwn.assistantName));
    expect(await audits('network-objection', 'raise')).toBe(raisedBefore);
    // Their own month takes an objection; the demo assistant's is untouched by it.
    const own = await other.post(`/api/network/my/assessments/${theirs.items[0].id}/objections`, { reason: '有一次送达未计入' });
    expect(own.statusCode, own.body).toBe(201);
    const mineAfter = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    expect(mineAfter.objections).toHaveLength(grassrootsOwn.objections.length);
    expect(mineAfter.objections.some((o: { reason: string }) => o.reason === '有一次送达未计入')).toBe(false);
  });

  it('after the objection period the month is final and objections are refused', async () => {
    const own = (await grassroots.get('/api/network/my/assessments')).json().items[0];
    await t.database.db.execute(sql`UPDATE network_assessment_runs SET objection_until = ${'2000-01-01'} WHERE id = ${own.runId}`);
    const closed = await grassroots.post(`/api/network/my/assessments/${own.id}/objections`, { reason: '再提一次异议' });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].code).toBe('objection_closed');
    expect((await grassroots.get('/api/network/my/assessments')).json().items[0].state).toBe('final');
  });
});

describe('subsidy statements', () => {
  const statementOf = async (assistantId: number) =>
    (await judge.get(`/api/network/subsidies?courtId=${court0102}&month=${month}&pageSize=200`))
      .json()
      .items.find((x: { assistantId: number }) => x.assistantId === assistantId);

  it('draft → submitted → approved by court finance; judges cannot approve; stale versions 409', async () => {
    const s = await statementOf(ids.a);
    expect((await judge.post(`/api/network/subsidies/${s.id}/submit`, { version: s.version })).statusCode).toBe(403);
    const submitted = await courtadmin.post(`/api/network/subsidies/${s.id}/submit`, { version: s.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect((await judge.post(`/api/network/subsidies/${s.id}/approve`, { version: s.version + 1 })).statusCode).toBe(403);
    expect((await president.post(`/api/network/subsidies/${s.id}/approve`, { version: s.version })).statusCode).toBe(409);
    const approved = await president.post(`/api/network/subsidies/${s.id}/approve`, { version: s.version + 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedByName: expect.any(String), totalFen: CAP_FEN });
    const again = await president.post(`/api/network/subsidies/${s.id}/approve`, { version: s.version + 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect(await audits('network-subsidy-statement', 'approve')).toBe(1);
  });

  it('finance returns a statement with a reason; it can be submitted again', async () => {
    const s = await statementOf(ids.b);
    await courtadmin.post(`/api/network/subsidies/${s.id}/submit`, { version: s.version });
    const noReason = await president.post(`/api/network/subsidies/${s.id}/return`, { reason: '', version: s.version + 1 });
    expect(noReason.statusCode).toBe(400);
    const returned = await president.post(`/api/network/subsidies/${s.id}/return`, { reason: '请附送达回证', version: s.version + 1 });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请附送达回证' });
    const resubmitted = await courtadmin.post(`/api/network/subsidies/${s.id}/submit`, { version: s.version + 2 });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', returnReason: null });
  });

  it('every amount is reproducible; a tampered amount or a changed task is reported', async () => {
    const s = await statementOf(ids.a);
    const ok = (await judge.get(`/api/network/subsidies/${s.id}/check`)).json();
    expect(ok).toEqual({ statementId: s.id, reproducible: true, differences: [], taskDifferences: [] });
    await t.database.db.execute(sql`UPDATE network_subsidy_statements SET total_fen = total_fen - 1 WHERE id = ${s.id}`);
    const changedTask = s.lines[0].taskId;
    await t.database.db.execute(sql`UPDATE network_tasks SET outcome = 'failure' WHERE id = ${changedTask}`);
    const bad = (await judge.get(`/api/network/subsidies/${s.id}/check`)).json();
    expect(bad.reproducible).toBe(false);
    expect(bad.differences).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'totalFen', stored: CAP_FEN - 1, recomputed: CAP_FEN })]),
    );
    expect(bad.taskDifferences).toEqual([{ taskId: changedTask, problem: 'changed' }]);
    await t.database.db.execute(sql`UPDATE network_subsidy_statements SET total_fen = total_fen + 1 WHERE id = ${s.id}`);
    await t.database.db.execute(sql`UPDATE network_tasks SET outcome = 'success' WHERE id = ${changedTask}`);
  });

  it('exports XLSX with Chinese headers and amounts in 元 with two decimals', async () => {
    const r = await judge.get(`/api/network/subsidies/export?courtId=${court0102}&month=${month}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('补贴结算汇总')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['协助员', '按件小计（元）', '应发补贴（元）']));
    const totalColumn = header.indexOf('应发补贴（元）') + 1;
    let found = false;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === '考核甲') {
        found = true;
        expect(row.getCell(totalColumn).value).toBe('400.00');
        expect(row.getCell(header.indexOf('按件小计（元）') + 1).value).toBe('380.00');
      }
    });
    expect(found).toBe(true);
    expect(workbook.getWorksheet('任务明细')!.rowCount).toBeGreaterThan(11);
  });

  it('other courts get 404', async () => {
    const s = await statementOf(ids.a);
    expect((await kuancheng.get(`/api/network/subsidies/${s.id}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/network/subsidies/${s.id}/check`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/network/subsidies?courtId=${court0102}&month=${month}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/network/subsidies/export?courtId=${court0102}&month=${month}`)).statusCode).toBe(404);
    const a = (await judge.get(`/api/network/assessments?courtId=${court0102}&month=${month}&assistantId=${ids.a}`)).json().items[0];
    expect((await kuancheng.get(`/api/network/assessments/${a.id}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/network/assessments?courtId=${court0102}`)).statusCode).toBe(404);
  });
});

describe('the network dashboard', () => {
  it('twelve months of figures for the court, in scope only', async () => {
    const r = await judge.get(`/api/network/dashboard?courtId=${court0102}&month=${month}`);
    expect(r.statusCode, r.body).toBe(200);
    const d = r.json();
    expect(d.months).toHaveLength(12);
    expect(d.months[11]).toBe(month);
    expect(d.activeAssistants).toBeGreaterThan(3);
    expect(d.byCategory.find((c: { code: string }) => c.code === 'grid-worker').count).toBeGreaterThanOrEqual(3);
    expect(d.byStation.find((s: { stationId: number }) => s.stationId === stationId).count).toBe(3);
    const delivered = d.tasksByMonth
      .filter(
        (x: { month: string; kind: string; outcome: string }) => x.month === month && x.kind === 'delivery' && x.outcome === 'success',
      )
      .reduce((n: number, x: { count: number }) => n + x.count, 0);
    expect(delivered).toBeGreaterThanOrEqual(9 + 2 + 1);
    expect(d.subsidiesPaid[11]).toMatchObject({ statements: 1, totalFen: CAP_FEN });
    expect(d.trainingHours[11].attendeeHours).toBeGreaterThanOrEqual(10);
    expect(d.responseHours[11].averageHours).toBeGreaterThan(0);
    expect((await kuancheng.get(`/api/network/dashboard?courtId=${court0102}&month=${month}`)).statusCode).toBe(404);
    expect((await judge.get(`/api/network/dashboard?courtId=${court0102}&month=2026-13`)).statusCode).toBe(400);
  });
});

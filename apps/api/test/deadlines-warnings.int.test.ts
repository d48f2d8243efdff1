/**
 * Warning levels (审限预警): the sweep sets every open case's level in one statement and notifies
 * (outbox → in-app) the team of a case entering a more urgent level, the division head from 7 days
 * left and the president once overdue; thresholds are an administrator's; the warning board and
 * the workbench count the levels; `POST /api/deadlines/compute` serves the calculator.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedCalendar } from '../src/modules/calendar/index.js';
import { caseDeadlineStore } from '../src/modules/cases/index.js';
import { levelFor, runDeadlineCommand, sweepDeadlineWarnings } from '../src/modules/deadlines/index.js';
import { rows } from '../src/platform/db.js';
import {
  addDays,
  caseOf,
  closeTestApp,
  courtId,
  type FiledCase,
  fileAndAssign,
  simpleCase,
  specialCase,
  today,
} from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client;
let divhead: Client;
let judge: Client;
let president: Client;
let admin: Client;
let courtadmin: Client;
let kuancheng: Client;
let court0102: number;

/** Days left → case (a 30-day procedure filed 30 − days ago); FAR: a 3-month case filed today. */
const cases = new Map<number, FiledCase>();
const DAYS_LEFT = [2, 5, 10, 20, -1];
const FAR = 90;

async function outboxOf(ids: number[]) {
  return rows<{ caseId: string; userId: number; kind: string }>(
    t.database.db,
    sql`SELECT payload->>'entityId' AS "caseId", user_id AS "userId", kind FROM outbox
        WHERE payload->>'entityType' = 'case' AND payload->>'entityId' IN ${sql`(${sql.join(
          ids.map((id) => sql`${String(id)}`),
          sql`, `,
        )})`} ORDER BY id`,
  );
}

async function notificationsOf(ids: number[]) {
  return rows<{ entityId: string; userId: number; kind: string; titleZh: string }>(
    t.database.db,
    sql`SELECT entity_id AS "entityId", user_id AS "userId", kind, title_zh AS "titleZh" FROM notifications
        WHERE entity_type = 'case' AND entity_id IN ${sql`(${sql.join(
          ids.map((id) => sql`${String(id)}`),
          sql`, `,
        )})`} ORDER BY id`,
  );
}

const levelOf = async (days: number) => (await caseOf(judge, (cases.get(days) as FiledCase).id)).warningLevel;
const ids = () => [...cases.values()].map((c) => c.id);

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, judge, president, admin, courtadmin, kuancheng] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'judge'),
    signIn(t.app, 'president'),
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'courtadmin'),
    signIn(t.app, 'kuancheng'),
  ]);
  court0102 = await courtId(admin, '吉0102');
  for (const days of DAYS_LEFT) {
    cases.set(days, await fileAndAssign(clerk, divhead, specialCase(court0102, addDays(today(), days - 30)), judge.userId));
  }
  cases.set(FAR, await fileAndAssign(clerk, divhead, simpleCase(court0102, today()), judge.userId));
  // Filing and assignment set the level at once (tested below). Here the cases are put back as
  // they were when last touched, far from the limit: the days since are what the sweep must find.
  await t.database.db.execute(
    sql`UPDATE cases SET warning_level = 'none' WHERE id IN ${sql`(${sql.join(
      ids().map((id) => sql`${id}`),
      sql`, `,
    )})`}`,
  );
  await t.database.db.execute(sql`DELETE FROM outbox WHERE payload->>'entityType' = 'case'`);
  await t.database.db.execute(sql`DELETE FROM notifications WHERE entity_type = 'case'`);
});
afterAll(() => closeTestApp(t));

describe('the sweep', () => {
  it('files with the deadline the days left say (levels put back to none for the sweep)', async () => {
    for (const [days, kase] of cases) {
      if (days !== FAR) expect(kase.deadlineOn).toBe(addDays(today(), days));
      expect(await levelOf(days)).toBe('none');
    }
  });

  it('sets the levels of the 30, 15, 7, 3 day bands and overdue, as levelFor does', async () => {
    const result = await sweepDeadlineWarnings(t.database.db, caseDeadlineStore);
    expect(result.changed).toBeGreaterThanOrEqual(5);
    const expected: Record<number, string> = { 2: '3', 5: '7', 10: '15', 20: '30', [-1]: 'overdue' };
    for (const days of DAYS_LEFT) {
      expect(await levelOf(days)).toBe(expected[days]);
      expect(levelFor(days)).toBe(expected[days]);
    }
    expect(await levelOf(FAR)).toBe('none');
  });

  it('writes one outbox row per recipient of each level change, delivered as notifications', async () => {
    const team = [judge.userId, (cases.get(2) as FiledCase).assistantId, (cases.get(2) as FiledCase).clerkId];
    const queued = await outboxOf(ids());
    const by = (days: number) => queued.filter((r) => r.caseId === String((cases.get(days) as FiledCase).id));
    // The team for every band; the division head from 7 days left; the president once overdue.
    expect(
      by(20)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([...team].sort());
    expect(
      by(10)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([...team].sort());
    expect(
      by(5)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([...team, divhead.userId].sort());
    expect(
      by(2)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([...team, divhead.userId].sort());
    expect(
      by(-1)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([...team, divhead.userId, president.userId].sort());
    expect(by(FAR)).toEqual([]);
    expect(by(5).find((r) => r.userId === divhead.userId)?.kind).toBe('deadline-escalation');
    expect(by(5).find((r) => r.userId === judge.userId)?.kind).toBe('deadline-warning');
    const delivered = await notificationsOf(ids());
    expect(delivered).toHaveLength(queued.length);
    const [unsent] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`);
    expect(unsent.n).toBe(0);
  });

  it('a second sweep changes nothing and writes nothing', async () => {
    const before = (await outboxOf(ids())).length;
    const result = await sweepDeadlineWarnings(t.database.db, caseDeadlineStore);
    expect(result.changed).toBe(0);
    expect((await outboxOf(ids())).length).toBe(before);
    expect((await notificationsOf(ids())).length).toBe(before);
  });

  it('the judge, the head and the president read their notices', async () => {
    const mine = (await judge.get('/api/notifications?limit=100')).json();
    expect(mine.items.filter((n: { entityType: string }) => n.entityType === 'case')).toHaveLength(5);
    expect(mine.unread).toBeGreaterThanOrEqual(5);
    const overdueId = String((cases.get(-1) as FiledCase).id);
    const presidents = (await president.get('/api/notifications')).json().items;
    expect(presidents.map((n: { entityId: string }) => n.entityId)).toEqual([overdueId]);
    expect(presidents[0]).toMatchObject({ kind: 'deadline-escalation', titleZh: expect.stringMatching(/已超审限 1 日/) });
    const heads = (await divhead.get('/api/notifications')).json().items.map((n: { entityId: string }) => n.entityId);
    expect(heads.sort()).toEqual([2, 5, -1].map((d) => String((cases.get(d) as FiledCase).id)).sort());
  });

  it('a case moving to a less urgent level (an extension) is not notified; closing it returns it to none', async () => {
    const kase = cases.get(2) as FiledCase;
    const before = (await outboxOf([kase.id])).length;
    const requested = (await judge.post(`/api/cases/${kase.id}/limit-changes`, { kind: 'extension', days: 30, reason: '需要鉴定' })).json();
    const approved = await divhead.post(`/api/limit-changes/${requested.id}/decide`, { decision: 'approve', version: requested.version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await levelOf(2)).toBe('none');
    expect((await outboxOf([kase.id])).length).toBe(before);
    const current = await caseOf(judge, (cases.get(5) as FiledCase).id);
    const closed = await judge.post(`/api/cases/${current.id}/close`, {
      method: 'withdrawal',
      closedOn: today(),
      version: current.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().warningLevel).toBe('none');
    await sweepDeadlineWarnings(t.database.db, caseDeadlineStore);
    expect(await levelOf(5)).toBe('none');
  });
});

describe('thresholds (warning settings)', () => {
  it('start as the built-in default, readable by administrators only', async () => {
    const settings = (await admin.get('/api/warning-settings')).json();
    expect(settings.items).toEqual([
      { courtId: null, courtName: null, thresholds: [30, 15, 7, 3], escalateHeadAt: 7, escalatePresidentWhenOverdue: true, version: 0 },
    ]);
    expect((await judge.get('/api/warning-settings')).statusCode).toBe(403);
  });

  it('moved thresholds apply at once, notifying the cases that became more urgent', async () => {
    const before = (await outboxOf([(cases.get(10) as FiledCase).id])).length;
    const put = await admin.put('/api/warning-settings', {
      courtId: null,
      thresholds: [45, 25, 12, 6],
      escalateHeadAt: 12,
      escalatePresidentWhenOverdue: false,
      version: 0,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items[0]).toMatchObject({ courtId: null, thresholds: [45, 25, 12, 6], version: 1 });
    expect(await levelOf(10)).toBe('7');
    expect(await levelOf(20)).toBe('15');
    // Extended by 30 days earlier: 32 days left, now within the first band (45).
    expect(await levelOf(2)).toBe('30');
    expect(await levelOf(FAR)).toBe('none');
    const queued = await outboxOf([(cases.get(10) as FiledCase).id]);
    // 10 days left is now within escalate_head_at (12): the head is told too.
    expect(queued.slice(before).map((r) => r.userId)).toContain(divhead.userId);
  });

  it('refuses a stale version, unordered thresholds, and the province default below the higher court', async () => {
    const body = { courtId: null, thresholds: [30, 15, 7, 3], escalateHeadAt: 7, escalatePresidentWhenOverdue: true };
    expect((await admin.put('/api/warning-settings', { ...body, version: 0 })).statusCode).toBe(409);
    const unordered = await admin.put('/api/warning-settings', { ...body, thresholds: [3, 7, 15, 30], version: 1 });
    expect(unordered.statusCode).toBe(400);
    expect(unordered.json().errors[0]).toMatchObject({ field: 'body.thresholds', code: 'thresholds_descending' });
    expect((await courtadmin.put('/api/warning-settings', { ...body, version: 1 })).statusCode).toBe(403);
  });

  it("a court's own setting overrides the default for its cases", async () => {
    const own = await courtadmin.put('/api/warning-settings', {
      courtId: court0102,
      thresholds: [30, 15, 7, 3],
      escalateHeadAt: 7,
      escalatePresidentWhenOverdue: true,
      version: 0,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((s: { courtId: number | null }) => s.courtId)).toEqual([null, court0102]);
    expect(await levelOf(10)).toBe('15');
    expect(await levelOf(2)).toBe('none');
    const outside = await courtadmin.put('/api/warning-settings', {
      courtId: await courtId(admin, '吉0103'),
      thresholds: [30, 15, 7, 3],
      escalateHeadAt: 7,
      escalatePresidentWhenOverdue: true,
      version: 0,
    });
    expect(outside.statusCode).toBe(400);
    const trail = (await admin.get('/api/audit?entityType=warning-setting')).json();
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['create', 'create']);
  });
});

describe('the warning board (预警看板) and the workbench', () => {
  it('counts open cases per level, overall and per court, department and judge', async () => {
    const board = (await divhead.get('/api/warning-board')).json();
    expect(board.counts).toMatchObject({ '3': 0, '7': 0, '15': 1, '30': 1, overdue: 1 });
    expect(board.counts.total).toBe(
      board.counts.none + board.counts['30'] + board.counts['15'] + board.counts['7'] + board.counts['3'] + board.counts.overdue,
    );
    expect(board.byCourt).toEqual([expect.objectContaining({ courtId: court0102, counts: board.counts })]);
    const mine = board.byJudge.find((j: { judgeId: number }) => j.judgeId === judge.userId);
    expect(mine.counts).toMatchObject({ overdue: 1, '15': 1, '30': 1, total: 5 });
    expect(board.byDepartment.some((d: { departmentName: string }) => d.departmentName === '民事审判第一庭')).toBe(true);
    const filtered = (await divhead.get(`/api/warning-board?judgeId=${judge.userId}`)).json();
    expect(filtered.counts.total).toBe(5);
  });

  it('is scoped: another court sees none of these cases', async () => {
    const board = (await kuancheng.get('/api/warning-board')).json();
    expect(board.counts.total).toBe(0);
    expect(board.byJudge).toEqual([]);
    expect((await kuancheng.get(`/api/warning-board?courtId=${court0102}`)).json().counts.total).toBe(0);
  });

  it("shows the judge's cases by level on the workbench", async () => {
    const workbench = (await judge.get('/api/workbench')).json();
    expect(workbench.deadlines.myCasesByLevel).toMatchObject({ overdue: 1, '15': 1, '30': 1, total: 5 });
    expect(workbench.deadlines.unreadNotifications).toBeGreaterThan(0);
    expect(workbench.court).toBeDefined();
  });
});

describe('POST /api/deadlines/compute', () => {
  it('answers one request or a batch, as `courtassist deadline` does with the stored calendar', async () => {
    const trial = { type: 'trial', procedure: 'civil-first-simple', filedOn: '2026-01-05', extensions: [{ months: 1 }] };
    const one = await judge.post('/api/deadlines/compute', trial);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().deadline).toBe('2026-05-05');
    const period = { type: 'period', from: '2026-09-20', days: 10 };
    const batch = await judge.post('/api/deadlines/compute', [trial, period]);
    expect(batch.statusCode, batch.body).toBe(200);
    const cli = runDeadlineCommand(JSON.stringify([trial, period]), await storedCalendar(t.database.db));
    expect(batch.json()).toEqual(JSON.parse(cli.stdout));
    // 09-30 is a working day in 2026 (中秋 is 09-25..27): no move. 10-01 would be.
    expect(batch.json()[1].deadline).toBe('2026-09-30');
    const moved = (await judge.post('/api/deadlines/compute', { type: 'period', from: '2026-09-21', days: 10 })).json();
    expect(moved.deadline > '2026-10-01').toBe(true);
  });

  it('answers problems with the fields at fault', async () => {
    const bad = await judge.post('/api/deadlines/compute', [
      { type: 'trial', procedure: 'civil-first-simple', filedOn: '2026-02-30' },
      { type: 'period', from: '2026-01-01', days: 1, months: 1 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.0.filedOn', 'body.1.days']);
    const single = await judge.post('/api/deadlines/compute', { type: 'trial', procedure: 'nope', filedOn: '2026-01-01' });
    expect(single.json().errors[0].field).toBe('body.procedure');
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/deadlines/compute', payload: { type: 'trial' } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('levels set by events, between sweeps', () => {
  it('filing sets the level at once; the team and division head of the assignment are told', async () => {
    const filed = await clerk.post('/api/cases', specialCase(court0102, addDays(today(), 5 - 30)));
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json().warningLevel).toBe('7');
    const id = filed.json().id as number;
    // Nobody handles it yet and it belongs to no division: nobody to tell (the president only once overdue).
    expect(await outboxOf([id])).toEqual([]);

    const assigned = await divhead.post(`/api/cases/${id}/assign`, {
      mode: 'manual',
      judgeId: judge.userId,
      reason: '测试指定承办',
      version: filed.json().version,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const team = [assigned.json().judgeId, assigned.json().assistantId, assigned.json().clerkId];
    const queued = await outboxOf([id]);
    expect(queued.map((r) => r.userId).sort()).toEqual([divhead.userId, ...team].sort());
    expect(queued.filter((r) => team.includes(r.userId)).every((r) => r.kind === 'deadline-warning')).toBe(true);
    const notices = (await judge.get('/api/notifications?limit=100')).json().items as { entityId: string; titleZh: string }[];
    expect(notices.find((n) => n.entityId === String(id))?.titleZh).toMatch(/审限剩余 5 日/);

    // The sweep finds nothing left to do for it.
    const before = (await outboxOf([id])).length;
    await sweepDeadlineWarnings(t.database.db, caseDeadlineStore);
    expect((await outboxOf([id])).length).toBe(before);
  });

  it('a case filed far from its limit stays at none and tells nobody', async () => {
    const filed = await clerk.post('/api/cases', simpleCase(court0102, today()));
    expect(filed.json().warningLevel).toBe('none');
    expect(await outboxOf([filed.json().id])).toEqual([]);
  });
});

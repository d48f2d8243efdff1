/**
 * Limit changes (审限变更): extensions, deductions and suspensions are requested by the case's
 * team, approved by the division head (and the president for extensions beyond the first), and
 * only then move the stored deadline, which is the calculator's answer over the approved changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrialLimit } from '../src/modules/deadlines/index.js';
import {
  addDays,
  caseOf,
  closeTestApp,
  courtId,
  divisionHeadOf,
  type FiledCase,
  fileAndAssign,
  simpleCase,
  today,
} from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client;
let divhead: Client;
let judge: Client;
let assistant: Client;
let president: Client;
let admin: Client;
let kuancheng: Client;
let otherHead: Client; // division head of the sibling court 吉0103
let court0102: number;
let kase: FiledCase;
const filedOn = addDays(today(), -20);

/** The deadline the calculator gives for the main case with these approved changes. */
function expected(extensions: { months?: number; days?: number }[] = [], deductions: { kind: string; from: string; to: string }[] = []) {
  return computeTrialLimit({
    type: 'trial',
    procedure: 'civil-first-simple',
    filedOn,
    ...(extensions.length ? { extensions: extensions as never } : {}),
    ...(deductions.length ? { deductions: deductions as never } : {}),
  }).deadline;
}

async function request(client: Client, caseId: number, body: Record<string, unknown>) {
  return client.post(`/api/cases/${caseId}/limit-changes`, { reason: '案情复杂，需要延长', ...body });
}

async function decide(client: Client, change: { id: number; version: number }, decision: 'approve' | 'reject', comment = '') {
  return client.post(`/api/limit-changes/${change.id}/decide`, { decision, comment, version: change.version });
}

const pendingIds = async (client: Client) =>
  ((await client.get('/api/limit-changes?status=pending')).json().items as { id: number }[]).map((c) => c.id);

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, judge, assistant, president, admin, kuancheng] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'judge'),
    signIn(t.app, 'assistant'),
    signIn(t.app, 'president'),
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'kuancheng'),
  ]);
  otherHead = await signIn(t.app, await divisionHeadOf(t, '吉0103'));
  court0102 = await courtId(admin, '吉0102');
  kase = await fileAndAssign(clerk, divhead, simpleCase(court0102, filedOn), judge.userId);
});
afterAll(() => closeTestApp(t));

describe('extensions (延长审限)', () => {
  it('files with the procedure limit as the stored deadline, and the team is the judge team', () => {
    expect(kase.deadlineOn).toBe(expected());
    expect(kase.judgeId).toBe(judge.userId);
    expect(kase.assistantId).toBe(assistant.userId);
  });

  let first: { id: number; version: number };

  it('a request changes nothing until approved', async () => {
    const response = await request(judge, kase.id, { kind: 'extension', months: 1 });
    expect(response.statusCode, response.body).toBe(201);
    first = response.json();
    expect(response.json()).toMatchObject({ status: 'requested', awaiting: 'head', allowed: ['decide', 'withdraw'], months: 1 });
    expect((await caseOf(judge, kase.id)).deadlineOn).toBe(expected());
    expect(await pendingIds(divhead)).toContain(first.id);
    expect(await pendingIds(president)).not.toContain(first.id);
  });

  it('a second extension request is refused while one is pending', async () => {
    const response = await request(assistant, kase.id, { kind: 'extension', days: 10 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'INVALID_STATE', meta: { changeId: first.id } });
  });

  it('a judge cannot approve (403); an approver of another court does not see it (404)', async () => {
    expect((await decide(judge, first, 'approve')).statusCode).toBe(403);
    expect((await decide(otherHead, first, 'approve')).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/cases/${kase.id}/limit-changes`)).statusCode).toBe(404);
    expect(await pendingIds(otherHead)).not.toContain(first.id);
  });

  it('a stale version answers 409 and decides nothing', async () => {
    const stale = await decide(divhead, { id: first.id, version: first.version + 1 }, 'approve');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', meta: { currentVersion: first.version } });
    expect((await caseOf(judge, kase.id)).deadlineOn).toBe(expected());
  });

  it('the division head approves the first extension alone: the deadline moves by the months', async () => {
    const response = await decide(divhead, first, 'approve', '同意');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'approved', awaiting: null, allowed: [] });
    expect(response.json().decisions).toMatchObject([{ step: 'head', decision: 'approve', comment: '同意', decidedBy: divhead.userId }]);
    const after = await caseOf(judge, kase.id);
    expect(after.deadlineOn).toBe(expected([{ months: 1 }]));
    expect(after.deadlineSteps.map((s: { detail: string }) => s.detail)).toEqual([
      expect.stringMatching(/审限 3个月/),
      expect.stringMatching(/延长 1个月/),
    ]);
    expect(await pendingIds(divhead)).not.toContain(first.id);
  });

  it('deciding again is an illegal state change (409 with the allowed actions)', async () => {
    const again = await decide(divhead, { id: first.id, version: first.version + 1 }, 'approve');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE', meta: { allowed: [] } });
  });

  it('an extension beyond the first needs the president after the head', async () => {
    const requested = (await request(assistant, kase.id, { kind: 'extension', days: 15 })).json();
    const headed = await decide(divhead, requested, 'approve');
    expect(headed.statusCode, headed.body).toBe(200);
    expect(headed.json()).toMatchObject({ status: 'head-approved', awaiting: 'president' });
    expect((await caseOf(judge, kase.id)).deadlineOn).toBe(expected([{ months: 1 }]));
    expect(await pendingIds(divhead)).not.toContain(requested.id);
    expect(await pendingIds(president)).toContain(requested.id);
    // The head holds no president permission; the judge no approval permission at all.
    expect((await decide(divhead, headed.json(), 'approve')).statusCode).toBe(403);
    const approved = await decide(president, headed.json(), 'approve', '同意延长');
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(approved.json().decisions.map((d: { step: string }) => d.step)).toEqual(['head', 'president']);
    expect((await caseOf(judge, kase.id)).deadlineOn).toBe(expected([{ months: 1 }, { days: 15 }]));
  });

  it('a rejection ends the request and leaves the deadline', async () => {
    const requested = (await request(judge, kase.id, { kind: 'extension', months: 2 })).json();
    const rejected = await decide(divhead, requested, 'reject', '理由不充分');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', allowed: [] });
    expect((await caseOf(judge, kase.id)).deadlineOn).toBe(expected([{ months: 1 }, { days: 15 }]));
    const withdraw = await judge.post(`/api/limit-changes/${requested.id}/withdraw`, {});
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().code).toBe('INVALID_STATE');
  });

  it('the requester may withdraw a pending request; others may not', async () => {
    const requested = (await request(judge, kase.id, { kind: 'extension', months: 1 })).json();
    expect((await assistant.post(`/api/limit-changes/${requested.id}/withdraw`, {})).statusCode).toBe(403);
    const withdrawn = await judge.post(`/api/limit-changes/${requested.id}/withdraw`, { version: requested.version });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await decide(divhead, withdrawn.json(), 'approve')).statusCode).toBe(409);
  });

  it('only the case team requests; a clerk lacks the permission, an outsider is refused', async () => {
    expect((await request(clerk, kase.id, { kind: 'extension', months: 1 })).statusCode).toBe(403);
    expect((await request(kuancheng, kase.id, { kind: 'extension', months: 1 })).statusCode).toBe(404);
    const bad = await request(judge, kase.id, { kind: 'extension', months: 1, days: 3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.days', code: 'one_length' });
  });
});

describe('deductions (扣除) and suspensions (中止)', () => {
  const announcement = { kind: 'announcement', from: addDays(filedOn, 2), to: addDays(filedOn, 11) };
  const appraisal = { kind: 'appraisal', from: addDays(filedOn, 8), to: addDays(filedOn, 15) };

  it('a deduction approved by the head adds the merged deducted days', async () => {
    const a = (
      await request(judge, kase.id, { kind: 'deduction', deductionKind: 'announcement', fromOn: announcement.from, toOn: announcement.to })
    ).json();
    const b = await request(assistant, kase.id, {
      kind: 'deduction',
      deductionKind: 'appraisal',
      fromOn: appraisal.from,
      toOn: appraisal.to,
    });
    expect(b.statusCode, b.body).toBe(201);
    expect((await decide(divhead, a, 'approve')).json().status).toBe('approved');
    expect((await caseOf(judge, kase.id)).deadlineOn).toBe(expected([{ months: 1 }, { days: 15 }], [announcement]));
    expect((await decide(divhead, b.json(), 'approve')).json().status).toBe('approved');
    const after = await caseOf(judge, kase.id);
    // 02..11 and 08..15 overlap: 14 days, not 18.
    expect(after.deadlineOn).toBe(expected([{ months: 1 }, { days: 15 }], [announcement, appraisal]));
    expect(after.deadlineOn).toBe(addDays(expected([{ months: 1 }, { days: 15 }]), 14));
    expect(after.deadlineSteps.at(-1).detail).toMatch(/扣除 14日/);
  });

  it('refuses a deduction ending before it starts or starting before filing', async () => {
    const reversed = await request(judge, kase.id, {
      kind: 'deduction',
      deductionKind: 'appraisal',
      fromOn: today(),
      toOn: addDays(today(), -1),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ field: 'body.toOn', code: 'date_order' });
    const early = await request(judge, kase.id, {
      kind: 'deduction',
      deductionKind: 'appraisal',
      fromOn: addDays(filedOn, -5),
      toOn: addDays(filedOn, 1),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('body.fromOn');
  });

  let suspension: { id: number; version: number };
  const base = () => expected([{ months: 1 }, { days: 15 }], [announcement, appraisal]);

  it('an approved suspension counts up to today and marks the case suspended', async () => {
    const from = addDays(today(), -3);
    const requested = await request(judge, kase.id, { kind: 'suspension', fromOn: from });
    expect(requested.statusCode, requested.body).toBe(201);
    expect((await caseOf(judge, kase.id)).suspended).toBe(false);
    const approved = await decide(divhead, requested.json(), 'approve');
    expect(approved.json()).toMatchObject({ status: 'approved', allowed: ['resume'], toOn: null });
    suspension = approved.json();
    const after = await caseOf(judge, kase.id);
    expect(after.suspended).toBe(true);
    expect(after.warningLevel).toBe('none');
    expect(after.deadlineOn).toBe(
      expected([{ months: 1 }, { days: 15 }], [announcement, appraisal, { kind: 'suspension', from, to: today() }]),
    );
    const again = await request(judge, kase.id, { kind: 'suspension', fromOn: today() });
    expect(again.statusCode).toBe(409);
  });

  it('resumption sets the end: the case is no longer suspended and the deadline counts the suspension to that day', async () => {
    const from = addDays(today(), -3);
    const future = await judge.post(`/api/limit-changes/${suspension.id}/resume`, { on: addDays(today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(
      (await judge.post(`/api/limit-changes/${suspension.id}/resume`, { on: today(), version: suspension.version + 5 })).statusCode,
    ).toBe(409);
    const resumed = await judge.post(`/api/limit-changes/${suspension.id}/resume`, { on: addDays(today(), -1) });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ toOn: addDays(today(), -1), allowed: [] });
    const after = await caseOf(judge, kase.id);
    expect(after.suspended).toBe(false);
    expect(after.deadlineOn).toBe(
      expected([{ months: 1 }, { days: 15 }], [announcement, appraisal, { kind: 'suspension', from, to: addDays(today(), -1) }]),
    );
    expect(after.deadlineOn).toBe(addDays(base(), 3));
    const twice = await judge.post(`/api/limit-changes/${suspension.id}/resume`, { on: today() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'INVALID_STATE', meta: { allowed: [] } });
  });
});

describe('lists, trace and notices', () => {
  it("lists the case's changes with their decisions, newest first", async () => {
    const list = (await judge.get(`/api/cases/${kase.id}/limit-changes`)).json();
    expect(list.total).toBe(list.items.length);
    expect(list.items.map((c: { kind: string; status: string }) => `${c.kind}:${c.status}`)).toEqual([
      'suspension:approved',
      'deduction:approved',
      'deduction:approved',
      'extension:withdrawn',
      'extension:rejected',
      'extension:approved',
      'extension:approved',
    ]);
    const queue = (await admin.get('/api/limit-changes?status=approved&limit=2')).json();
    expect(queue.total).toBe(5);
    expect(queue.items).toHaveLength(2);
    const next = (await admin.get(`/api/limit-changes?status=approved&limit=2&cursor=${queue.nextCursor}`)).json();
    expect(next.items[0].id).toBeLessThan(queue.items[1].id);
  });

  it('audits every request and decision', async () => {
    const first = (await judge.get(`/api/cases/${kase.id}/limit-changes`)).json().items.at(-1);
    const trail = (await admin.get(`/api/audit?entityType=limit-change&entityId=${first.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).reverse()).toEqual(['request', 'approve']);
    expect(trail.items[0].changes.deadlineOn).toEqual({ before: expected(), after: expected([{ months: 1 }]) });
  });

  it('notifies the head of a request, the president of a head-approved one, and the team of the outcome', async () => {
    const kinds = async (client: Client) =>
      ((await client.get('/api/notifications?limit=200')).json().items as { kind: string; entityType: string }[])
        .filter((n) => n.entityType === 'limit-change')
        .map((n) => n.kind);
    expect(await kinds(divhead)).toContain('limit-change-requested');
    expect(await kinds(president)).toEqual(['limit-change-requested']);
    const judges = await kinds(judge);
    expect(judges).toEqual(expect.arrayContaining(['limit-change-approved', 'limit-change-rejected', 'limit-change-head-approved']));
  });

  it('counts pending approvals on the workbench', async () => {
    const requested = (await request(judge, kase.id, { kind: 'extension', days: 5 })).json();
    expect((await divhead.get('/api/workbench')).json().deadlines.pendingApprovals).toBe(1);
    expect((await judge.get('/api/workbench')).json().deadlines.pendingApprovals).toBe(0);
    await judge.post(`/api/limit-changes/${requested.id}/withdraw`, {});
    expect((await divhead.get('/api/workbench')).json().deadlines.pendingApprovals).toBe(0);
  });
});

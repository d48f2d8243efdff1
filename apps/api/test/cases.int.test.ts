import { makeIdCard, parseCaseNumber } from '@courtassist/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client; // 吉0102 clerk: may file
let divhead: Client; // 吉0102 division head: may assign
let kuancheng: Client; // judge of the sibling court 吉0103
let admin: Client;
let court0102: number;
let tribunal0102: number;

const person = (role: string, name: string, extra: Record<string, unknown> = {}) => ({ kind: 'person', role, name, ...extra });
const filing = (overrides: Record<string, unknown> = {}) => ({
  courtId: court0102,
  caseTypeCode: '民初',
  procedureCode: 'civil-first-simple',
  causeCode: 'C04.10.103.03',
  filedOn: '2026-01-05',
  claimAmount: '52000.00',
  summary: '借款到期未还',
  parties: [
    person('plaintiff', '张三', { idNumber: makeIdCard('220102', '19800101', '123'), phone: '13800000000' }),
    {
      kind: 'organisation',
      role: 'defendant',
      name: '长春某某商贸有限公司',
      creditCode: '91350100M000100Y43',
      legalRepresentative: '李四',
    },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, kuancheng, admin] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'kuancheng'),
    signIn(t.app, 'admin', ADMIN_PASSWORD),
  ]);
  const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string; parentId: number }[];
  court0102 = (courts.find((c) => c.code === '吉0102' && c.level === 'basic') as { id: number }).id;
  tribunal0102 = (courts.find((c) => c.level === 'tribunal' && c.parentId === court0102) as { id: number }).id;
});
afterAll(() => t.close());

describe('filing (立案)', () => {
  it('files a case with a well-formed number, parties, the trial limit and the first nodes', async () => {
    const response = await clerk.post('/api/cases', filing());
    expect(response.statusCode, response.body).toBe(201);
    const detail = response.json();
    const parsed = parseCaseNumber(detail.caseNumber);
    expect(parsed).toMatchObject({ ok: true, year: 2026, courtCode: '吉0102', typeCode: '民初' });
    expect(detail.status).toBe('pending-assignment');
    // Simplified civil procedure: 3 months from 2026-01-05.
    expect(detail.deadlineOn).toBe('2026-04-05');
    expect(detail.deadlineSteps[0].rule).toMatch(/规则2/);
    expect(detail.parties[0]).toMatchObject({ name: '张三', gender: 'male', birthDate: '1980-01-01' });
    expect(detail.nodes.map((n: { node: string; status: string }) => `${n.node}:${n.status}`).slice(0, 3)).toEqual([
      'filing:done',
      'assignment:active',
      'delivery:pending',
    ]);
    expect(detail.title).toContain('张三');
  });

  it('refuses an invalid ID number with the field at fault and files nothing', async () => {
    const before = (await clerk.get('/api/cases?limit=1')).json().total;
    const bad = filing({ parties: [person('plaintiff', '王五', { idNumber: '110105194912310021' }), person('defendant', '赵六')] });
    const response = await clerk.post('/api/cases', bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: 'body.parties.0.idNumber', code: 'id_card_checksum' }));
    expect((await clerk.get('/api/cases?limit=1')).json().total).toBe(before);
  });

  it('refuses a procedure of another case type, a missing defendant, a future date and an unknown cause', async () => {
    const wrongProcedure = await clerk.post('/api/cases', filing({ procedureCode: 'criminal-first-simple' }));
    expect(wrongProcedure.json().errors.map((e: { field: string }) => e.field)).toContain('body.procedureCode');
    const noDefendant = await clerk.post('/api/cases', filing({ parties: [person('plaintiff', '张三')] }));
    expect(noDefendant.statusCode).toBe(400);
    expect(noDefendant.json().errors[0].field).toBe('body.parties');
    const future = await clerk.post('/api/cases', filing({ filedOn: '2099-01-01' }));
    expect(future.json().errors[0].field).toBe('body.filedOn');
    const cause = await clerk.post('/api/cases', filing({ causeCode: 'C99.99' }));
    expect(cause.json().errors[0].field).toBe('body.causeCode');
  });

  it('gives 50 concurrent filings 50 consecutive numbers, without gaps or duplicates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        clerk.post(
          '/api/cases',
          filing({ caseTypeCode: '民特', procedureCode: 'civil-special', causeCode: undefined, parties: [person('applicant', '钱七')] }),
        ),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const seqs = responses.map((r) => (parseCaseNumber(r.json().caseNumber) as { seq: number }).seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => seqs[0] + i));
    expect(seqs[0]).toBe(1);
  });

  it('numbers a tribunal case in its basic court sequence, under the basic court code', async () => {
    const first = (
      await clerk.post(
        '/api/cases',
        filing({
          caseTypeCode: '执',
          procedureCode: 'enforcement',
          causeCode: undefined,
          parties: [person('enforcement-applicant', '甲'), person('enforcement-respondent', '乙')],
        }),
      )
    ).json();
    const atTribunal = await clerk.post(
      '/api/cases',
      filing({
        courtId: tribunal0102,
        caseTypeCode: '执',
        procedureCode: 'enforcement',
        causeCode: undefined,
        parties: [person('enforcement-applicant', '丙'), person('enforcement-respondent', '丁')],
      }),
    );
    expect(atTribunal.statusCode, atTribunal.body).toBe(201);
    expect(parseCaseNumber(atTribunal.json().caseNumber)).toMatchObject({
      courtCode: '吉0102',
      seq: (parseCaseNumber(first.caseNumber) as { seq: number }).seq + 1,
    });
  });

  it('refuses a court outside the scope (400) and a user without case.file (403)', async () => {
    const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string }[];
    const sibling = (courts.find((c) => c.code === '吉0103' && c.level === 'basic') as { id: number }).id;
    expect((await clerk.post('/api/cases', filing({ courtId: sibling }))).statusCode).toBe(400);
    expect((await kuancheng.post('/api/cases', filing())).statusCode).toBe(403);
  });
});

describe('reading and scope', () => {
  it('lists with a total and keyset pages that cover every case once', async () => {
    const seen = new Set<number>();
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const page: { items: { id: number }[]; total: number | null; nextCursor: string | null } = (
        await clerk.get(`/api/cases?limit=7${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      // The total comes with the first page; the later pages share it.
      if (cursor) expect(page.total).toBeNull();
      else total = page.total;
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(total);
    expect(total).toBeGreaterThanOrEqual(53);
  });

  it('finds cases by party name (two characters by prefix, three or more anywhere) and by part of the number', async () => {
    expect((await clerk.get(`/api/cases?party=${encodeURIComponent('张三')}`)).json().total).toBeGreaterThanOrEqual(1);
    expect((await clerk.get(`/api/cases?party=${encodeURIComponent('某某商贸')}`)).json().total).toBeGreaterThanOrEqual(1);
    expect((await clerk.get(`/api/cases?caseNumber=${encodeURIComponent('民特1号')}`)).json().total).toBe(1);
    expect((await clerk.get(`/api/cases?party=${encodeURIComponent('不存在的人名')}`)).json().total).toBe(0);
  });

  it('shows identity numbers in full to those who handle cases, masked to mere readers', async () => {
    const filed = (await clerk.post('/api/cases', filing())).json();
    const id = filed.parties[0].idNumber as string;
    expect(id).toMatch(/^\d{17}[\dX]$/);
    const president = await signIn(t.app, 'president');
    const seen = (await president.get(`/api/cases/${filed.id}`)).json().parties[0].idNumber;
    expect(seen).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
  });

  it('refuses a forged cursor with 400', async () => {
    expect((await clerk.get('/api/cases?cursor=not-a-cursor')).statusCode).toBe(400);
  });

  it('hides the cases of another court: list empty, detail 404', async () => {
    const mine = (await clerk.get('/api/cases?limit=1')).json().items[0];
    expect((await kuancheng.get(`/api/cases/${mine.id}`)).statusCode).toBe(404);
    expect((await kuancheng.get('/api/cases')).json().total).toBe(0);
  });
});

describe('assignment, closure and archiving', () => {
  let id: number;
  let version: number;

  it('draws a judge of the civil division, whose team follows; a judge cannot assign', async () => {
    const filed = (await clerk.post('/api/cases', filing())).json();
    id = filed.id;
    expect((await kuancheng.post(`/api/cases/${id}/assign`, { mode: 'auto', version: filed.version })).statusCode).toBe(403);
    const response = await divhead.post(`/api/cases/${id}/assign`, { mode: 'auto', version: filed.version });
    expect(response.statusCode, response.body).toBe(200);
    const assigned = response.json();
    expect(assigned.status).toBe('open');
    expect(assigned.judgeId).not.toBeNull();
    expect(assigned.assistantId).not.toBeNull();
    expect(assigned.clerkId).not.toBeNull();
    expect(assigned.departmentName).toMatch(/民事审判/);
    expect(assigned.assignments).toHaveLength(1);
    expect(assigned.nodes.find((n: { node: string }) => n.node === 'delivery').status).toBe('active');
    version = assigned.version;
  });

  it('a stale version answers 409 and changes nothing', async () => {
    const stale = await divhead.post(`/api/cases/${id}/close`, { method: 'withdrawal', closedOn: '2026-02-01', version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect((await divhead.get(`/api/cases/${id}`)).json().status).toBe('open');
  });

  it('re-assigns manually only with a reason, and records the history', async () => {
    const current = (await divhead.get(`/api/cases/${id}`)).json();
    const noReason = await divhead.post(`/api/cases/${id}/assign`, { mode: 'manual', judgeId: current.judgeId, version: current.version });
    expect(noReason.statusCode).toBe(400);
    const judge = (await (await signIn(t.app, 'judge')).get('/api/auth/me')).json();
    // Move it to another judge of the division than the one drawn.
    const other =
      judge.id !== current.judgeId
        ? judge.id
        : (await (await signIn(t.app, 'divhead')).get('/api/teams?pageSize=50'))
            .json()
            .items.flatMap((tm: { members: { userId: number; position: string }[] }) => tm.members)
            .find((m: { userId: number; position: string }) => m.position === 'judge' && m.userId !== current.judgeId).userId;
    const moved = await divhead.post(`/api/cases/${id}/assign`, {
      mode: 'manual',
      judgeId: other,
      reason: '原承办法官长期病假',
      version: current.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignments.map((a: { method: string }) => a.method)).toEqual(['auto', 'manual']);
    version = moved.json().version;
  });

  it('checks closure data: before filing refused, method fields required; then closes and archives', async () => {
    const early = await divhead.post(`/api/cases/${id}/close`, { method: 'judgment', closedOn: '2026-01-01', version });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.closedOn', 'body.pronouncedOn']),
    );
    const closed = await divhead.post(`/api/cases/${id}/close`, {
      method: 'judgment',
      closedOn: '2026-02-10',
      pronouncedOn: '2026-02-09',
      version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closureMethod: 'judgment', closedOn: '2026-02-10' });
    const again = await divhead.post(`/api/cases/${id}/close`, {
      method: 'judgment',
      closedOn: '2026-02-10',
      pronouncedOn: '2026-02-09',
      version: closed.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const archived = await divhead.post(`/api/cases/${id}/archive`, { archivedOn: '2026-03-01', version: closed.json().version });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json().nodes.every((n: { status: string }) => n.status === 'done')).toBe(true);
  });

  it('keeps a trace: every step is in the case history', async () => {
    const history = (await admin.get(`/api/audit?entityType=case&entityId=${id}`)).json();
    // The work orders the centre starts on assignment and on closure are part of the case's story.
    expect(history.items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'file',
      'start-work-orders',
      'assign',
      'reassign',
      'start-work-orders',
      'close',
      'archive',
    ]);
  });
});

describe('reference data', () => {
  it('serves case types with procedures and limits, and the cause catalogue as a tree', async () => {
    const types = (await clerk.get('/api/case-types')).json().items;
    expect(types.find((t: { code: string }) => t.code === '民初').procedures.map((p: { code: string }) => p.code)).toEqual([
      'civil-first-ordinary',
      'civil-first-simple',
      'civil-small-claims',
    ]);
    const roots = (await clerk.get('/api/causes?category=civil')).json();
    expect(roots.total).toBe(11);
    expect((await clerk.get(`/api/causes?q=${encodeURIComponent('民间借贷')}`)).json().items[0].nameZh).toBe('民间借贷纠纷');
  });
});

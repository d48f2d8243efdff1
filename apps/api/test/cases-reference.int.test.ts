import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let judge: Client;
let clerk: Client;

beforeAll(async () => {
  t = await createTestApp();
  [admin, judge, clerk] = await Promise.all([signIn(t.app, 'admin', ADMIN_PASSWORD), signIn(t.app, 'judge'), signIn(t.app, 'clerk')]);
});
afterAll(() => t.close());

const procedure = async (code: string) =>
  (await admin.get('/api/case-types'))
    .json()
    .items.flatMap((type: { procedures: { code: string }[] }) => type.procedures)
    .find((p: { code: string }) => p.code === code);

describe('trial limits are data an administrator edits', () => {
  it('changes a limit with the right version; new filings use it; a stale version is refused', async () => {
    const before = await procedure('civil-small-claims');
    expect(before).toMatchObject({ limitMonths: 2, limitDays: null });
    const edited = await admin.patch('/api/procedures/civil-small-claims', { limitDays: 45, version: before.version });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ limitMonths: null, limitDays: 45, version: before.version + 1 });
    expect((await admin.patch('/api/procedures/civil-small-claims', { limitDays: 50, version: before.version })).statusCode).toBe(409);

    const courts = (await clerk.get('/api/courts')).json().items as { id: number; code: string; level: string }[];
    const court = courts.find((c) => c.level === 'basic') as { id: number };
    const filed = await clerk.post('/api/cases', {
      courtId: court.id,
      caseTypeCode: '民初',
      procedureCode: 'civil-small-claims',
      filedOn: '2026-03-01',
      parties: [
        { kind: 'person', role: 'plaintiff', name: '甲某' },
        { kind: 'person', role: 'defendant', name: '乙某' },
      ],
    });
    expect(filed.json().deadlineOn).toBe('2026-04-15');
    const history = (await admin.get('/api/audit?entityType=procedure&entityId=civil-small-claims')).json();
    expect(history.items[0].changes).toMatchObject({ limitDays: { before: null, after: 45 }, limitMonths: { before: 2, after: null } });
  });

  it('refuses months and days together, and anyone without reference.manage', async () => {
    const current = await procedure('civil-special');
    const both = await admin.patch('/api/procedures/civil-special', { limitMonths: 1, limitDays: 30, version: current.version });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0]).toMatchObject({ field: 'body.limitDays', code: 'one_length' });
    expect((await judge.patch('/api/procedures/civil-special', { limitDays: 20, version: current.version })).statusCode).toBe(403);
    expect((await admin.patch('/api/procedures/no-such-procedure', { limitDays: 20, version: 1 })).statusCode).toBe(404);
  });
});

describe('node time limits', () => {
  it('lists the defaults and sets one; the filing node has none', async () => {
    const limits = (await judge.get('/api/node-limits?caseTypeCode=民初')).json().items;
    expect(limits.find((l: { node: string }) => l.node === 'delivery').days).toBe(15);
    const set = await admin.put('/api/node-limits/民初/delivery', { days: 20 });
    expect(set.statusCode, set.body).toBe(200);
    expect(
      (await judge.get('/api/node-limits?caseTypeCode=民初')).json().items.find((l: { node: string }) => l.node === 'delivery').days,
    ).toBe(20);
    expect((await admin.put('/api/node-limits/民初/filing', { days: 2 })).statusCode).toBe(400);
    expect((await admin.put('/api/node-limits/民初/delivery', { days: 0 })).statusCode).toBe(400);
    expect((await judge.put('/api/node-limits/民初/delivery', { days: 5 })).statusCode).toBe(403);
  });
});

describe('the cause catalogue', () => {
  it('adds a cause under a parent, edits and deactivates it, and keeps codes unique', async () => {
    const created = await admin.post('/api/causes', {
      code: 'C04.10.103.99',
      parentCode: 'C04.10.103',
      category: 'civil',
      nameZh: '网络借贷平台纠纷',
      nameEn: 'Online lending platform dispute',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ level: 4, active: true });
    expect(
      (
        await admin.post('/api/causes', {
          code: 'C04.10.103.99',
          parentCode: 'C04.10.103',
          category: 'civil',
          nameZh: '重复',
          nameEn: 'Dup',
        })
      ).statusCode,
    ).toBe(409);
    const wrongPrefix = await admin.post('/api/causes', {
      code: 'C05.99',
      parentCode: 'C04.10.103',
      category: 'civil',
      nameZh: '错位',
      nameEn: 'Misplaced',
    });
    expect(wrongPrefix.json().errors[0].field).toBe('body.code');
    const otherCategory = await admin.post('/api/causes', {
      code: 'C04.10.103.98',
      parentCode: 'C04.10.103',
      category: 'criminal',
      nameZh: '错类',
      nameEn: 'Wrong category',
    });
    expect(otherCategory.json().errors[0].field).toBe('body.parentCode');
    const off = await admin.patch('/api/causes/C04.10.103.99', { active: false, version: created.json().version });
    expect(off.json().active).toBe(false);
    const search = (await judge.get(`/api/causes?q=${encodeURIComponent('网络借贷平台')}`)).json();
    expect(search.total).toBe(0);
    expect(
      (
        await judge.post('/api/causes', {
          code: 'C04.10.103.97',
          parentCode: 'C04.10.103',
          category: 'civil',
          nameZh: '无权',
          nameEn: 'No right',
        })
      ).statusCode,
    ).toBe(403);
  });
});

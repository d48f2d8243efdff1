import { parseCaseNumber } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db.js';
import { seedDemo } from '../src/seed/index.js';
import { ADMIN_PASSWORD, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { cases: 600, seed: 7 });
});
afterAll(() => t.close());

const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.database.db, query))[0].n;

describe('the case generator (courtassist seed --cases N)', () => {
  it('adds N cases to a province loaded earlier, with unique well-formed numbers and their parties and nodes', async () => {
    expect(await count(sql`SELECT count(*)::int AS n FROM cases`)).toBe(600);
    expect(await count(sql`SELECT count(DISTINCT case_number)::int AS n FROM cases`)).toBe(600);
    const numbers = await rows<{ case_number: string }>(t.database.db, sql`SELECT case_number FROM cases`);
    for (const { case_number } of numbers) expect(parseCaseNumber(case_number).ok, case_number).toBe(true);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM cases k WHERE NOT EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = k.id)`),
    ).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM case_nodes`)).toBe(600 * 9);
  });

  it('generates cases at every stage, each open case with a judge and its team, each closed one after its filing', async () => {
    const stages = await rows<{ status: string }>(t.database.db, sql`SELECT DISTINCT status FROM cases`);
    expect(stages.map((s) => s.status)).toEqual(expect.arrayContaining(['open', 'closed', 'archived']));
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE status = 'open' AND (judge_id IS NULL OR clerk_id IS NULL)`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM cases WHERE closed_on < filed_on`)).toBe(0);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM case_nodes n JOIN cases k ON k.id = n.case_id WHERE n.status = 'active' AND n.node <> k.current_node`,
      ),
    ).toBe(0);
  });

  it('numbers continue without a gap: the next filing gets the following number', async () => {
    const [last] = await rows<{ last: number }>(
      t.database.db,
      sql`SELECT s.last_seq AS last FROM case_sequences s JOIN courts c ON c.id = s.court_id WHERE c.code = '吉0102' AND c.level = 'basic' AND s.case_type_code = '民初' AND s.year = 2026`,
    );
    const [max] = await rows<{ max: number }>(
      t.database.db,
      sql`SELECT max(seq)::int AS max FROM cases k JOIN courts c ON c.id = k.court_id WHERE c.code = '吉0102' AND k.case_type_code = '民初' AND k.year = 2026`,
    );
    expect(last.last).toBe(max.max);
    const clerk = await signIn(t.app, 'clerk');
    const courts = (await clerk.get('/api/courts')).json().items as { id: number; code: string; level: string }[];
    const court = courts.find((c) => c.code === '吉0102' && c.level === 'basic') as { id: number };
    const filed = await clerk.post('/api/cases', {
      courtId: court.id,
      caseTypeCode: '民初',
      procedureCode: 'civil-first-ordinary',
      filedOn: '2026-11-20',
      parties: [
        { kind: 'person', role: 'plaintiff', name: '周八' },
        { kind: 'person', role: 'defendant', name: '吴九' },
      ],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(parseCaseNumber(filed.json().caseNumber)).toMatchObject({ seq: last.last + 1 });
  });

  it('is deterministic: the same seed gives the same cases', async () => {
    const other = await createTestApp();
    try {
      await seedDemo(other.database.db, { cases: 50, seed: 99 });
      const again = await createTestApp();
      try {
        await seedDemo(again.database.db, { cases: 50, seed: 99 });
        const list = (db: typeof other.database.db) =>
          rows(db, sql`SELECT case_number, filed_on::text, cause_code, judge_id, status FROM cases ORDER BY id`);
        expect(await list(again.database.db)).toEqual(await list(other.database.db));
      } finally {
        await again.close();
      }
    } finally {
      await other.close();
    }
  });
});

describe('"my cases" (judge, assistant or clerk of the case)', () => {
  /** Every page of a list through the keyset cursor, and the total of its first page. */
  async function walk(client: Awaited<ReturnType<typeof signIn>>, query: string) {
    const ids: number[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const response = await client.get(`/api/cases?${query}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page: { items: { id: number }[]; total: number | null; nextCursor: string | null } = response.json();
      if (!cursor) total = page.total;
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return { ids, total };
  }

  it.each([
    ['judge', 'sort=deadlineOn&order=asc', sql`true`, sql`k.deadline_on ASC NULLS LAST, k.id ASC`],
    ['clerk', 'sort=deadlineOn&order=desc', sql`true`, sql`k.deadline_on DESC NULLS LAST, k.id DESC`],
    ['assistant', 'status=archived&sort=filedOn&order=desc', sql`k.status = 'archived'`, sql`k.filed_on DESC, k.id DESC`],
  ])('as the %s: every case they hold a role in, once, in order, with the right total (%s)', async (username, query, condition, order) => {
    const client = await signIn(t.app, username);
    const { ids, total } = await walk(client, `mine=true&${query}`);
    const expected = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT k.id FROM cases k WHERE (k.judge_id = ${client.userId} OR k.assistant_id = ${client.userId} OR k.clerk_id = ${client.userId})
          AND ${condition} ORDER BY ${order}`,
    );
    expect(expected.length).toBeGreaterThan(7);
    expect(ids).toEqual(expected.map((r) => r.id));
    expect(total).toBe(expected.length);
  });
});

describe('XLSX export of a case list', () => {
  it('runs in the background with progress, then serves a workbook with every case of the list, to its owner only', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const expected = (await admin.get('/api/cases?status=open&limit=1')).json().total;
    const started = await admin.post('/api/cases/exports', { status: 'open', lang: 'zh-CN' });
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json();
    let status = started.json();
    for (let i = 0; i < 100 && status.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await admin.get(`/api/case-exports/${id}`)).json();
    }
    expect(status).toMatchObject({ status: 'done', total: expected, done: expected });
    const file = await admin.get(`/api/case-exports/${id}/file`);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('案号');
    expect(String(sheet.getRow(2).getCell(1).value)).toMatch(/^（20\d\d）吉/);
    // Someone else's export does not exist for them; a clerk may not export at all.
    const president = await signIn(t.app, 'president');
    expect((await president.get(`/api/case-exports/${id}`)).statusCode).toBe(404);
    expect((await president.get(`/api/case-exports/${id}/file`)).statusCode).toBe(404);
    const clerk = await signIn(t.app, 'clerk');
    expect((await clerk.post('/api/cases/exports', { status: 'open' })).statusCode).toBe(403);
  });
});

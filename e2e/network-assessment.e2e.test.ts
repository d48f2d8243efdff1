/**
 * The network's monthly assessment and subsidies: the administrator of 吉0102 runs last month's
 * assessment, sees grades, ranks and the explanation, publishes the month; the statement of the
 * busiest assistant is submitted, and the president (court finance) approves it; the statements
 * export to XLSX; the network dashboard shows its charts. The same pages in English.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../apps/api/src/platform/db.js';
import { confirmPopover, type E2E, newPage, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
let busiest: { id: number; name: string };

/** Last month, as the pages choose it by default. */
const month = (() => {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
})();
const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.app.database.db;
  // Last month's confirmed tasks of three assistants of 吉0102 (the recorded work the month is assessed on).
  const people = await rows<{ id: number; name: string; courtId: number }>(
    db,
    sql`SELECT a.id, a.name, a.court_id AS "courtId" FROM network_assistants a JOIN courts c ON c.id = a.court_id
        WHERE c.code = '吉0102' AND c.level = 'basic' AND a.status = 'active' AND a.start_on < ${day(1)}
          AND EXISTS (SELECT 1 FROM network_assistant_stations x WHERE x.assistant_id = a.id)
        ORDER BY a.id LIMIT 3`,
  );
  expect(people).toHaveLength(3);
  const [judge] = await rows<{ id: number }>(db, sql`SELECT id FROM users WHERE username = 'judge'`);
  const plan: [number, string, 'success' | 'failure', number][] = [
    ...Array.from(
      { length: 10 },
      (_, i) => [0, 'delivery', i < 9 ? 'success' : 'failure', i + 2] as [number, string, 'success' | 'failure', number],
    ),
    [0, 'mediation', 'success', 14],
    [1, 'delivery', 'success', 5],
    [1, 'delivery', 'failure', 6],
    [1, 'delivery', 'failure', 7],
    [2, 'investigation', 'success', 8],
  ];
  for (const [who, kind, outcome, d] of plan) {
    const p = people[who];
    await db.execute(sql`
      INSERT INTO network_tasks (court_id, kind, status, assistant_id, title, due_on, outcome, rating, assigned_by, assigned_by_name,
                                 reported_at, confirmed_at, confirmed_on, created_at)
      VALUES (${p.courtId}, ${kind}, 'confirmed', ${p.id}, '协助任务', ${day(d)}, ${outcome}, ${who === 0 ? 5 : 3}, ${judge.id}, '王法官',
              ${`${day(d)}T09:00:00+08:00`}, ${`${day(d)}T11:00:00+08:00`}, ${day(d)}, ${`${day(1)}T08:00:00+08:00`})`);
  }
  busiest = people[0];
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

describe('network assessment and subsidies', () => {
  it('runs the month, publishes it, approves a statement, exports XLSX and shows the dashboard (zh-CN)', async () => {
    const page = await newPage(e2e, 'zh-CN');
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByRole('menuitem', { name: '月度考核' }).click();
    await page.getByTestId('network-assessment-page').waitFor();
    await expect.poll(() => page.getByTestId('assessment-runs').textContent(), { timeout: 15_000 }).toContain('本月尚未计算考核');

    await page.getByTestId('assessment-run').click();
    const runs = page.getByTestId('assessment-runs');
    await expect.poll(() => runs.textContent(), { timeout: 20_000 }).toContain('草稿');
    const results = page.getByTestId('assessment-results');
    await expect.poll(() => results.textContent(), { timeout: 15_000 }).toContain(busiest.name);
    const row = results.locator('tr', { hasText: busiest.name });
    await expect.poll(() => row.textContent()).toMatch(/第 1 \/ \d+ 名/);
    await expect.poll(() => row.locator('[data-testid^="grade-"]').count()).toBe(1);
    await shot(page, 'network-assessment-results-zh');

    // The explanation of the busiest assistant's score.
    await row.click();
    const drawer = page.locator('.ant-drawer-content-wrapper:visible');
    await expect.poll(() => drawer.textContent(), { timeout: 10_000 }).toContain('送达成功率');
    await expect.poll(() => drawer.textContent()).toContain('总分');
    await page.waitForTimeout(600); // the drawer's slide-in
    await shot(page, 'network-assessment-detail-zh');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count(), { timeout: 10_000 }).toBe(0);

    // Publish 吉0102's month: it moves into the objection period.
    const courtRow = runs.locator('tr', { hasText: '南关区人民法院' }).first();
    await courtRow.getByRole('button', { name: /公示/ }).click();
    await confirmPopover(page);
    await expect.poll(() => courtRow.textContent(), { timeout: 15_000 }).toContain('已公示');

    // The rules tab: an editor of tables, not JSON.
    await page.getByRole('tab', { name: '考核与补贴规则' }).click();
    await page.getByTestId('rules-form').waitFor();
    await shot(page, 'network-assessment-rules-zh');

    // Subsidies: submit the busiest assistant's statement.
    await page.getByRole('menuitem', { name: '补贴结算' }).click();
    await page.getByTestId('network-subsidies-page').waitFor();
    const table = page.getByTestId('subsidies-table');
    await expect.poll(() => table.textContent(), { timeout: 15_000 }).toContain(busiest.name);
    await table.locator('tr', { hasText: busiest.name }).click();
    await page.getByTestId('statement-submit').click();
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').textContent(), { timeout: 10_000 }).toContain('待审批');
    await page.getByTestId('statement-check').click();
    await expect.poll(() => page.getByTestId('statement-check-result').textContent(), { timeout: 10_000 }).toContain('复核一致');
    await page.waitForTimeout(600);
    await shot(page, 'network-subsidy-statement-zh');
    await page.keyboard.press('Escape');

    // The export: a real XLSX with Chinese headers and amounts in 元.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('subsidies-export').click()]);
    expect(download.suggestedFilename()).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('补贴结算汇总')!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toContain('应发补贴（元）');
    let found = false;
    sheet.eachRow((r) => {
      if (r.getCell(2).value === busiest.name) {
        found = true;
        expect(String(r.getCell(11).value)).toMatch(/^\d+\.\d{2}$/);
      }
    });
    expect(found).toBe(true);

    // The president, as court finance, approves it.
    const finance = await newPage(e2e, 'zh-CN');
    await signInThroughForm(finance, 'president', 'Demo@2026');
    await finance.getByRole('menuitem', { name: '补贴结算' }).click();
    const list = finance.getByTestId('subsidies-table');
    await expect.poll(() => list.textContent(), { timeout: 15_000 }).toContain(busiest.name);
    await list.locator('tr', { hasText: busiest.name }).click();
    await finance.getByTestId('statement-approve').click();
    await expect.poll(() => finance.locator('.ant-drawer-content-wrapper:visible').textContent(), { timeout: 10_000 }).toContain('已审批');
    await shot(finance, 'network-subsidy-approved-zh');
    await finance.keyboard.press('Escape');
    await expect.poll(() => list.locator('tr', { hasText: busiest.name }).textContent(), { timeout: 10_000 }).toContain('已审批');
    await shot(finance, 'network-subsidies-zh');

    // The dashboard: charts drawn, the approved subsidy counted.
    await page.getByRole('menuitem', { name: '网络看板' }).click();
    await page.getByTestId('network-dashboard-page').waitFor();
    await page.getByTestId('dashboard-tasks').waitFor();
    await page.getByTestId('dashboard-delivery').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('dashboard-active').textContent(), { timeout: 15_000 }).toMatch(/\d/);
    await page.waitForTimeout(800);
    await shot(page, 'network-dashboard-zh');

    // The assistant's profile shows the month's assessment and statement.
    await page.goto(`/network/assistants/${busiest.id}`);
    await expect.poll(() => page.getByTestId('assistant-assessments').textContent(), { timeout: 15_000 }).toContain(month);
    await expect.poll(() => page.getByTestId('assistant-subsidies').textContent(), { timeout: 15_000 }).toContain('已审批');
    await shot(page, 'network-assistant-profile-assessment-zh');
  });

  it('the same pages in English', async () => {
    const page = await newPage(e2e, 'en');
    await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByRole('menuitem', { name: 'Monthly assessment' }).click();
    const results = page.getByTestId('assessment-results');
    await expect.poll(() => results.textContent(), { timeout: 15_000 }).toContain(busiest.name);
    await expect.poll(() => page.getByTestId('assessment-runs').textContent()).toContain('Published');
    await shot(page, 'network-assessment-results-en');
    await page.getByRole('menuitem', { name: 'Subsidies' }).click();
    await expect.poll(() => page.getByTestId('subsidies-table').textContent(), { timeout: 15_000 }).toContain('Approved');
    await shot(page, 'network-subsidies-en');
    await page.getByRole('menuitem', { name: 'Network dashboard' }).click();
    await page.getByTestId('dashboard-delivery').locator('canvas').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'network-dashboard-en');
  });
});

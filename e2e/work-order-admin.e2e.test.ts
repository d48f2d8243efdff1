/**
 * The centre's administration and a leader's tools: the court administrator keeps the order types
 * (a new type created in the drawer after its field checks, a stale edit refused clearly and
 * reloaded) and switches an automatic-start rule; a centre member exports 我的工单 to Excel,
 * watching the progress, and downloads the workbook; the team leader returns orders from the
 * pool in bulk, with a reason, and sees what became of each (one refused with 409).
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiSessionOf,
  assignCaseTo,
  chinaToday,
  type E2E,
  fileCivilCase,
  newPage,
  pickOption,
  shot,
  signInThroughForm,
  startE2E,
} from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await pickOption(page, option);
}

interface Order {
  id: number;
  typeCode: string;
  version: number;
  caseNumber: string;
}

let clerk: ApiClient;
let courtId = 0;
let leaderUsername = '';
let intakeTypeId = 0;

/** A case assigned to the judge, which starts its orders, and one 材料收转 order initiated by the clerk. */
async function caseWithIntakeOrder(): Promise<Order> {
  const [divhead, judge] = await Promise.all([apiSession('divhead'), apiSession('judge')]);
  const filed = await fileCivilCase(
    clerk,
    courtId,
    [
      { kind: 'person', role: 'plaintiff', name: '陈立' },
      { kind: 'person', role: 'defendant', name: '赵海' },
    ],
    { summary: '买卖合同纠纷' },
  );
  const k = await assignCaseTo<{ id: number }>(divhead, filed, judge.userId);
  return clerk.post<Order>('/api/work-orders', { caseId: k.id, typeId: intakeTypeId, note: '请接收补充证据材料' });
}

beforeAll(async () => {
  e2e = await startE2E();
  clerk = await apiSession('clerk');
  courtId = (await clerk.get<{ court: { id: number } }>('/api/auth/me')).court.id;
  const types = await clerk.get<{ items: { id: number; code: string }[] }>(`/api/work-order-types?courtId=${courtId}`);
  intakeTypeId = types.items.find((x) => x.code === 'material-intake')?.id as number;
  const centre = await apiSession('centre');
  const teams = await centre.get<{ items: { members: { userId: number }[] }[] }>('/api/centre-teams');
  const team = teams.items.find((x) => x.members.some((m) => m.userId === centre.userId));
  const leader = team?.members.reduce((a, b) => (b.userId > a.userId ? b : a));
  if (!leader) throw new Error('no centre team');
  leaderUsername = (await centre.get<{ username: string }>(`/api/users/${leader.userId}`)).username;
});
afterAll(() => e2e?.close());

describe('order types and automatic-start rules', () => {
  it('creates a type in the drawer after its field checks, refuses a stale edit clearly, and switches a rule', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    const nav = page.getByRole('navigation');
    const link = nav.getByRole('link', { name: '工单类型', exact: true });
    if (!(await link.isVisible())) await nav.getByText('集约中心', { exact: true }).click();
    await link.click();
    await page.getByTestId('page-order-types').waitFor();
    const table = page.getByTestId('types-table');
    await table.getByText('材料收转').waitFor();
    expect(await table.getByText('5 个工作日').count()).toBeGreaterThan(0);
    await shot(page, 'work-order-types');

    // A new type: the checks show on the fields before anything is sent.
    await page.getByTestId('type-add').click();
    const drawer = page.getByTestId('type-drawer');
    await drawer.waitFor();
    await page.getByTestId('type-code').fill('Translation!');
    await page.getByTestId('type-save').click();
    await drawer.getByText('须为小写字母开头的字母、数字或连字符（2–40 位）').waitFor();
    expect(await drawer.getByText('必填').count()).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(300);
    await shot(page, 'work-order-type-invalid');
    await page.getByTestId('type-code').fill('translation');
    await page.getByTestId('type-name-zh').fill('翻译');
    await page.getByTestId('type-name-en').fill('Translation');
    await drawer.getByText('小时', { exact: true }).click();
    await page.getByTestId('type-limit').fill('24');
    await page.getByTestId('add-result-field').click();
    const field = drawer.getByTestId('result-field');
    await field.locator('input').nth(0).fill('translatedPages');
    await field.locator('input').nth(1).fill('译文页数');
    await field.locator('input').nth(2).fill('Pages translated');
    await page.getByTestId('type-save').click();
    await page.getByText('已新增').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    const row = table.locator('tr').filter({ hasText: 'translation' });
    await row.getByText('24 小时').waitFor();
    await row.getByText('译文页数').waitFor();

    // Someone else saves the type while the drawer is open: the save is refused and the latest is shown.
    await page.getByTestId('type-edit-translation').click();
    await drawer.waitFor();
    const stored = (await clerk.get<{ items: { id: number; code: string }[] }>(`/api/work-order-types?courtId=${courtId}`)).items.find(
      (x) => x.code === 'translation',
    ) as { id: number } & Record<string, unknown>;
    const { id, courtId: _c, courtName: _n, code: _k, teamName: _t, ...rest } = stored;
    await (await apiSession('courtadmin')).put(`/api/work-order-types/${id}`, { ...rest, limitHours: 48 });
    await page.getByTestId('type-name-zh').fill('翻译（笔译）');
    await page.getByTestId('type-save').click();
    await page.getByTestId('type-conflict').waitFor();
    await expect.poll(() => page.getByTestId('type-limit').inputValue()).toBe('48');
    await page.waitForTimeout(300);
    await shot(page, 'work-order-type-conflict');
    await page.getByTestId('type-name-zh').fill('翻译（笔译）');
    await page.getByTestId('type-save').click();
    await page.getByText('已保存').first().waitFor();
    await table.getByText('翻译（笔译）').waitFor();

    // The rules: 民初 cases stop starting 排期 orders on assignment.
    const rules = page.getByTestId('rules-card');
    await choose(page, 'rules-case-type', '民初 · 民事一审');
    const toggle = page.getByTestId('rule-active-民初-assigned-scheduling');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    await rules.scrollIntoViewIfNeeded();
    await shot(page, 'work-order-rules');
    const after = await clerk.get<{ items: { caseTypeCode: string; trigger: string; typeCode: string; active: boolean }[] }>(
      `/api/work-order-rules?courtId=${courtId}`,
    );
    const scheduling = after.items.find((r) => r.caseTypeCode === '民初' && r.trigger === 'assigned' && r.typeCode === 'scheduling');
    expect(scheduling?.active).toBe(false);
    // Back on, for the other journeys.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await page.context().close();
  });
});

describe('export to Excel', () => {
  it('exports 我的工单 with its progress and downloads the workbook', async () => {
    const centre = await apiSession('centre');
    const order = await caseWithIntakeOrder();
    await centre.post(`/api/work-orders/${order.id}/claim`);
    const page = await newPage(e2e);
    await signInThroughForm(page, 'centre', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/work-orders?tab=todo');
    await page.getByTestId('page-my-orders').waitFor();
    await page.getByTestId('my-orders-table').locator(`tr[data-order-id="${order.id}"]`).waitFor();
    await page.getByTestId('order-export').click();
    const download = page.getByTestId('order-export-download');
    await download.waitFor();
    const total = (await centre.get<{ total: number }>('/api/work-orders?view=mine&tab=todo&limit=1')).total;
    expect(await page.getByTestId('order-export-count').textContent()).toBe(`已写入 ${total} / ${total} 行`);
    expect(await download.textContent()).toContain(`事务工单-${chinaToday()}.xlsx`);
    await shot(page, 'work-orders-export');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe(`事务工单-${chinaToday()}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('案号');
    expect(sheet.rowCount).toBe(total + 1);
    const ids = sheet.getColumn(1).values.slice(2);
    expect(ids).toContain(order.id);
    await page.context().close();
  });
});

describe('bulk return from the pool', () => {
  it('lets the team leader return chosen pool orders with a reason and shows each result', async () => {
    const a = await caseWithIntakeOrder();
    const b = await caseWithIntakeOrder();
    const page = await newPage(e2e);
    await signInThroughForm(page, leaderUsername, 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/work-orders/pool');
    await page.getByTestId('page-order-pool').waitFor();
    const table = page.getByTestId('pool-table');
    for (const o of [a, b]) {
      const row = table.locator(`tr[data-order-id="${o.id}"]`);
      await row.waitFor();
      await row.locator('input[type="checkbox"]').check();
    }
    expect(await page.getByTestId('pool-selected').textContent()).toBe('已选 2 件');
    // Meanwhile the clerk withdraws one of them: its return is refused, the other goes through.
    await clerk.post(`/api/work-orders/${b.id}/withdraw`, { version: b.version, reason: '当事人已撤诉' });
    await page.getByTestId('pool-return').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('材料不全，请补充后重新发起');
    await page.getByTestId('return-many-submit').click();
    const results = page.getByTestId('bulk-results');
    await results.waitFor();
    await page.getByText('处理结果：成功 1 件，失败 1 件').waitFor();
    expect(await results.locator('[data-ok="true"]').textContent()).toContain(`#${a.id}`);
    expect(await results.locator('[data-ok="false"]').textContent()).toContain(`#${b.id}`);
    await page.waitForTimeout(300);
    await shot(page, 'work-orders-bulk-return');
    const returned = await clerk.get<{ status: string; returnReason: string }>(`/api/work-orders/${a.id}`);
    expect(returned).toMatchObject({ status: 'returned', returnReason: '材料不全，请补充后重新发起' });
    await page.context().close();
  });
});

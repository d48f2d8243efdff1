/**
 * A centre member's day (集约中心): a case assigned to a judge starts its work orders; the centre
 * member claims a 送达 order from the pool (a claim lost to a colleague is refused and the pool
 * refreshes), starts it, records the result — refused on the field while a required result is
 * missing — and feeds it back; the clerk (the initiator) sees the feedback, completes it, and the
 * trace shows every step. The clerk initiates another order from the case page, and the team
 * leader dispatches two orders at once, then looks at the board and the statistics.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSessionOf,
  assignCaseTo,
  chinaToday,
  type E2E,
  fileCivilCase,
  newPage,
  openMenu,
  pickOption,
  shot,
  signInThroughForm,
  startE2E,
} from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

interface Order {
  id: number;
  typeCode: string;
  partyName: string | null;
  status: string;
  initiatorName: string | null;
  assigneeId: number | null;
  version: number;
}

/** Picks an option of the antd select opened by clicking `testId`. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await pickOption(page, option);
}

let kase: { id: number; caseNumber: string };
let orders: Order[];
let leaderName = '';
let leaderUsername = '';
let centreName = '';
let centreId = 0;

beforeAll(async () => {
  e2e = await startE2E();
  const [clerk, divhead, judge, centre] = await Promise.all([
    apiSession('clerk'),
    apiSession('divhead'),
    apiSession('judge'),
    apiSession('centre'),
  ]);
  const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  const filed = await fileCivilCase(clerk, me.court.id, [
    { kind: 'person', role: 'plaintiff', name: '周明' },
    { kind: 'person', role: 'defendant', name: '吴刚' },
    { kind: 'organisation', role: 'defendant', name: '长春某某商贸有限公司', legalRepresentative: '李四' },
  ]);
  // Assignment starts the case's orders: 送达 per defendant, 排期, 电子卷宗编目 (auto-dispatched).
  kase = await assignCaseTo(divhead, filed, judge.userId);
  orders = (await clerk.get<{ items: Order[] }>(`/api/work-orders?view=all&caseId=${kase.id}`)).items;
  expect(orders.filter((o) => o.typeCode === 'delivery')).toHaveLength(2);
  // The team leader: the last member of the centre member's team (集约事务组), who holds order.dispatch.
  const teams = await centre.get<{ items: { members: { userId: number; name: string }[] }[] }>('/api/centre-teams');
  const team = teams.items.find((x) => x.members.some((m) => m.userId === centre.userId));
  const leader = team?.members.reduce((a, b) => (b.userId > a.userId ? b : a));
  if (!leader) throw new Error('no centre team');
  leaderName = leader.name;
  leaderUsername = (await centre.get<{ username: string }>(`/api/users/${leader.userId}`)).username;
  centreName = (await centre.get<{ displayName: string }>('/api/auth/me')).displayName;
  centreId = centre.userId;
});
afterAll(() => e2e?.close());

describe('a centre member’s day', () => {
  it('claims a 送达 order from the pool; a claim lost to a colleague is refused and the pool refreshes', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'centre', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.getByTestId('my-orders-card').waitFor();
    await expect.poll(() => page.getByTestId('my-orders-pool').textContent()).toContain('3');
    await openMenu(page, '集约中心', '工单池');
    await page.getByTestId('page-order-pool').waitFor();
    const table = page.getByTestId('pool-table');
    await expect.poll(() => page.getByTestId('pool-total').textContent()).toBe('共 3 件，已显示 3 件');
    await shot(page, 'work-orders-pool');

    // A colleague takes the 排期 order first: the click is refused with the reason, and the row goes.
    const scheduling = orders.find((o) => o.typeCode === 'scheduling') as Order;
    const schedulingRow = table.locator(`tr[data-order-id="${scheduling.id}"]`);
    await schedulingRow.waitFor();
    await (await apiSession(leaderUsername)).post(`/api/work-orders/${scheduling.id}/claim`);
    await schedulingRow.getByTestId('order-claim').click();
    await page.getByText('该工单已被他人认领，列表已刷新').waitFor();
    await schedulingRow.waitFor({ state: 'detached' });
    await shot(page, 'work-orders-pool-claim-lost');

    // The 送达 order for 吴刚.
    const delivery = orders.find((o) => o.typeCode === 'delivery' && o.partyName === '吴刚') as Order;
    const row = table.locator(`tr[data-order-id="${delivery.id}"]`);
    expect(await row.getByTestId('order-type').textContent()).toBe('送达');
    await row.getByTestId('order-claim').click();
    await page.getByText('已认领，可在“我的工单 · 待办”中办理').waitFor();
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('pool-total').textContent()).toBe('共 1 件，已显示 1 件');

    // 我的工单 · 待办 holds it; the keyboard opens it (Tab to the row, Enter).
    await openMenu(page, '集约中心', '我的工单');
    await page.getByTestId('page-my-orders').waitFor();
    const mine = page.getByTestId('my-orders-table').locator(`tr[data-order-id="${delivery.id}"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('order-status').textContent()).toBe('已受理');
    expect(await mine.getByTestId('order-due').getAttribute('data-overdue')).toBe('false');
    expect(await mine.getByTestId('order-due').textContent()).toMatch(/剩余 \d+ 天/);
    await shot(page, 'work-orders-mine-todo');
    await mine.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === `/work-orders/${delivery.id}`);
    await page.getByTestId('page-order-detail').waitFor();
    expect(await page.getByTestId('order-assignee').textContent()).toBe(centreName);

    // Start: the order moves to 在办.
    await page.getByTestId('order-start').click();
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('办理中');
    await page.getByTestId('result-form').waitFor();
    await page.goBack();
    await page.getByTestId('orders-tab-doing').click();
    await page.getByTestId('my-orders-table').locator(`tr[data-order-id="${delivery.id}"]`).waitFor();
    await shot(page, 'work-orders-mine-doing');
    await page.context().close();
  });

  it('records the result: a missing required result is refused on its field; then it is fed back', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'centre', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    const delivery = orders.find((o) => o.typeCode === 'delivery' && o.partyName === '吴刚') as Order;
    await page.goto(`/work-orders/${delivery.id}`);
    const form = page.getByTestId('result-form');
    await form.waitFor();
    // Every result field is marked required.
    expect(await form.locator('.ant-form-item-required').count()).toBe(3);

    await choose(page, 'result-method', '邮寄送达');
    const servedOn = page.getByTestId('result-servedOn');
    await servedOn.click();
    await servedOn.fill(chinaToday());
    await servedOn.press('Tab');
    await page.getByTestId('checklist-summons').check();
    await page.getByTestId('checklist-complaintCopy').check();
    await page.getByTestId('result-submit').click();
    const outcome = form.locator('.ant-form-item').filter({ has: page.getByTestId('result-outcome') });
    await outcome.getByText('请填写该项办理结果').waitFor();
    await page.waitForTimeout(300); // the message's entry animation
    await shot(page, 'work-orders-result-refused');

    await choose(page, 'result-outcome', '成功');
    await page.getByTestId('result-note').fill('EMS 1234567890 已签收');
    await page.getByTestId('result-submit').click();
    await page.getByText('已反馈办理结果').waitFor();
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('已反馈');
    expect(await page.getByTestId('result-value-outcome').textContent()).toBe('成功');
    expect(await page.getByTestId('result-value-servedOn').textContent()).toBe(chinaToday());
    // The handler cannot confirm completion: that is the initiator's.
    expect(await page.getByTestId('order-complete').count()).toBe(0);
    await shot(page, 'work-orders-fed-back');
    await page.context().close();
  });

  it('the clerk sees the feedback, completes it, and the trace shows every step', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await openMenu(page, '集约中心', '我的工单');
    await page.getByTestId('page-my-orders').waitFor();
    // A clerk only initiates: the page opens on 我发起的.
    const delivery = orders.find((o) => o.typeCode === 'delivery' && o.partyName === '吴刚') as Order;
    await page.getByText('待我处理').click();
    const row = page.getByTestId('my-orders-table').locator(`tr[data-order-id="${delivery.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('order-status').textContent()).toBe('已反馈');
    await shot(page, 'work-orders-clerk-initiated');

    await row.click();
    await page.getByTestId('order-feedback-hint').waitFor();
    expect(await page.getByTestId('result-value-method').textContent()).toBe('邮寄送达');
    await page.getByTestId('order-complete').click();
    await page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('已完成');

    const trace = page.getByTestId('order-trace');
    await expect
      .poll(() => trace.getByTestId('trace-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))))
      .toEqual(['initiate', 'claim', 'start', 'record', 'complete']);
    const text = await trace.textContent();
    expect(text).toContain('分案后自动发起');
    expect(text).toContain(`认领${centreName}`);
    expect(text).toContain('已受理 → 办理中');
    expect(text).toContain('已反馈 → 已完成');
    await shot(page, 'work-orders-completed-trace');
    await page.context().close();
  });

  it('the clerk initiates an order from the case page; the case lists all its orders', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${kase.id}`);
    const card = page.getByTestId('case-work-orders');
    await card.locator('tr[data-order-id]').first().waitFor();
    expect(await card.locator('tr[data-order-id]').count()).toBe(orders.length);
    await card.getByTestId('case-create-order').click();
    const dialog = page.getByRole('dialog', { name: `发起工单：${kase.caseNumber}` });
    await dialog.waitFor();
    await choose(page, 'create-order-type', '材料收转');
    await dialog.getByTestId('create-order-note').fill('接收原告补充提交的借条原件');
    await page.waitForTimeout(300); // the dialog's opening animation
    await shot(page, 'work-orders-create');
    await dialog.getByTestId('create-order-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('工单已发起，进入集约中心工单池').waitFor();
    await expect.poll(() => card.locator('tr[data-order-id]').count()).toBe(orders.length + 1);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'work-orders-case-card');
    await page.context().close();
  });

  it('the team leader dispatches two orders at once, then sees the load on the board and the statistics', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, leaderUsername, 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await openMenu(page, '集约中心', '工单池');
    const table = page.getByTestId('pool-table');
    // Left: the other 送达 order and the clerk's 材料收转.
    await expect.poll(() => page.getByTestId('pool-total').textContent()).toBe('共 2 件，已显示 2 件');
    const rows = table.locator('tr[data-order-id]');
    for (const r of await rows.all()) await r.locator('.ant-checkbox-input').check();
    expect(await page.getByTestId('pool-selected').textContent()).toBe('已选 2 件');
    await page.getByTestId('pool-dispatch').click();
    const dialog = page.getByRole('dialog', { name: '派单：2 件工单' });
    await dialog.waitFor();
    await choose(page, 'dispatch-assignee', centreName);
    await page.waitForTimeout(300);
    await shot(page, 'work-orders-dispatch');
    await dialog.getByTestId('dispatch-submit').click();
    const results = page.getByRole('dialog', { name: '处理结果：成功 2 件，失败 0 件' });
    await results.waitFor();
    expect(await results.locator('[data-testid="bulk-result"][data-ok="true"]').count()).toBe(2);
    await page.waitForTimeout(300);
    await shot(page, 'work-orders-dispatch-results');
    await results.getByRole('button', { name: /知\s*道\s*了/ }).click();
    await expect.poll(() => page.getByTestId('pool-total').textContent()).toBe('共 0 件，已显示 0 件');

    // The board: the centre member now holds the two dispatched orders.
    await openMenu(page, '集约中心', '团队看板');
    await page.getByTestId('page-team-board').waitFor();
    await page.getByTestId('load-chart').waitFor();
    const member = page.getByTestId('board-members').locator('tr', { hasText: centreName });
    // Two dispatched, and the 电子卷宗编目 order if auto-dispatch gave it to them (the least loaded).
    const catalogue = orders.filter((o) => o.typeCode === 'e-catalogue' && o.assigneeId === centreId).length;
    await expect.poll(() => member.locator('td').nth(1).textContent()).toBe(String(2 + catalogue));
    expect(await page.getByTestId('board-members').textContent()).toContain(leaderName);
    await page.waitForTimeout(500); // the chart's animation
    await shot(page, 'work-orders-board');

    await openMenu(page, '集约中心', '工单统计');
    await page.getByTestId('page-order-statistics').waitFor();
    await page.getByTestId('stats-chart').waitFor();
    expect(await page.getByTestId('stats-table').textContent()).toContain('送达');
    await page.waitForTimeout(500);
    await shot(page, 'work-orders-statistics');
    await page.context().close();
  });
});

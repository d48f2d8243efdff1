/**
 * Journeys of trial-limit supervision: the president reads the warning board (counts per level,
 * grouped by court, department or judge) and follows a level to the case list; issues a supervision
 * order (督办) to a case's judge — an empty order and a past due date are refused on the form; the
 * judge sees it on the workbench and under 督办我的 and responds; the president closes it. An
 * administrator edits the warning thresholds, past a stale write.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, courtId, type FiledCase, fileAndAssign, simpleCase, specialCase, today } from '../apps/api/test/deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, signIn } from '../apps/api/test/harness.js';
import { type E2E, newPage, pickOption, pickTitle, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
let admin: Client;
let judge: Client;
let judgeName = '';
let otherJudgeName = '';
/** Days left → the judge's case (a 30-day 民特 case filed 30 − days ago); 90: a 3-month case filed today. */
const cases = new Map<number, FiledCase>();

/** The judge's cases: one per warning level and one far from its limit; two more for another judge. */
async function makeCases() {
  const [clerk, divhead] = await Promise.all([signIn(e2e.app, 'clerk'), signIn(e2e.app, 'divhead')]);
  const court = await courtId(admin, '吉0102');
  for (const days of [2, 5, 10, 20, -1]) {
    cases.set(days, await fileAndAssign(clerk, divhead, specialCase(court, addDays(today(), days - 30)), judge.userId));
  }
  cases.set(90, await fileAndAssign(clerk, divhead, simpleCase(court, today()), judge.userId));
  const teams = (await admin.get(`/api/teams?courtId=${court}&pageSize=200`)).json().items as {
    members: { userId: number; displayName: string; position: string }[];
  }[];
  const other = teams.flatMap((team) => team.members).find((m) => m.position === 'judge' && m.userId !== judge.userId);
  if (!other) throw new Error('no second judge in 吉0102');
  otherJudgeName = other.displayName;
  for (const days of [-3, 6]) await fileAndAssign(clerk, divhead, specialCase(court, addDays(today(), days - 30)), other.userId);
}

/** Saving the (unchanged) default thresholds sets every open case's level at once, as the nightly sweep would. */
async function applyLevels() {
  const [current] = (await admin.get('/api/warning-settings')).json().items;
  const saved = await admin.put('/api/warning-settings', {
    courtId: null,
    thresholds: current.thresholds,
    escalateHeadAt: current.escalateHeadAt,
    escalatePresidentWhenOverdue: current.escalatePresidentWhenOverdue,
    version: current.version,
  });
  expect(saved.statusCode, saved.body).toBe(200);
}

beforeAll(async () => {
  e2e = await startE2E();
  admin = await signIn(e2e.app, 'admin', ADMIN_PASSWORD);
  judge = await signIn(e2e.app, 'judge');
  judgeName = (await judge.get('/api/auth/me')).json().displayName;
  await makeCases();
  await applyLevels();
});
afterAll(() => e2e?.close());

const figure = (page: Page, level: string) => page.getByTestId(`board-level-${level}`).locator('.ant-statistic-content-value');
// The picker puts the test id on its input.
const dueOnInput = (page: Page) => page.locator('input[data-testid="issue-due-on"], [data-testid="issue-due-on"] input');
const orderRow = (page: Page, caseNumber: string) =>
  page.getByTestId('supervision-table').locator('tbody tr').filter({ hasText: caseNumber });

describe('the warning board', () => {
  it('the president sees the counts per level, groups them by judge, and follows a level to its cases', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'president', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '预警看板' }).click();
    await page.getByTestId('page-warning-board').waitFor();

    await expect.poll(() => figure(page, 'total').textContent()).toBe('8');
    expect(await figure(page, 'overdue').textContent()).toBe('2');
    expect(await figure(page, '3').textContent()).toBe('1');
    expect(await figure(page, '7').textContent()).toBe('2');
    expect(await figure(page, '15').textContent()).toBe('1');
    expect(await figure(page, '30').textContent()).toBe('1');
    expect(await figure(page, 'none').textContent()).toBe('1');
    expect(await figure(page, 'suspended').textContent()).toBe('0');
    expect(await page.getByTestId('board-level-overdue').textContent()).toContain('已超审限');
    expect(await page.getByTestId('board-level-3').textContent()).toContain('3日内届满');
    await page.getByTestId('board-chart').waitFor();
    await page.waitForTimeout(600); // the chart's entry animation
    await shot(page, 'supervision-board');

    // By judge: one row each, the judge with the most overdue first, and the totals at the foot.
    await page.getByTestId('board-group').getByText('按法官').click();
    const rows = page.getByTestId('board-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain(judgeName);
    expect(await rows.nth(1).textContent()).toContain(otherJudgeName);
    expect(await page.getByTestId('board-table-total').textContent()).toBe('8');
    await page.waitForTimeout(600);
    await shot(page, 'supervision-board-by-judge');

    // The court filter narrows the figures to its cases; the level cards lead to the case list.
    await page.getByTestId('board-court').click();
    await pickTitle(page, '长春市南关区人民法院');
    await expect.poll(() => new URL(page.url()).searchParams.get('courtId')).not.toBeNull();
    await expect.poll(() => figure(page, 'total').textContent()).toBe('8');
    await page.getByTestId('board-link-overdue').click();
    await page.getByTestId('page-cases').waitFor();
    expect(new URL(page.url()).searchParams.get('warningLevel')).toBe('overdue');
    await expect.poll(() => page.getByTestId('case-total').textContent()).toBe('共 2 件，已显示 2 件');
    expect(await page.getByTestId('case-table').textContent()).toContain(cases.get(-1)?.caseNumber);
    await shot(page, 'supervision-board-to-cases');
    await page.context().close();
  });
});

describe('a supervision order', () => {
  const kase = () => cases.get(5) as FiledCase;
  const orderText = '该案距审限届满不足7日，请于期限前完成庭审并回复进展';

  it('the president issues an order to the judge; an empty order is refused on the form', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'president', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '督办' }).click();
    await page.getByTestId('page-supervision').waitFor();
    await page.getByTestId('supervision-new').click();
    const dialog = page.getByRole('dialog', { name: '督办案件' });
    await dialog.waitFor();

    await page.getByTestId('issue-case').click();
    await page.keyboard.type(kase().caseNumber.replace(/^（2026）吉0102/, ''));
    await pickOption(page, kase().caseNumber);
    await page.getByTestId('issue-recipient').click();
    await pickOption(page, `${judgeName}（承办法官）`);
    // The due date starts a week ahead; the order is left empty.
    expect(await dueOnInput(page).inputValue()).toBe(addDays(today(), 7));
    await page.getByTestId('issue-submit').click();
    await dialog.getByText('请填写督办事项').waitFor();
    await shot(page, 'supervision-issue-empty');

    await page.getByTestId('issue-text').fill(orderText);
    await page.waitForTimeout(300); // the dialog's opening animation is long over; the message goes
    await shot(page, 'supervision-issue-form');
    await page.getByTestId('issue-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已发出督办').waitFor();

    await page.getByTestId('supervision-tab-issued').click();
    await expect.poll(() => orderRow(page, kase().caseNumber).count()).toBe(1);
    const row = orderRow(page, kase().caseNumber);
    expect(await row.getByTestId('supervision-status').textContent()).toBe('待回复');
    expect(await row.textContent()).toContain(judgeName);
    expect(await row.textContent()).toContain('剩余 7 天');
    expect(await page.getByTestId('supervision-total').textContent()).toBe('共 1 件，已显示 1 件');
    await shot(page, 'supervision-issued');
    await page.context().close();
  });

  it('a due date already past is refused by the server with its message on the field', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'president', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    // The browser's clock runs a day behind: its "today" is yesterday for the court.
    await page.clock.setFixedTime(new Date(Date.now() - 86_400_000));
    await page.goto('/supervision');
    await page.getByTestId('supervision-new').click();
    const dialog = page.getByRole('dialog', { name: '督办案件' });
    await page.getByTestId('issue-case').click();
    await page.keyboard.type(kase().caseNumber.replace(/^（2026）吉0102/, ''));
    await pickOption(page, kase().caseNumber);
    await page.getByTestId('issue-recipient').click();
    await pickOption(page, `${judgeName}（承办法官）`);
    const dueOn = dueOnInput(page);
    await dueOn.click();
    await dueOn.fill(addDays(today(), -1));
    await dueOn.press('Enter');
    await page.getByTestId('issue-text').fill('请尽快安排开庭');
    await page.getByTestId('issue-submit').click();
    await dialog.getByText('督办期限不能早于今天').waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await shot(page, 'supervision-issue-past-date');
    await page.context().close();
  });

  it('the judge sees the order on the workbench and under 督办我的, and responds', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    const due = page.getByTestId('due-items');
    await due.waitFor();
    await expect.poll(() => due.getByTestId('due-open-orders').locator('.ant-statistic-content-value').textContent()).toBe('1');
    expect(await due.getByTestId('due-order').textContent()).toContain(kase().caseNumber);
    expect(await due.getByTestId('due-order').textContent()).toContain('待回复');
    await shot(page, 'supervision-workbench-judge');

    await due.getByTestId('due-open-orders').click();
    await page.getByTestId('page-supervision').waitFor();
    expect(await page.getByTestId('supervision-tab-received').count()).toBe(1);
    expect(await page.getByTestId('supervision-tab-issued').count()).toBe(0);
    const row = orderRow(page, kase().caseNumber);
    await row.waitFor();
    await row.getByTestId('order-respond').click();
    const dialog = page.getByRole('dialog', { name: `回复督办：${kase().caseNumber}` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(orderText);
    await page.getByTestId('respond-submit').click();
    await dialog.getByText('请填写办理情况').waitFor();
    await page.getByTestId('respond-text').fill('已排定下周二开庭，庭后即行宣判');
    await expect.poll(() => dialog.getByText('请填写办理情况').count()).toBe(0);
    await shot(page, 'supervision-respond');
    await page.getByTestId('respond-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    // 待回复 filter (from the workbench link) no longer shows it; all statuses do, as responded.
    await expect.poll(() => orderRow(page, kase().caseNumber).count()).toBe(0);
    await page.getByTestId('supervision-status-filter').getByText('全部状态').click();
    await expect.poll(() => orderRow(page, kase().caseNumber).getByTestId('supervision-status').textContent()).toBe('已回复');
    expect(await orderRow(page, kase().caseNumber).getByTestId('order-response').textContent()).toContain('已排定下周二开庭');
    await shot(page, 'supervision-responded');
    await page.context().close();
  });

  it('the president sees the response and closes the order; the page reads in English too', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'president', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/supervision?role=issued&status=responded');
    const row = orderRow(page, kase().caseNumber);
    await row.waitFor();
    expect(await row.getByTestId('order-response').textContent()).toContain('已排定下周二开庭');
    await row.getByTestId('order-close').click();
    await page.getByTestId('order-close-confirm').click();
    await page.getByText('督办事项已办结').waitFor();
    await expect.poll(() => orderRow(page, kase().caseNumber).count()).toBe(0);
    await page.getByTestId('supervision-status-filter').getByText('已办结').click();
    await expect.poll(() => orderRow(page, kase().caseNumber).getByTestId('supervision-status').textContent()).toBe('已办结');
    expect(await orderRow(page, kase().caseNumber).getByTestId('order-close').count()).toBe(0);
    await shot(page, 'supervision-closed');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('supervision-tab-issued').textContent()).toBe('Issued by me');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-dropdown:visible').count()).toBe(0);
    expect(await orderRow(page, kase().caseNumber).getByTestId('supervision-status').textContent()).toBe('Closed');
    await shot(page, 'supervision-closed-en');
    await page.context().close();
  });
});

describe('warning settings', () => {
  it('an administrator is refused thresholds out of order, then saves past a stale write', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('workbench').waitFor();
    await page.goto('/warning-board');
    await page.getByTestId('board-settings').click();
    const drawer = page.getByTestId('warning-settings');
    await page.getByTestId('settings-threshold-1').waitFor();
    expect(await drawer.textContent()).toContain('版本 1');

    await page.getByTestId('settings-threshold-1').fill('40');
    await page.getByTestId('settings-save').click();
    await drawer.getByText('预警阈值须从大到小排列且不重复').waitFor();
    await shot(page, 'supervision-settings-invalid');

    // Someone else saves the default meanwhile: this save is refused and the form reloads.
    await applyLevels();
    await page.getByTestId('settings-threshold-1').fill('14');
    await page.getByTestId('settings-save').click();
    await page.getByText('该记录已被他人修改，已为您重新加载最新数据，请核对后再保存').waitFor();
    await expect.poll(() => drawer.textContent()).toContain('版本 2');
    // The form takes the reloaded values in the render after the one showing the new version.
    await expect.poll(() => page.getByTestId('settings-threshold-1').inputValue()).toBe('15');

    await page.getByTestId('settings-threshold-1').fill('14');
    await page.getByTestId('settings-save').click();
    await page.getByText('预警设置已保存，各案件预警等级已按新阈值更新').waitFor();
    await expect.poll(() => drawer.textContent()).toContain('版本 3');
    await shot(page, 'supervision-settings-saved');
    const [stored] = (await admin.get('/api/warning-settings')).json().items;
    expect(stored.thresholds).toEqual([30, 14, 7, 3]);
    await page.context().close();
  });
});

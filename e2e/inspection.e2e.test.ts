/**
 * An inspector's round (数据质检): a civil case filed without its claim amount and with a defendant
 * without an address is found by the batch; the inspector opens 数据质检, runs the inspection,
 * filters by rule, sends a correction notice (信息补正) and sees its state; the judge finds the
 * correction order among their work orders and fixes the data, which closes the defect
 * (已整改); the inspector waives the other defect with a reason — a too short one is refused on
 * the field — and looks at the distribution, completeness and rules.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiSessionOf,
  assignCaseTo,
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

interface Defect {
  id: number;
  ruleCode: string;
  status: string;
  responsibleId: number | null;
  correctionOrderId: number | null;
}

/** Picks an option of the antd select opened by clicking `testId`. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await pickOption(page, option);
}

let judge: ApiClient;
let inspector: ApiClient;
let kase: { id: number; caseNumber: string; version: number };
let claimDefect: Defect;
let addressDefect: Defect;

beforeAll(async () => {
  e2e = await startE2E();
  let clerk: ApiClient;
  let divhead: ApiClient;
  [clerk, divhead, judge, inspector] = await Promise.all([
    apiSession('clerk'),
    apiSession('divhead'),
    apiSession('judge'),
    apiSession('inspector'),
  ]);
  const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  // No claim amount (CLAIM_AMOUNT_MISSING) and a defendant without an address (RESPONDENT_NO_ADDRESS).
  const filed = await fileCivilCase(clerk, me.court.id, [
    { kind: 'person', role: 'plaintiff', name: '周明', address: '长春市南关区人民大街1号', phone: '13900000001' },
    { kind: 'person', role: 'defendant', name: '吴刚' },
  ]);
  kase = await assignCaseTo(divhead, filed, judge.userId);
  await inspector.post('/api/inspection/runs');
  const defects = (await inspector.get<{ items: Defect[] }>(`/api/inspection/defects?caseId=${kase.id}&limit=100`)).items;
  claimDefect = defects.find((d) => d.ruleCode === 'CLAIM_AMOUNT_MISSING') as Defect;
  addressDefect = defects.find((d) => d.ruleCode === 'RESPONDENT_NO_ADDRESS') as Defect;
  expect(claimDefect?.responsibleId).toBe(judge.userId);
  expect(addressDefect?.status).toBe('open');
});
afterAll(() => e2e?.close());

describe('an inspector’s round', () => {
  it('runs the inspection, filters by rule and sends a correction notice', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'inspector', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await openMenu(page, '审限管理', '数据质检');
    await page.getByTestId('page-inspection').waitFor();
    await expect.poll(() => page.getByTestId('defects-total').textContent()).toMatch(/^共 \d+ 个问题，已显示 \d+ 个$/);

    await page.getByTestId('inspection-run').click();
    await page.getByTestId('inspection-run-result').waitFor();
    expect(await page.getByTestId('inspection-run-result').textContent()).toMatch(/质检完成：\d+ 条规则/);

    await choose(page, 'defect-rule', '民事一审缺少诉讼标的额');
    const row = page.getByTestId('defects-table').locator(`tr[data-defect-id="${claimDefect.id}"]`);
    await row.waitFor();
    const rows = page.getByTestId('defects-table').locator('tr[data-defect-id]');
    // Every row listed is of the rule chosen, and the total counts them.
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rule'))))).toEqual(
      new Set(['CLAIM_AMOUNT_MISSING']),
    );
    const total = Number((await page.getByTestId('defects-total').textContent())?.match(/共 (\d+) 个/)?.[1]);
    expect(total).toBeGreaterThanOrEqual(1);
    expect(await row.getByTestId('defect-case').textContent()).toBe(kase.caseNumber);
    expect(await row.getByTestId('defect-status').textContent()).toBe('待整改');
    await shot(page, 'inspection-defects');

    await row.getByTestId('defect-correct').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').getByText('发出信息补正工单').waitFor();
    await shot(page, 'inspection-correction-confirm');
    await confirm.locator('.ant-btn-primary').click();
    await page.getByText('已发出整改通知').waitFor();
    await expect.poll(() => row.getByTestId('defect-correction').textContent()).toBe('已受理');
    // Another request is not offered while this one runs.
    expect(await row.getByTestId('defect-correct').isDisabled()).toBe(true);
    await shot(page, 'inspection-correction-sent');
    await page.context().close();
  });

  it('the judge sees the correction order among their work orders and fixes the data: the defect is fixed', async () => {
    const after = (await inspector.get<{ items: Defect[] }>(`/api/inspection/defects?caseId=${kase.id}&ruleCode=CLAIM_AMOUNT_MISSING`))
      .items[0];
    expect(after.correctionOrderId).toBeGreaterThan(0);
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    // 我的工单 lists a judge's orders through the API (view=mine); the page offers judges only the
    // orders they initiated, so the judge opens the order itself.
    const mine = await judge.get<{ items: { id: number; typeCode: string }[] }>('/api/work-orders?view=mine&tab=todo&limit=100');
    expect(mine.items.find((o) => o.id === after.correctionOrderId)?.typeCode).toBe('correction');
    await page.goto(`/work-orders/${after.correctionOrderId}`);
    await page.getByTestId('page-order-detail').waitFor();
    await page.getByText('信息补正').first().waitFor();
    expect(await page.getByTestId('order-status').first().textContent()).toBe('已受理');
    await shot(page, 'inspection-judge-orders');
    await page.context().close();

    // The judge corrects the data; saving re-runs the rules for the case.
    const current = await judge.get<{ version: number }>(`/api/cases/${kase.id}`);
    await judge.patch(`/api/cases/${kase.id}`, { claimAmount: '52000.00', version: current.version });
    const fixed = (await inspector.get<{ items: Defect[] }>(`/api/inspection/defects?caseId=${kase.id}&ruleCode=CLAIM_AMOUNT_MISSING`))
      .items[0];
    expect(fixed.status).toBe('fixed');
  });

  it('shows the fixed defect, and waives another with a reason (a too short one is refused on the field)', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'inspector', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/inspection');
    await page.getByTestId('page-inspection').waitFor();
    const table = page.getByTestId('defects-table');

    await choose(page, 'defect-status-filter', '已整改');
    await choose(page, 'defect-rule', '民事一审缺少诉讼标的额');
    const fixedRow = table.locator(`tr[data-defect-id="${claimDefect.id}"]`);
    await fixedRow.waitFor();
    expect(await fixedRow.getByTestId('defect-status').textContent()).toBe('已整改');
    expect(await fixedRow.getByTestId('defect-waive').count()).toBe(0);
    await shot(page, 'inspection-fixed');

    await choose(page, 'defect-status-filter', '待整改');
    await choose(page, 'defect-rule', '被告（被申请人）缺少地址');
    const row = table.locator(`tr[data-defect-id="${addressDefect.id}"]`);
    await row.waitFor();
    await row.getByTestId('defect-waive').click();
    const modal = page.getByTestId('waive-modal');
    await page.getByTestId('waive-reason').fill('短');
    await page.getByTestId('waive-ok').click();
    await modal.locator('.ant-form-item-explain-error').waitFor();
    await page.waitForTimeout(300); // the message's entry animation
    await shot(page, 'inspection-waive-refused');
    await page.getByTestId('waive-reason').fill('被告下落不明，已公告送达，地址无法补录');
    await page.getByTestId('waive-ok').click();
    await page.getByText('问题已豁免').waitFor();
    await row.waitFor({ state: 'detached' });
    const waived = (await inspector.get<{ items: Defect[] }>(`/api/inspection/defects?caseId=${kase.id}&ruleCode=RESPONDENT_NO_ADDRESS`))
      .items[0];
    expect(waived.status).toBe('waived');
    await page.context().close();
  });

  it('shows where the defects are, the completeness rate and the rules', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'inspector', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/inspection');
    await page.getByTestId('page-inspection').waitFor();
    await expect
      .poll(async () => Number(await page.getByTestId('defect-count-open').locator('.ant-statistic-content-value').textContent()))
      .toBeGreaterThan(0);

    await page.getByRole('tab', { name: '问题分布' }).click();
    await page.getByTestId('inspection-chart').waitFor();
    await page.getByTestId('summary-group').getByText('按规则').click();
    await page
      .getByTestId('summary-table')
      .getByText('民事一审缺少诉讼标的额')
      .or(page.getByTestId('summary-table').locator('tbody tr').first())
      .first()
      .waitFor();
    await page.waitForTimeout(500); // the chart's animation
    await shot(page, 'inspection-summary');

    await page.getByRole('tab', { name: '信息完整率' }).click();
    await page.getByTestId('completeness-table').locator('.ant-progress').first().waitFor();
    expect(await page.getByTestId('completeness-overall').textContent()).toMatch(/\d+\.\d%/);
    await page.getByTestId('completeness-group').getByText('按承办法官').click();
    await page.getByTestId('completeness-table').locator('.ant-progress').first().waitFor();
    await shot(page, 'inspection-completeness');

    await page.getByRole('tab', { name: '质检规则' }).click();
    const rule = page.getByTestId('rules-table').locator('tr[data-rule="NO_CONTACT_PHONE"]');
    await rule.waitFor();
    await rule.getByTestId('rule-active').click();
    await page.getByText('规则已更新').waitFor();
    await expect.poll(() => rule.getByTestId('rule-active').getAttribute('aria-checked')).toBe('false');
    await shot(page, 'inspection-rules');
    await page.context().close();
  });

  it('speaks English', async () => {
    const page = await newPage(e2e, 'en');
    await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(page, 'inspector', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/inspection');
    await page.getByTestId('page-inspection').getByRole('heading', { name: 'Data quality inspection' }).waitFor();
    await page.getByRole('tab', { name: 'Defects' }).waitFor();
    await page.getByTestId('defects-table').getByText('Case number').first().waitFor();
    await expect.poll(() => page.getByTestId('defects-total').textContent()).toMatch(/^Defects: \d+, shown: \d+$/);
    await shot(page, 'inspection-en');
    await page.context().close();
  });
});

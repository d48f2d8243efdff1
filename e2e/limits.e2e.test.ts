/**
 * Trial-limit changes (审限变更): a judge of 吉0102 asks to extend the limit of a case they handle
 * (after a deduction whose dates are the wrong way round is refused on the field); the division
 * head finds it in 审限审批 and approves it with a comment; the case then shows the deadline three
 * months later, the extension as a step of its computation, and the decision on the change.
 */
import type { ProcedureCode } from '@courtassist/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeTrialLimit } from '../apps/api/src/modules/deadlines/index.js';
import {
  apiSessionOf,
  assignCaseTo,
  chinaToday,
  type E2E,
  fileCivilCase,
  newPage,
  pickTitle,
  shot,
  signInThroughForm,
  startE2E,
} from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

interface CaseFacts {
  id: number;
  caseNumber: string;
  procedureCode: string;
  filedOn: string;
  deadlineOn: string | null;
  judgeId: number | null;
  version: number;
}

/**
 * An open case the judge handles. The browser tests' database holds the organisation only, so
 * the clerk files a simplified civil case twenty days ago and the division head gives it to the judge.
 */
async function openCaseOf(judgeName: string): Promise<CaseFacts> {
  const [clerk, divhead, judge] = await Promise.all([apiSession('clerk'), apiSession('divhead'), apiSession(judgeName)]);
  const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  const judgeId = (await judge.get<{ id: number }>('/api/auth/me')).id;
  const filed = await fileCivilCase<CaseFacts>(
    clerk,
    me.court.id,
    [
      { kind: 'person', role: 'plaintiff', name: '周明' },
      { kind: 'person', role: 'defendant', name: '吴刚' },
    ],
    { filedOn: addDays(chinaToday(), -20) },
  );
  const assigned = await assignCaseTo<CaseFacts>(divhead, filed, judgeId);
  // The judge reads it as an open case of theirs, with a trial limit.
  const mine = await judge.get<{ items: { id: number }[] }>('/api/cases?mine=true&status=open&limit=200');
  expect(mine.items.map((k) => k.id)).toContain(assigned.id);
  return assigned;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Types a date into an antd date picker and leaves it (Enter would submit a one-field form). */
async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(date);
}

let kase: CaseFacts;
let extended = '';
let headName = '';

beforeAll(async () => {
  e2e = await startE2E();
  kase = await openCaseOf('judge');
  headName = (await (await apiSession('divhead')).get<{ displayName: string }>('/api/auth/me')).displayName;
  const procedure = kase.procedureCode as ProcedureCode;
  // The stored deadline is the calculator's; the approved extension adds three months to it.
  expect(computeTrialLimit({ type: 'trial', procedure, filedOn: kase.filedOn }).deadline).toBe(kase.deadlineOn);
  extended = computeTrialLimit({ type: 'trial', procedure, filedOn: kase.filedOn, extensions: [{ months: 3 }] }).deadline;
});
afterAll(() => e2e?.close());

describe('approve an extension', () => {
  it('a judge requests an extension of 3 months; a deduction ending before it starts is refused on the field', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${kase.id}`);
    const card = page.getByTestId('limit-changes');
    await card.getByText('本案尚无审限变更申请').waitFor();

    await card.getByTestId('limit-change-request').click();
    const dialog = page.getByRole('dialog', { name: `申请审限变更：${kase.caseNumber}` });
    await dialog.waitFor();
    await dialog.getByText(`当前审限届满日：${kase.deadlineOn}`).waitFor();

    // A deduction (公告) whose end is before its start: the server refuses it, on the end date.
    await dialog.getByText('扣除审限', { exact: true }).click();
    await dialog.getByTestId('limit-request-deduction-kind').click();
    await pickTitle(page, '公告');
    await pickDate(page, 'limit-request-from', addDays(kase.filedOn, 10));
    await pickDate(page, 'limit-request-to', addDays(kase.filedOn, 5));
    await dialog.getByTestId('limit-request-reason').fill('被告下落不明，公告送达');
    await dialog.getByTestId('limit-request-submit').click();
    const toField = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('limit-request-to') });
    await toField.getByText('结束日期不得早于开始日期').waitFor();
    await page.waitForTimeout(300); // the message's entry animation
    await shot(page, 'limits-request-deduction-refused');

    // The extension: three months, with the reason.
    await dialog.getByText('延长审限', { exact: true }).click();
    await dialog.getByTestId('limit-request-length').fill('3');
    await dialog.getByTestId('limit-request-reason').fill('案情复杂，需补充调取证据，申请延长审限三个月');
    await shot(page, 'limits-request-extension');
    await dialog.getByTestId('limit-request-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    const change = card.getByTestId('limit-change');
    await expect.poll(() => change.count()).toBe(1);
    expect(await change.getByTestId('limit-change-status').textContent()).toBe('待庭长审批');
    expect(await change.getByTestId('limit-change-length').textContent()).toBe('3个月');
    expect(await change.textContent()).toContain('案情复杂，需补充调取证据');
    // Nothing moves before approval; the judge can withdraw but not decide.
    expect(await page.getByTestId('trial-limit-deadline').textContent()).toBe(kase.deadlineOn);
    expect(await change.getByTestId('limit-change-withdraw').count()).toBe(1);
    expect(await change.getByTestId('limit-change-decide').count()).toBe(0);
    // A second extension cannot be asked for while this one awaits a decision.
    await card.getByTestId('limit-change-request').click();
    await dialog.getByText('本案已有一项延长审限申请待审批').waitFor();
    expect(await dialog.getByRole('radio', { name: '延长审限' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await shot(page, 'limits-case-requested');
    await page.context().close();
  });

  it('the division head sees it in 审限审批 with a total, approves it with a comment; the case shows the new deadline', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'divhead', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();

    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: '审限审批' }).click();
    await page.getByTestId('page-limit-approvals').waitFor();
    await expect.poll(() => page.getByTestId('approvals-total').textContent()).toBe('共 1 项，已显示 1 项');
    const row = page.getByTestId('approvals-table').locator('tr', { hasText: kase.caseNumber });
    expect(await row.textContent()).toContain('延长审限');
    expect(await row.textContent()).toContain('3个月');
    expect(await row.textContent()).toContain('待庭长审批');
    await shot(page, 'limits-approvals-pending');

    await row.getByTestId('approval-decide').click();
    const dialog = page.getByRole('dialog', { name: `审批：${kase.caseNumber}` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('limit-change-summary').textContent()).toContain('案情复杂，需补充调取证据');
    await dialog.getByTestId('limit-decide-comment').fill('情况属实，同意延长三个月');
    await page.waitForTimeout(300); // the dialog's opening animation
    await shot(page, 'limits-decide-dialog');
    await dialog.getByTestId('limit-decide-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已批准，审限已重新计算').waitFor();
    await expect.poll(() => page.getByTestId('approvals-total').textContent()).toBe('共 0 项，已显示 0 项');
    await page.getByText('没有待您审批的申请').waitFor();

    // All requests: the change is approved, with the decision under the row.
    await page.getByTestId('approvals-tab-all').click();
    const decided = page.getByTestId('approvals-table').locator('tr', { hasText: kase.caseNumber }).first();
    await expect.poll(() => decided.getByTestId('limit-change-status').textContent()).toBe('已批准');
    await decided.getByRole('button', { name: /展开行|Expand row/ }).click();
    await page.getByTestId('approvals-table').getByTestId('limit-decision').waitFor();
    await shot(page, 'limits-approvals-all');

    // The case: the deadline three months later, the extension as a step, the decision on the change.
    await decided.getByTestId('approval-case-link').click();
    await page.waitForURL((url) => url.pathname === `/cases/${kase.id}`);
    await expect.poll(() => page.getByTestId('trial-limit-deadline').textContent()).toBe(extended);
    expect(await page.getByTestId('trial-limit-steps').textContent()).toContain('延长 3个月');
    const change = page.getByTestId('limit-changes').getByTestId('limit-change');
    expect(await change.getByTestId('limit-change-status').textContent()).toBe('已批准');
    const decision = await change.getByTestId('limit-decision').textContent();
    expect(decision).toContain('庭长审批');
    expect(decision).toContain(headName);
    expect(decision).toContain('同意');
    expect(decision).toContain('情况属实，同意延长三个月');
    await shot(page, 'limits-case-approved');
    await page.context().close();
  });

  it('the judge sees the new deadline and the decision in English too', async () => {
    const page = await newPage(e2e, 'en');
    await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(page, 'judge', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${kase.id}`);
    const card = page.getByTestId('limit-changes');
    await card.getByText('Limit changes').waitFor();
    expect(await page.getByTestId('trial-limit-deadline').textContent()).toBe(extended);
    const change = card.getByTestId('limit-change');
    expect(await change.getByTestId('limit-change-status').textContent()).toBe('Approved');
    expect(await change.getByTestId('limit-change-length').textContent()).toBe('3 month(s)');
    expect(await change.getByTestId('limit-decision').textContent()).toContain('Division head');
    // Approved: nothing left to withdraw.
    expect(await change.getByTestId('limit-change-withdraw').count()).toBe(0);
    await shot(page, 'limits-case-approved-en');
    await page.context().close();
  });
  it('a suspension: approved on the case page by the division head, then resumed by the judge; a deduction withdrawn', async () => {
    const today = chinaToday();
    const from = addDays(today, -5);
    const resumedOn = addDays(today, -2);
    const judge = await newPage(e2e);
    await signInThroughForm(judge, 'judge', 'Demo@2026');
    await judge.getByTestId('workbench').waitFor();
    await judge.goto(`/cases/${kase.id}`);
    const card = judge.getByTestId('limit-changes');
    await card.getByTestId('limit-change').first().waitFor();
    await card.getByTestId('limit-change-request').click();
    const request = judge.getByRole('dialog', { name: `申请审限变更：${kase.caseNumber}` });
    await request.getByText('中止审理', { exact: true }).click();
    await pickDate(judge, 'limit-request-from', from);
    await request.getByTestId('limit-request-reason').fill('本案须以另一案的审理结果为依据，该案尚未审结');
    await request.getByTestId('limit-request-submit').click();
    await request.waitFor({ state: 'hidden' });
    await expect.poll(() => card.getByTestId('limit-change').count()).toBe(2);

    // The division head decides it from the case page itself.
    const head = await newPage(e2e);
    await signInThroughForm(head, 'divhead', 'Demo@2026');
    await head.getByTestId('workbench').waitFor();
    await head.goto(`/cases/${kase.id}`);
    const pending = head.getByTestId('limit-changes').getByTestId('limit-change').first();
    await pending.getByTestId('limit-change-decide').click();
    const decide = head.getByRole('dialog', { name: `审批：${kase.caseNumber}` });
    await decide.getByTestId('limit-decide-comment').fill('同意中止');
    await decide.getByTestId('limit-decide-submit').click();
    await decide.waitFor({ state: 'hidden' });
    await expect.poll(() => pending.getByTestId('limit-change-status').textContent()).toBe('已批准');
    await head.getByText('审限中止').first().waitFor();
    await head.context().close();

    // The judge resumes the trial: the suspended days (inclusive) move the deadline.
    await judge.reload();
    const suspension = card.getByTestId('limit-change').first();
    await suspension.getByText('中止中，尚未恢复审理').waitFor();
    await suspension.getByTestId('limit-change-resume').click();
    const resume = judge.getByRole('dialog', { name: `恢复审理：${kase.caseNumber}` });
    await pickDate(judge, 'limit-resume-on', resumedOn);
    await judge.waitForTimeout(300);
    await shot(judge, 'limits-resume-dialog');
    await resume.getByTestId('limit-resume-submit').click();
    await resume.waitFor({ state: 'hidden' });
    const resumed = computeTrialLimit({
      type: 'trial',
      procedure: kase.procedureCode as ProcedureCode,
      filedOn: kase.filedOn,
      extensions: [{ months: 3 }],
      deductions: [{ kind: 'suspension', from, to: resumedOn }],
    }).deadline;
    await expect.poll(() => judge.getByTestId('trial-limit-deadline').textContent()).toBe(resumed);
    expect(await suspension.getByTestId('limit-change-length').textContent()).toBe(`${from} 至 ${resumedOn}`);
    expect(await suspension.getByTestId('limit-change-resume').count()).toBe(0);

    // A deduction asked for by mistake is withdrawn before anyone decides it.
    await card.getByTestId('limit-change-request').click();
    await request.getByText('扣除审限', { exact: true }).click();
    await request.getByTestId('limit-request-deduction-kind').click();
    await pickTitle(judge, '鉴定');
    await pickDate(judge, 'limit-request-from', addDays(kase.filedOn, 3));
    await pickDate(judge, 'limit-request-to', addDays(kase.filedOn, 9));
    await request.getByTestId('limit-request-reason').fill('委托司法鉴定');
    await request.getByTestId('limit-request-submit').click();
    await request.waitFor({ state: 'hidden' });
    const deduction = card.getByTestId('limit-change').first();
    await expect.poll(() => deduction.getByTestId('limit-change-status').textContent()).toBe('待庭长审批');
    await deduction.getByTestId('limit-change-withdraw').click();
    await judge
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => deduction.getByTestId('limit-change-status').textContent()).toBe('已撤回');
    expect(await judge.getByTestId('trial-limit-deadline').textContent()).toBe(resumed);
    await shot(judge, 'limits-case-history');
    await judge.context().close();
  });
});

/**
 * The assistant's own assessment and subsidies on the phone (issue 5): the administrator of 吉0102
 * runs and publishes the month of the demo assistant's last confirmed task, and court finance
 * approves the assistant's statement (all through the API). On a 375×740 phone the assistant opens
 * 考核 from the tab bar, sees the published month, opens it, has a too-short objection refused by
 * the server, files one, sees it waiting; the court answers and the answer shows. Then 补贴: the
 * statement's total in yuan, its lines per task and the arithmetic. The same pages in English,
 * where a refusal reads in English.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessionOf, type E2E, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

interface Statement {
  id: number;
  month: string;
  status: string;
  totalFen: number;
  lines: { taskId: number; amountFen: number }[];
  version: number;
  assistantId: number;
}
let month: string;
let statement: Statement;
let assessmentId: number;

/** ¥1,234.50 from 123450 fen: what the page must show, computed here independently. */
const yuan = (fen: number) => `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** The current month in China Standard Time: a month can be published only once it has ended. */
const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

beforeAll(async () => {
  e2e = await startE2E();
  const [grassroots, courtadmin, president] = await Promise.all([
    apiSession('grassroots'),
    apiSession('courtadmin'),
    apiSession('president'),
  ]);
  // The month to assess: the latest ended month in which the demo assistant had a task confirmed (the demo has some).
  const done = await grassroots.get<{ items: { confirmedOn: string | null; assistantId: number }[] }>(
    '/api/my/network-tasks?view=done&limit=100',
  );
  const months = done.items
    .map((t) => t.confirmedOn?.slice(0, 7))
    .filter((m): m is string => !!m && m < thisMonth())
    .sort();
  expect(months.length).toBeGreaterThan(0);
  month = months[months.length - 1];
  // A judge's monthly rating, so the month has a rating to show.
  const judge = await apiSession('judge');
  await judge.put('/api/network/ratings', { assistantId: done.items[0].assistantId, month, rating: 4, note: '送达及时' });
  const me = await courtadmin.get<{ court: { id: number } }>('/api/auth/me');
  const ran = await courtadmin.post<{ runs: { id: number; courtId: number; version: number }[] }>('/api/network/assessment-runs', {
    courtId: me.court.id,
    month,
  });
  // The court and its tribunals (the assistant's among them) are published: the month is visible to assistants.
  for (const run of ran.runs) await courtadmin.post(`/api/network/assessment-runs/${run.id}/publish`, { version: run.version });
  const mine = await grassroots.get<{ items: { id: number; month: string }[] }>('/api/network/my/assessments');
  expect(mine.items.map((a) => a.month)).toEqual([month]);
  assessmentId = mine.items[0].id;
  const statements = await grassroots.get<{ items: Statement[] }>('/api/network/my/subsidies');
  expect(statements.items).toHaveLength(1);
  const own = statements.items[0];
  const submitted = await courtadmin.post<Statement>(`/api/network/subsidies/${own.id}/submit`, { version: own.version });
  statement = await president.post<Statement>(`/api/network/subsidies/${own.id}/approve`, { version: submitted.version });
  expect(statement.lines.length).toBeGreaterThan(0);
}, 240_000);
afterAll(() => e2e?.close());

async function phone(locale: 'zh-CN' | 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await e2e.browser.newContext({
    baseURL: e2e.base,
    locale,
    viewport: { width: 375, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  if (locale === 'en') await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
  await signInThroughForm(page, 'grassroots', 'Demo@2026');
  await page.waitForURL('**/m/tasks');
  return { context, page };
}

/** A full-page shot from the top, once the field messages' animations have ended. */
async function screen(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await shot(page, name);
}

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** Buttons and links of the page and the tab bar lower than 44 px (a thumb's minimum). */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main button, main a, [data-testid="mobile-tabs"] a')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height > 0 && box.height < 44)
      .map(({ el, box }) => `${(el.textContent ?? '').trim()}: ${Math.round(box.height)}px`),
  );
}

describe('the assistant’s assessment and subsidies on the phone', () => {
  it('opens 考核, files an objection (a too-short one refused first), sees the answer; opens 补贴 and sees the lines and total', async () => {
    const { context, page } = await phone('zh-CN');
    const tabs = page.getByTestId('mobile-tabs');
    expect(await tabs.textContent()).toBe('任务考核补贴');
    // The tab bar sits at the foot of the screen, whatever the page's length.
    const bar = await tabs.boundingBox();
    expect(Math.round((bar?.y ?? 0) + (bar?.height ?? 0))).toBe(740);
    await page.getByTestId('mobile-tab-assessments').click();
    await page.waitForURL('**/m/assessments');
    const card = page.getByTestId(`mobile-assessment-${month}`);
    await card.waitFor();
    expect(await page.getByTestId('mobile-list-total').textContent()).toBe('共 1 条');
    expect(await card.textContent()).toContain('已公示（异议期内）');
    expect(await card.textContent()).toMatch(/院内第 \d+ \/ \d+ 名/);
    expect(await card.textContent()).toContain('异议期至');
    expect(await card.locator('[data-testid^="grade-"]').count()).toBe(1);
    expect(await page.getByTestId('mobile-tab-assessments').getAttribute('aria-current')).toBe('page');
    expect(await overflows(page)).toBe(false);
    expect(await smallTapTargets(page)).toEqual([]);
    await screen(page, 'network-phone-assessments-zh');

    await card.click();
    await page.waitForURL(`**/m/assessments/${assessmentId}`);
    const detail = page.getByTestId('mobile-assessment');
    await detail.waitFor();
    const barOnLongPage = await tabs.boundingBox();
    expect(Math.round((barOnLongPage?.y ?? 0) + (barOnLongPage?.height ?? 0))).toBe(740);
    expect(await page.getByTestId('assessment-indicators').textContent()).toContain('送达成功率');
    expect(await page.getByTestId('assessment-rating').textContent()).toMatch(/平均 \d\.\d\d 分（满分 5 分，共 \d+ 次评价）/);
    expect(await page.getByTestId('assessment-objections').textContent()).toContain('尚未提出异议');
    await screen(page, 'network-phone-assessment-zh');

    // One character: the server refuses it, and says so under the field.
    const reason = page.getByTestId('objection-reason');
    await reason.fill('错');
    await page.getByTestId('objection-submit').click();
    const fieldError = page.locator('.ant-form-item-explain-error');
    await expect.poll(() => fieldError.textContent(), { timeout: 10_000 }).toContain('过短');
    await screen(page, 'network-phone-objection-refused-zh');
    await reason.fill('10 月协助送达一件已成功，未计入送达成功率');
    await page.getByTestId('objection-submit').click();
    const objection = page.getByTestId('assessment-objection');
    await objection.waitFor();
    expect(await objection.textContent()).toContain('10 月协助送达一件已成功，未计入送达成功率');
    expect(await objection.getByTestId('objection-status').textContent()).toBe('待答复');
    // One objection at a time: the form gives way to the note until the court answers.
    expect(await page.getByTestId('objection-reason').count()).toBe(0);
    expect(await page.getByTestId('assessment-objections').textContent()).toContain('等待法院答复');
    expect(await overflows(page)).toBe(false);
    await screen(page, 'network-phone-objection-filed-zh');

    // The court answers; the assistant sees the answer on the phone.
    const courtadmin = await apiSession('courtadmin');
    const court = await courtadmin.get<{ objections: { id: number; version: number; reason: string }[] }>(
      `/api/network/assessments/${assessmentId}`,
    );
    expect(court.objections.map((o) => o.reason)).toEqual(['10 月协助送达一件已成功，未计入送达成功率']);
    await courtadmin.post(`/api/network/objections/${court.objections[0].id}/answer`, {
      answer: '经核实已计入，维持原考核结果',
      version: court.objections[0].version,
    });
    await page.reload();
    await objection.waitFor();
    expect(await objection.getByTestId('objection-status').textContent()).toBe('已答复');
    expect(await objection.textContent()).toContain('经核实已计入，维持原考核结果');
    await screen(page, 'network-phone-objection-answered-zh');

    await page.getByTestId('mobile-tab-subsidies').click();
    await page.waitForURL('**/m/subsidies');
    const statementCard = page.getByTestId(`mobile-statement-${month}`);
    await statementCard.waitFor();
    expect(await statementCard.getByTestId('statement-total').textContent()).toBe(yuan(statement.totalFen));
    expect(await statementCard.textContent()).toContain('已审批');
    expect(await statementCard.textContent()).toContain(`${statement.lines.length} 件任务`);
    expect(await smallTapTargets(page)).toEqual([]);
    await screen(page, 'network-phone-subsidies-zh');

    await statementCard.click();
    await page.waitForURL(`**/m/subsidies/${statement.id}`);
    await page.getByTestId('mobile-statement').waitFor();
    const lines = page.getByTestId('statement-line');
    expect(await lines.count()).toBe(statement.lines.length);
    expect(await lines.first().textContent()).toContain(yuan(statement.lines[0].amountFen));
    expect(await page.getByTestId('statement-payable').textContent()).toBe(yuan(statement.totalFen));
    const arithmetic = await page.getByTestId('statement-arithmetic').textContent();
    expect(arithmetic).toContain('任务小计');
    expect(arithmetic).toMatch(/考核系数（.+）×\d\.\d\d/);
    expect(arithmetic).toContain('每月上限');
    expect(await overflows(page)).toBe(false);
    await screen(page, 'network-phone-statement-zh');

    // A line opens its task (the assistant's own).
    await lines.first().click();
    await page.waitForURL(`**/m/tasks/${statement.lines[0].taskId}`);
    await page.getByTestId('mobile-task').waitFor();
    expect(await page.getByTestId('mobile-tab-tasks').getAttribute('aria-current')).toBe('page');
    await context.close();
  });

  it('the same pages in English; a refusal reads in English', async () => {
    const { context, page } = await phone('en');
    expect(await page.getByTestId('mobile-tabs').textContent()).toBe('TasksAssessmentSubsidies');
    await page.getByTestId('mobile-tab-assessments').click();
    const card = page.getByTestId(`mobile-assessment-${month}`);
    await card.waitFor();
    expect(await page.getByTestId('mobile-list-total').textContent()).toBe('1 in all');
    expect(await card.textContent()).toMatch(/\d+ of \d+ in the court/);
    expect(await card.textContent()).toContain('Answered');
    // Only the station's name (data) stays in Chinese; no label does.
    for (const label of ['已公示', '院内', '异议期', '得分', '已答复']) expect(await card.textContent()).not.toContain(label);
    await screen(page, 'network-phone-assessments-en');

    await card.click();
    await page.getByTestId('mobile-assessment').waitFor();
    expect(await page.getByTestId('assessment-indicators').textContent()).toContain('Delivery success rate');
    expect(await page.getByTestId('assessment-objections').textContent()).toContain('Answer by');
    // The last objection was answered: another may be filed; a too-short one is refused in English.
    await page.getByTestId('objection-reason').fill('x');
    await page.getByTestId('objection-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').textContent(), { timeout: 10_000 }).toContain('Too short');
    expect(await overflows(page)).toBe(false);
    await screen(page, 'network-phone-assessment-en');

    await page.getByTestId('mobile-tab-subsidies').click();
    const statementCard = page.getByTestId(`mobile-statement-${month}`);
    await statementCard.waitFor();
    expect(await statementCard.textContent()).toContain('Approved');
    await statementCard.click();
    await page.getByTestId('mobile-statement').waitFor();
    const arithmetic = await page.getByTestId('statement-arithmetic').textContent();
    expect(arithmetic).toContain('Subtotal');
    expect(arithmetic).toContain('Total paid');
    expect(await page.getByTestId('statement-lines').textContent()).toContain('Confirmed');
    expect(await overflows(page)).toBe(false);
    await screen(page, 'network-phone-statement-en');
    await context.close();
  });

  it('an assistant cannot open another assistant’s month on the phone', async () => {
    const courtadmin = await apiSession('courtadmin');
    const me = await courtadmin.get<{ court: { id: number } }>('/api/auth/me');
    const others = await courtadmin.get<{ items: { id: number; assistantId: number }[] }>(
      `/api/network/assessments?courtId=${me.court.id}&month=${month}&pageSize=5`,
    );
    const other = others.items.find((a) => a.id !== assessmentId);
    expect(other).toBeDefined();
    const { context, page } = await phone('zh-CN');
    await page.goto(`/m/assessments/${other?.id}`);
    await expect.poll(() => page.locator('.ant-result-title').textContent(), { timeout: 10_000 }).toBeTruthy();
    expect(await page.getByTestId('mobile-assessment').count()).toBe(0);
    expect(await page.getByTestId('objection-reason').count()).toBe(0);
    await context.close();
  });
});

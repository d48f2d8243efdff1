/**
 * A centre member's day (集约中心 · 送达): the centre member claims the 送达 order of a case just
 * assigned from the pool and starts it; opens the case's delivery and creates the summons task;
 * records a returned postal attempt, follows the suggested next step (post again), which is
 * returned too, then serves the summons in person and keeps a photo of the signed proof; downloads
 * the 送达回证 (a DOCX); sees the order fed back by the system because the delivery is done; and
 * the clerk who initiated it completes it.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSessionOf,
  assignCaseTo,
  chinaToday,
  type E2E,
  fileCivilCase,
  newPage,
  openMenu,
  pickTitle,
  shot,
  signInThroughForm,
  startE2E,
} from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

// A 1×1 PNG: what a phone photo of the signed proof looks like to the server's sniffing.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function choose(page: Page, select: Locator, title: string) {
  await select.click();
  await pickTitle(page, title);
}

let kase: { id: number; caseNumber: string };
let orderId: number;
let centreName = '';

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
    { kind: 'person', role: 'plaintiff', name: '周明', address: '长春市朝阳区人民大街1号' },
    { kind: 'person', role: 'defendant', name: '吴刚', address: '长春市南关区自由大路2号' },
  ]);
  // Assignment starts the case's orders, among them one 送达 order for the defendant, in the centre's pool.
  kase = await assignCaseTo(divhead, filed, judge.userId);
  const orders = await clerk.get<{ items: { id: number; typeCode: string; status: string }[] }>(
    `/api/work-orders?view=all&caseId=${kase.id}`,
  );
  const delivery = orders.items.find((o) => o.typeCode === 'delivery');
  if (!delivery || delivery.status !== 'initiated') throw new Error('no 送达 order in the pool');
  orderId = delivery.id;
  centreName = (await centre.get<{ displayName: string }>('/api/auth/me')).displayName;
});
afterAll(() => e2e?.close());

describe('a centre member’s day: the 送达 order follows the delivery', () => {
  it('claims and starts the order, serves the summons after two returned letters, and sees the order fed back', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'centre', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();

    // 工单池: claim the 送达 order.
    await openMenu(page, '集约中心', '工单池');
    await page.getByTestId('page-order-pool').waitFor();
    const row = page.getByTestId('pool-table').locator(`tr[data-order-id="${orderId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('order-type').textContent()).toBe('送达');
    await shot(page, 'centre-day-pool');
    await row.getByTestId('order-claim').click();
    await page.getByText('已认领，可在“我的工单 · 待办”中办理').waitFor();
    await row.waitFor({ state: 'detached' });

    // The order: start it, then go to its case.
    await page.goto(`/work-orders/${orderId}`);
    await page.getByTestId('page-order-detail').waitFor();
    await page.getByTestId('order-start').click();
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('办理中');
    await shot(page, 'centre-day-order-started');
    await page.getByTestId('order-case').click();
    await page.waitForURL((url) => url.pathname === `/cases/${kase.id}`);

    // 生成送达任务: the summons to the defendant, linked to the order.
    const card = page.getByTestId('case-delivery');
    await card.getByText('本案尚无送达任务').waitFor();
    await card.getByTestId('delivery-create').click();
    const create = page.getByRole('dialog', { name: '生成送达任务' });
    await create.getByText('吴刚（被告）').click();
    await create.getByText('传票', { exact: true }).click();
    await create.getByTestId('delivery-create-submit').click();
    await create.waitFor({ state: 'hidden' });
    const task = card.getByTestId('delivery-task');
    await expect.poll(() => task.count()).toBe(1);
    await task.getByTestId('delivery-task-open').click();
    const drawer = page.getByTestId('delivery-task-detail');
    await drawer.waitFor();
    const suggestion = drawer.getByTestId('delivery-suggestion');
    await expect.poll(() => suggestion.getAttribute('data-method')).toBe('postal');
    await shot(page, 'centre-day-task');

    // A letter returned unsigned: the rules suggest posting again; the form starts from that step.
    const form = drawer.getByTestId('delivery-attempt-form');
    await choose(page, form.getByTestId('attempt-outcome'), '无人签收');
    await form.getByTestId('attempt-tracking').fill('EA100000001CN');
    await choose(page, form.getByTestId('attempt-postal-status'), '已退回');
    await form.getByTestId('attempt-submit').click();
    await expect.poll(() => drawer.getByTestId('delivery-attempt').count()).toBe(1);
    await expect.poll(() => suggestion.getAttribute('data-method')).toBe('postal');
    expect(await suggestion.textContent()).toContain('邮寄未成功，可再次邮寄');
    await page.waitForTimeout(300);
    await shot(page, 'centre-day-postal-returned');

    // Following it: the second letter comes back too; now assisted delivery is suggested.
    expect(await form.getByTestId('attempt-method').textContent()).toContain('邮寄送达');
    await choose(page, form.getByTestId('attempt-outcome'), '无人签收');
    await form.getByTestId('attempt-tracking').fill('EA100000002CN');
    await form.getByTestId('attempt-submit').click();
    await expect.poll(() => drawer.getByTestId('delivery-attempt').count()).toBe(2);
    await expect.poll(() => suggestion.getAttribute('data-method')).toBe('assisted');
    expect(await suggestion.textContent()).toContain('两次邮寄未成功，转协助送达');
    await page.waitForTimeout(300);
    await shot(page, 'centre-day-postal-twice');

    // The defendant agreed on the hotline to meet at his workplace: served in person.
    await choose(page, form.getByTestId('attempt-method'), '直接送达');
    await choose(page, form.getByTestId('attempt-outcome'), '成功');
    await form.getByTestId('attempt-note').fill('受送达人在单位当面签收');
    await form.getByTestId('attempt-submit').click();
    await expect.poll(() => drawer.getByTestId('delivery-attempt').count()).toBe(3);
    await drawer.getByText(/^已于 \d{4}-\d{2}-\d{2} 送达（直接送达）$/).waitFor();

    // The photo of the signed proof, on the successful attempt.
    const served = drawer.locator('[data-testid="delivery-attempt"][data-outcome="success"]');
    await served.locator('input[type="file"]').setInputFiles({ name: '送达回证.png', mimeType: 'image/png', buffer: PNG });
    await served.getByTestId('delivery-evidence-link').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'centre-day-served');

    // 送达回证: a DOCX download, of the right type and a plausible size.
    const taskId = Number(await drawer.getAttribute('data-task'));
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('delivery-proof').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const proof = await page.request.get(`/api/delivery-tasks/${taskId}/proof.docx`);
    expect(proof.status()).toBe(200);
    expect(proof.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await proof.body()).length).toBeGreaterThan(1500);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('node-delivery').getAttribute('data-status')).toBe('done');

    // The order moved on by itself: fed back by the system because the delivery is done.
    await page.goto(`/work-orders/${orderId}`);
    await page.getByTestId('page-order-detail').waitFor();
    await expect.poll(() => page.getByTestId('order-status').first().textContent()).toBe('已反馈');
    expect(await page.getByTestId('result-value-method').textContent()).toBe('直接送达');
    expect(await page.getByTestId('result-value-outcome').textContent()).toBe('成功');
    expect(await page.getByTestId('result-value-servedOn').textContent()).toBe(chinaToday());
    const trace = page.getByTestId('order-trace');
    const record = trace.locator('[data-testid="trace-event"][data-action="record"]');
    expect(await record.textContent()).toContain('系统');
    expect(await record.textContent()).toContain('系统据送达记录自动反馈');
    expect(await record.textContent()).toContain('吴刚·传票');
    // Completing is the initiator's.
    expect(await page.getByTestId('order-complete').count()).toBe(0);
    await shot(page, 'centre-day-fed-back');
    await page.context().close();
  });

  it('the clerk who initiated the order sees the feedback and completes it', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/work-orders/${orderId}`);
    await page.getByTestId('order-feedback-hint').waitFor();
    expect(await page.getByTestId('order-assignee').textContent()).toBe(centreName);
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
    await shot(page, 'centre-day-completed');
    await page.context().close();
  });

  it('ends the delivery to a deregistered company with the reason; the case card and drawer show it (also in English)', async () => {
    const [clerk, divhead, judge] = await Promise.all([apiSession('clerk'), apiSession('divhead'), apiSession('judge')]);
    const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
    const filed = await fileCivilCase(
      clerk,
      me.court.id,
      [
        { kind: 'person', role: 'plaintiff', name: '郑华', address: '长春市朝阳区西安大路8号' },
        { kind: 'organisation', role: 'defendant', name: '长春某某商贸有限公司', legalRepresentative: '李四' },
      ],
      { summary: '买卖合同货款未付' },
    );
    const second = await assignCaseTo<{ id: number }>(divhead, filed, judge.userId);
    const firm = (await clerk.get<{ parties: { id: number; name: string }[] }>(`/api/cases/${second.id}`)).parties.find(
      (p) => p.name === '长春某某商贸有限公司',
    ) as { id: number };
    await (await apiSession('centre')).post(`/api/cases/${second.id}/delivery-tasks`, { partyIds: [firm.id], documentKinds: ['summons'] });

    const page = await newPage(e2e);
    await signInThroughForm(page, 'centre', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${second.id}`);
    const card = page.getByTestId('case-delivery');
    await card.getByTestId('delivery-task-open').click();
    const drawer = page.getByTestId('delivery-task-detail');
    await drawer.getByTestId('delivery-end').click();
    const dialog = page.getByRole('dialog', { name: '终止送达' });
    await choose(page, dialog.getByTestId('end-reason'), '法人或其他组织已注销');
    await dialog.getByTestId('end-submit').click();
    // The grounds are required.
    await dialog.locator('.ant-form-item-explain-error').waitFor();
    await dialog.getByTestId('end-detail').fill('经查询国家企业信用信息公示系统，该公司已于2026-10-08注销登记');
    await page.waitForTimeout(300);
    await shot(page, 'centre-day-end-dialog');
    await dialog.getByTestId('end-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const ended = drawer.getByTestId('delivery-ended');
    await ended.waitFor();
    expect(await ended.textContent()).toContain('已终止送达：法人或其他组织已注销');
    expect(await drawer.getByTestId('delivery-attempt-form').count()).toBe(0);
    expect(await drawer.getByTestId('delivery-end').count()).toBe(0);
    await page.waitForTimeout(300);
    await shot(page, 'centre-day-ended');
    await page.keyboard.press('Escape');
    expect(await card.getByTestId('delivery-status').textContent()).toBe('终止送达');
    expect(await card.getByTestId('delivery-total').textContent()).toBe('共 1 项，已送达 0 项，终止送达 1 项');
    // Nobody served: the delivery node stays for the judge to decide.
    expect(await page.getByTestId('node-delivery').getAttribute('data-status')).toBe('active');
    await page.context().close();

    const en = await newPage(e2e, 'en');
    await en.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(en, 'centre', 'Demo@2026');
    await en.getByTestId('workbench').waitFor();
    await en.goto(`/cases/${second.id}`);
    await en.getByTestId('case-delivery').getByTestId('delivery-task-open').click();
    const alert = en.getByTestId('delivery-ended');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Delivery ended: The organisation is deregistered');
    expect(await en.getByTestId('delivery-total').textContent()).toBe('Tasks: 1 · served: 0 · ended as undeliverable: 1');
    await en.waitForTimeout(300);
    await shot(en, 'centre-day-ended-en');
    await en.context().close();
  });
});

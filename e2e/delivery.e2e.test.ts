/**
 * Service of documents (送达): the clerk of 吉0102 opens a case just assigned (its current node is
 * 送达), generates a delivery task for the defendant, records a failed postal attempt (查无此人) and
 * sees the suggested next step, serves the summons directly, uploads a photo of the signed proof
 * (a renamed text file is refused by content), downloads the 送达回证, and sees the delivery node
 * done. The parties' address confirmations and the hotline's call log live in the same card.
 */

import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessionOf, assignCaseTo, type E2E, fileCivilCase, newPage, pickTitle, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

interface CaseFacts {
  id: number;
  caseNumber: string;
  version: number;
  currentNode: string;
}

/** The browser tests' database holds the organisation only: the clerk files a case and the division head assigns it. */
async function assignedCase(): Promise<CaseFacts> {
  const [clerk, divhead, judge] = await Promise.all([apiSession('clerk'), apiSession('divhead'), apiSession('judge')]);
  const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  const judgeId = (await judge.get<{ id: number }>('/api/auth/me')).id;
  const filed = await fileCivilCase<CaseFacts>(clerk, me.court.id, [
    { kind: 'person', role: 'plaintiff', name: '周明', address: '长春市朝阳区人民大街1号' },
    { kind: 'person', role: 'defendant', name: '吴刚', address: '长春市南关区自由大路2号' },
  ]);
  return assignCaseTo<CaseFacts>(divhead, filed, judgeId);
}

// A 1×1 PNG (signature, IHDR, IDAT, IEND): what a phone photo of the proof looks like to the server's sniffing.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function choose(page: Page, select: Locator, title: string) {
  await select.click();
  await pickTitle(page, title);
}

let kase: CaseFacts;

beforeAll(async () => {
  e2e = await startE2E();
  kase = await assignedCase();
  expect(kase.currentNode).toBe('delivery');
});
afterAll(() => e2e?.close());

describe('serve the summons', () => {
  it('generates a task, follows the suggestion after a failed post, serves directly, keeps evidence and prints the proof', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${kase.id}`);
    const card = page.getByTestId('case-delivery');
    await card.getByText('本案尚无送达任务').waitFor();
    expect(await page.getByTestId('node-delivery').getAttribute('data-status')).toBe('active');

    // 生成送达任务: the summons to the defendant.
    await card.getByTestId('delivery-create').click();
    const create = page.getByRole('dialog', { name: '生成送达任务' });
    await create.getByText('吴刚（被告）').click();
    await create.getByText('传票', { exact: true }).click();
    await shot(page, 'delivery-create');
    await create.getByTestId('delivery-create-submit').click();
    await create.waitFor({ state: 'hidden' });
    const row = card.getByTestId('delivery-task');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('传票');
    expect(await row.getByTestId('delivery-status').textContent()).toBe('待送达');
    expect(await card.getByTestId('delivery-party').getAttribute('data-party')).toBe('吴刚');
    await shot(page, 'delivery-card');

    // The drawer: the filing's address, and the first step suggested: post it.
    await row.getByTestId('delivery-task-open').click();
    const drawer = page.getByTestId('delivery-task-detail');
    await drawer.waitFor();
    expect(await drawer.getByTestId('delivery-addresses').textContent()).toContain('长春市南关区自由大路2号');
    await expect.poll(() => drawer.getByTestId('delivery-suggestion').getAttribute('data-method')).toBe('postal');

    // A postal attempt returned 查无此人: the next step is a public announcement.
    const form = drawer.getByTestId('delivery-attempt-form');
    await choose(page, form.getByTestId('attempt-method'), '邮寄送达');
    await choose(page, form.getByTestId('attempt-outcome'), '查无此人');
    await form.getByTestId('attempt-tracking').fill('EA123456789CN');
    await form.getByTestId('attempt-submit').click();
    await expect.poll(() => drawer.getByTestId('delivery-attempt').count()).toBe(1);
    const suggestion = drawer.getByTestId('delivery-suggestion');
    await expect.poll(() => suggestion.getAttribute('data-method')).toBe('announcement');
    expect(await suggestion.textContent()).toContain('地址不详或查无此人，可公告送达');
    expect(await drawer.getByTestId('delivery-attempt').textContent()).toContain('单号 EA123456789CN');
    await page.waitForTimeout(300);
    await shot(page, 'delivery-suggestion');

    // Served in person: the task is served today.
    await choose(page, form.getByTestId('attempt-method'), '直接送达');
    await choose(page, form.getByTestId('attempt-outcome'), '成功');
    await form.getByTestId('attempt-note').fill('受送达人在单位签收');
    await form.getByTestId('attempt-submit').click();
    await expect.poll(() => drawer.getByTestId('delivery-attempt').count()).toBe(2);
    await drawer.getByText(/^已于 \d{4}-\d{2}-\d{2} 送达（直接送达）$/).waitFor();
    expect(await drawer.getByTestId('delivery-attempt-form').count()).toBe(0);

    // Evidence on the successful attempt (newest first): a PNG is kept, a text file named .jpg is refused.
    const served = drawer.locator('[data-testid="delivery-attempt"][data-outcome="success"]');
    const input = served.locator('input[type="file"]');
    await input.setInputFiles({ name: '送达回证.png', mimeType: 'image/png', buffer: PNG });
    await served.getByTestId('delivery-evidence-link').waitFor();
    await input.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
    await expect
      .poll(() => served.getByTestId('delivery-evidence-error').textContent())
      .toBe('文件内容不是 JPEG、PNG 或 PDF，或与声明的类型不符');
    await page.waitForTimeout(300);
    await shot(page, 'delivery-drawer-served');

    // 送达回证 as a DOCX download.
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('delivery-proof').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    // Every task served: the case's delivery node is done.
    await page.keyboard.press('Escape');
    await expect.poll(() => card.getByTestId('delivery-status').textContent()).toBe('已送达');
    await expect.poll(() => page.getByTestId('node-delivery').getAttribute('data-status')).toBe('done');
    await shot(page, 'delivery-node-done');
    await page.context().close();
  });

  it('records an address confirmation and a hotline call for the case', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'centre', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${kase.id}`);
    const card = page.getByTestId('case-delivery');

    await card.getByTestId('delivery-tab-addresses').click();
    await card.getByTestId('confirmation-add').click();
    const dialog = page.getByRole('dialog', { name: '新增送达地址确认书' });
    await choose(page, dialog.getByTestId('confirmation-party'), '周明（原告）');
    await dialog.getByTestId('confirmation-address').fill('长春市朝阳区人民大街1号3单元');
    await dialog.getByTestId('confirmation-phone').fill('13800000000');
    await dialog.getByTestId('confirmation-email').fill('not-an-email');
    await dialog.getByTestId('confirmation-submit').click();
    // The server refuses the e-mail address on its field.
    const emailField = dialog.locator('.ant-form-item').filter({ has: page.getByTestId('confirmation-email') });
    await emailField.locator('.ant-form-item-explain-error').waitFor();
    await dialog.getByTestId('confirmation-email').fill('zhouming@example.com');
    await dialog.getByTestId('confirmation-electronic').fill('13800000000');
    await dialog.getByTestId('confirmation-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    const confirmations = card.getByTestId('delivery-confirmations');
    await confirmations.getByText('长春市朝阳区人民大街1号3单元').waitFor();
    await shot(page, 'delivery-confirmations');

    await card.getByTestId('delivery-tab-hotline').click();
    await card.getByTestId('call-add').click();
    const call = page.getByRole('dialog', { name: '登记送达热线通话' });
    await choose(page, call.getByTestId('call-party'), '吴刚（被告）');
    await choose(page, call.getByTestId('call-outcome'), '约定回电');
    await call.getByTestId('call-follow-up').fill('被告称明日到庭领取判决书');
    await call.getByTestId('call-submit').click();
    await call.waitFor({ state: 'hidden' });
    const hotline = card.getByTestId('delivery-hotline');
    await hotline.getByText('被告称明日到庭领取判决书').waitFor();
    expect(await hotline.getByTestId('delivery-calls-total').textContent()).toBe('共 1 条，已显示 1 条');
    await shot(page, 'delivery-hotline');
    await page.context().close();
  });
});

/**
 * Assisted delivery through the grassroots network (issue 5): the clerk of 吉0102 opens a delivery
 * task and gives it to the demo assistant (协助送达, with the system's suggestions); the assistant
 * signs in on a phone (375×812), lands on 我的任务, accepts, loses the connection, reports the
 * delivery with a photo — the report waits on the phone as 待发送 — and when the connection
 * returns it is sent, once. The clerk confirms, and the case's delivery card shows the attempt
 * (协助送达, by the assistant, the photo kept as evidence).
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessionOf, assignCaseTo, type E2E, fileCivilCase, newPage, pickOption, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);

interface Ctx {
  caseId: number;
  deliveryTaskId: number;
  assistantId: number;
  assistantName: string;
  /** The assistant's user account: their reports wait on the phone under it. */
  assistantUserId: number;
  address: string;
}
let ctx: Ctx;

/** A case assigned to a judge of 吉0102, with a summons to deliver to a defendant living where the demo assistant's station is. */
async function prepare(): Promise<Ctx> {
  const [clerk, divhead, judge, admin, grassroots] = await Promise.all([
    apiSession('clerk'),
    apiSession('divhead'),
    apiSession('judge'),
    apiSession('admin', 'Admin@2026'),
    apiSession('grassroots'),
  ]);
  const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  const assistantUser = await grassroots.get<{ id: number; displayName: string; court: { id: number } }>('/api/auth/me');
  const found = await admin.get<{ items: { id: number; name: string; stations: { id: number }[] }[] }>(
    `/api/network/assistants?courtId=${assistantUser.court.id}&q=${encodeURIComponent(assistantUser.displayName)}`,
  );
  const assistant = found.items[0];
  const station = await admin.get<{ address: string }>(`/api/network/stations/${assistant.stations[0].id}`);
  const address = `${station.address}东侧12号`;
  const judgeId = (await judge.get<{ id: number }>('/api/auth/me')).id;
  const filed = await fileCivilCase(clerk, me.court.id, [
    { kind: 'person', role: 'plaintiff', name: '周明', address: '长春市朝阳区人民大街1号' },
    { kind: 'person', role: 'defendant', name: '孙立', address },
  ]);
  await assignCaseTo(divhead, filed, judgeId, '指定承办');
  const k = await clerk.get<{ parties: { id: number; name: string }[] }>(`/api/cases/${filed.id}`);
  const defendant = k.parties.find((p) => p.name === '孙立') as { id: number };
  const tasks = await clerk.post<{ items: { id: number }[] }>(`/api/cases/${filed.id}/delivery-tasks`, {
    partyIds: [defendant.id],
    documentKinds: ['summons'],
  });
  return {
    caseId: filed.id,
    deliveryTaskId: tasks.items[0].id,
    assistantId: assistant.id,
    assistantName: assistant.name,
    assistantUserId: assistantUser.id,
    address,
  };
}

/** Every tap target on the phone page is at least 44 px high (links and buttons the assistant uses). */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('main button, main a, main .ant-radio-button-wrapper, header button')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height > 0 && box.height < 44)
      .map(({ el, box }) => `${(el.textContent ?? '').trim() || el.getAttribute('aria-label')}: ${Math.round(box.height)}px`),
  );
}

const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

beforeAll(async () => {
  e2e = await startE2E();
  ctx = await prepare();
});
afterAll(() => e2e?.close());

describe('assisted delivery on the phone, offline', () => {
  let taskId: number;

  it('the clerk gives the delivery task to the suggested assistant', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${ctx.caseId}`);
    const card = page.getByTestId('case-delivery');
    const drawer = page.getByTestId('delivery-task-detail');
    // The card loads its tasks after the case: open the drawer once the row is there (again if a re-render swallowed the click).
    await expect
      .poll(
        async () => {
          if (!(await drawer.isVisible())) await card.getByTestId('delivery-task-open').click();
          return drawer.isVisible();
        },
        { timeout: 30_000, interval: 2_000 },
      )
      .toBe(true);
    await drawer.getByTestId('delivery-assist').click();
    const dialog = page.getByRole('dialog', { name: '协助送达 · 孙立' });
    await dialog.getByTestId(`suggestion-${ctx.assistantId}`).waitFor();
    expect(await dialog.getByTestId('assign-suggestions').textContent()).toContain(ctx.address);
    const reasons = await dialog.getByTestId(`suggestion-${ctx.assistantId}`).textContent();
    expect(reasons).toMatch(/地址含|属收件人所在的/);
    await dialog.getByTestId('assign-assistant').click();
    await pickOption(page, ctx.assistantName);
    expect(await dialog.getByTestId('assign-title').inputValue()).toBe('协助送达传票');
    await shot(page, 'network-tasks-assign');
    await dialog.getByTestId('assign-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();

    const clerk = await apiSession('clerk');
    const list = await clerk.get<{ items: { id: number; status: string; assistantId: number }[] }>(
      `/api/network/tasks?deliveryTaskId=${ctx.deliveryTaskId}`,
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'assigned', assistantId: ctx.assistantId });
    taskId = list.items[0].id;
  });

  it('the assistant accepts on the phone, reports offline, and the report is sent once when back online', async () => {
    const context = await e2e.browser.newContext({
      baseURL: e2e.base,
      locale: 'zh-CN',
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await signInThroughForm(page, 'grassroots', 'Demo@2026');
    // Only the assistant role: straight to 我的任务.
    await page.waitForURL('**/m/tasks');
    const card = page.getByTestId(`mobile-task-${taskId}`);
    await card.waitFor();
    expect(await card.textContent()).toContain('孙立');
    expect(await card.textContent()).toContain('待接收');
    expect(await overflows(page)).toBe(false);
    await shot(page, 'network-tasks-phone-list');

    await card.click();
    const task = page.getByTestId('mobile-task');
    await task.waitFor();
    expect(await task.textContent()).toContain(ctx.address);
    expect(await task.textContent()).toContain('传票');
    expect(await smallTapTargets(page)).toEqual([]);
    await shot(page, 'network-tasks-phone-task');
    await page.getByTestId('task-accept').click();
    await page.getByTestId('task-report').waitFor();

    // The connection goes: the report is written and kept on the phone.
    await context.setOffline(true);
    await page.getByTestId('mobile-offline').waitFor();
    await page.getByTestId('task-report').click();
    const form = page.getByTestId('report-form');
    await form.getByTestId('choice-success').click();
    await form.getByTestId('report-note').fill('本人当面签收');
    // A "camera photo" of 2400×1800: the phone keeps it as a JPEG of at most 1600 px.
    const photo = Buffer.from(
      await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 2400;
        canvas.height = 1800;
        const g = canvas.getContext('2d') as CanvasRenderingContext2D;
        g.fillStyle = '#e6f4ff';
        g.fillRect(0, 0, 2400, 1800);
        g.fillStyle = '#a8071a';
        g.fillRect(300, 300, 1800, 1200);
        g.fillStyle = '#fff';
        g.font = 'bold 220px sans-serif';
        g.fillText('送达回证', 560, 1000);
        return canvas.toDataURL('image/png').split(',')[1];
      }),
      'base64',
    );
    await page.getByTestId('report-photo-input').setInputFiles({ name: 'IMG_0001.png', mimeType: 'image/png', buffer: photo });
    await form.locator('.ant-image img').first().waitFor();
    expect(await overflows(page)).toBe(false);
    expect(await smallTapTargets(page)).toEqual([]);
    await shot(page, 'network-tasks-phone-report');
    await form.getByTestId('report-submit').click();
    await page.getByTestId('task-pending').waitFor();
    expect(await page.getByTestId('task-pending').textContent()).toBe('待发送');
    expect(await page.getByTestId('mobile-pending').textContent()).toContain('1 份反馈待发送');
    await shot(page, 'network-tasks-phone-waiting');
    const clerk = await apiSession('clerk');
    expect((await clerk.get<{ status: string }>(`/api/network/tasks/${taskId}`)).status).toBe('accepted');
    // Kept with its photo, as data, under its key.
    const kept = await page.evaluate(
      (userId) => JSON.parse(localStorage.getItem(`courtassist.network.pending-reports.v2.${userId}`) ?? '[]'),
      ctx.assistantUserId,
    );
    expect(kept).toHaveLength(1);
    expect(kept[0].body.photos[0].type).toBe('image/jpeg');
    const size = await page.evaluate(
      (data) =>
        new Promise<number[]>((resolve) => {
          const img = new Image();
          img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
          img.src = `data:image/jpeg;base64,${data}`;
        }),
      kept[0].body.photos[0].data as string,
    );
    expect(size).toEqual([1600, 1200]);
    expect(kept[0].body.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    // Back online: sent by the online event, once.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('task-pending').count(), { timeout: 20_000 }).toBe(0);
    await page.getByText('已反馈，等待法院确认').waitFor();
    await page.getByTestId('report-content').waitFor();
    await shot(page, 'network-tasks-phone-sent');
    const reported = await clerk.get<{ status: string; trace: { action: string }[]; report: { photos: unknown[] } }>(
      `/api/network/tasks/${taskId}`,
    );
    expect(reported.status).toBe('reported');
    expect(reported.trace.filter((e) => e.action === 'report')).toHaveLength(1);
    expect(reported.report.photos).toHaveLength(1);
    // A reload retries whatever waits: nothing does, nothing is sent again.
    await page.reload();
    await page.getByTestId('mobile-task').waitFor();
    await page.waitForTimeout(500);
    const again = await clerk.get<{ version: number; trace: { action: string }[] }>(`/api/network/tasks/${taskId}`);
    expect(again.trace.filter((e) => e.action === 'report')).toHaveLength(1);
    await page.goto('/m/tasks?view=done');
    await page.getByTestId(`mobile-task-${taskId}`).waitFor();
    await shot(page, 'network-tasks-phone-done');
    // The same in English: short labels, nothing wider than the screen.
    await page.getByText('English', { exact: true }).click();
    // The demo assistant's earlier work (seeded) and this task: the tab counts them all.
    const { done } = await (await apiSession('grassroots')).get<{ done: number }>('/api/my/network-tasks?view=done');
    expect(done).toBeGreaterThan(1);
    await page.getByText(`Done ${done}`).waitFor();
    expect(await page.getByTestId(`mobile-task-${taskId}`).textContent()).toContain('Assisted delivery · Summons');
    expect(await overflows(page)).toBe(false);
    await shot(page, 'network-tasks-phone-done-en');
    await context.close();
  });

  it('the clerk confirms, and the case’s delivery card shows the assisted attempt', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/network/tasks?task=${taskId}`);
    await page.getByTestId('task-confirm').click();
    await page.getByTestId('task-action-ok').click();
    await page.getByTestId('task-attempt').waitFor();
    await page.getByRole('dialog', { name: '确认反馈' }).waitFor({ state: 'hidden' });
    expect(await page.getByTestId('task-trace').textContent()).toContain('确认');
    await shot(page, 'network-tasks-court-confirmed');
    await page.keyboard.press('Escape');
    await page.getByTestId('tasks-table').waitFor();
    await shot(page, 'network-tasks-court-list');

    await page.goto(`/cases/${ctx.caseId}`);
    const card = page.getByTestId('case-delivery');
    await expect.poll(() => card.getByTestId('delivery-status').textContent()).toBe('已送达');
    await card.getByTestId('delivery-task-open').click();
    const attempt = page.getByTestId('delivery-task-detail').getByTestId('delivery-attempt');
    await expect.poll(() => attempt.count()).toBe(1);
    const text = await attempt.textContent();
    expect(text).toContain('协助送达');
    expect(text).toContain(ctx.assistantName);
    await page.getByTestId('delivery-task-detail').getByTestId('delivery-evidence-link').waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'network-tasks-delivery-attempt');
    await page.context().close();
  });
});

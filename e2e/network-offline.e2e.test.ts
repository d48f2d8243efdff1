/**
 * The assistant's phone pages without a connection (issue 5): the demo assistant opens 我的任务
 * on a 375-px phone while online (the service worker takes over the /m/ pages), loses the
 * connection, and reloads: the page still opens, with the tasks and an "离线 · 显示 HH:mm 的数据"
 * banner. A task opens offline, a report is written and waits on the phone — through another
 * reload — and is sent once when the connection returns, when the list shows fresh data (a task
 * given meanwhile) and the banner goes. At sign-out the kept task data leaves the phone: offline,
 * the pages then show nobody's tasks. The court's pages are never under the worker.
 */

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiSessionOf,
  assignCaseTo,
  chinaToday,
  type E2E,
  fileCivilCase,
  shot,
  signInThroughForm,
  startE2E,
} from './harness.js';

let e2e: E2E;
let judge: ApiClient;
let grassroots: ApiClient;
let assistantId: number;
let caseId: number;

const inDays = (days: number) => new Date(Date.parse(chinaToday()) + days * 86_400_000).toISOString().slice(0, 10);

/** A mediation task the judge gives the demo assistant. */
async function giveTask(title: string): Promise<number> {
  const made = await judge.post<{ id: number }>('/api/network/tasks', { kind: 'mediation', assistantId, caseId, title, dueOn: inDays(5) });
  return made.id;
}

/** The API answers the page's caches hold (what a phone keeps of the parties' data). */
const keptApiUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) {
        const url = new URL(request.url);
        if (url.pathname.startsWith('/api/')) urls.push(url.pathname + url.search);
      }
    }
    return urls.sort();
  });

/** True once every built asset the page has loaded is in the worker's shell cache (the page can then open offline). */
const assetsKept = (page: Page) =>
  page.evaluate(async () => {
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname.startsWith('/assets/'));
    const names = await caches.keys();
    const shell = names.find((n) => n.startsWith('courtassist-m-shell-'));
    if (!shell || loaded.length === 0) return false;
    const cache = await caches.open(shell);
    for (const url of loaded) if (!(await cache.match(url.href))) return false;
    return true;
  });

beforeAll(async () => {
  e2e = await startE2E();
  [judge, grassroots] = await Promise.all([apiSessionOf(e2e.app, 'judge'), apiSessionOf(e2e.app, 'grassroots')]);
  const me = await grassroots.get<{ displayName: string; court: { id: number } }>('/api/auth/me');
  const admin = await apiSessionOf(e2e.app, 'admin', 'Admin@2026');
  const found = await admin.get<{ items: { id: number }[] }>(
    `/api/network/assistants?courtId=${me.court.id}&q=${encodeURIComponent(me.displayName)}`,
  );
  assistantId = found.items[0].id;
  // A case of the judge's, for the mediation tasks.
  const [clerk, divhead] = await Promise.all([apiSessionOf(e2e.app, 'clerk'), apiSessionOf(e2e.app, 'divhead')]);
  const court = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  const filed = await fileCivilCase(clerk, court.court.id, [
    { kind: 'person', role: 'plaintiff', name: '周明', address: '长春市朝阳区人民大街1号' },
    { kind: 'person', role: 'defendant', name: '孙立', address: '长春市南关区幸福镇' },
  ]);
  await assignCaseTo(divhead, filed, judge.userId, '指定承办');
  caseId = filed.id;
});
afterAll(() => e2e?.close());

describe('the phone pages without a connection', () => {
  let context: BrowserContext;
  let page: Page;
  let taskId: number;
  let laterId: number;

  it('serves the worker as JavaScript that is always checked for a new version, and only for the phone pages', async () => {
    context = await e2e.browser.newContext({
      baseURL: e2e.base,
      locale: 'zh-CN',
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    page = await context.newPage();
    const script = await page.request.get('/m-sw.js');
    expect(script.status()).toBe(200);
    expect(script.headers()['content-type']).toMatch(/javascript/);
    expect(script.headers()['cache-control']).toBe('no-cache');
    expect(await script.text()).toContain("addEventListener('fetch'");
    // The SPA fallback still answers the phone's pages with the app, and a missing script is not the app.
    expect((await page.request.get('/m/tasks')).headers()['content-type']).toMatch(/text\/html/);
    expect((await page.request.get('/m-sw-missing.js')).headers()['content-type']).toMatch(/text\/html/);
  });

  it('opens 我的任务 offline after a reload, with the tasks and the time of the data, and a task too', async () => {
    taskId = await giveTask('参与调解：离线测试');
    await grassroots.post(`/api/my/network-tasks/${taskId}/accept`, { version: 1 });

    await signInThroughForm(page, 'grassroots', 'Demo@2026');
    await page.waitForURL('**/m/tasks');
    await page.getByTestId(`mobile-task-${taskId}`).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    // The worker controls /m/ only: the court's pages are never under it.
    const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
    expect(scopes).toEqual([`${e2e.base}/m/`]);
    // Once in control it has kept the list, who is signed in, each task to do, and the code of the pages.
    await expect
      .poll(() => keptApiUrls(page), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['/api/auth/me', '/api/my/network-tasks?view=todo&limit=20', `/api/my/network-tasks/${taskId}`]));
    await expect.poll(() => assetsKept(page), { timeout: 20_000 }).toBe(true);
    // Nothing else of the API is kept.
    for (const url of await keptApiUrls(page)) expect(url).toMatch(/^\/api\/(auth\/me$|my\/network-tasks(\/\d+)?(\?|$))/);
    expect(await page.getByTestId('mobile-offline').count()).toBe(0);

    await context.setOffline(true);
    await page.reload();
    const card = page.getByTestId(`mobile-task-${taskId}`);
    await card.waitFor();
    expect(await card.textContent()).toContain('参与调解：离线测试');
    const banner = page.getByTestId('mobile-offline-data');
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^离线 · 显示 \d{2}:\d{2} 的数据$/);
    expect(await page.getByTestId('mobile-offline').textContent()).toContain('反馈将保存在手机上');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).toBe(false);
    await shot(page, 'network-offline-list');

    // Meanwhile the court gives another task: the phone cannot know yet.
    laterId = await giveTask('参与调解：联网后才看到');
    await page.getByTestId('mobile-tabs').waitFor();
    expect(await page.getByTestId(`mobile-task-${laterId}`).count()).toBe(0);

    await card.click();
    const task = page.getByTestId('mobile-task');
    await task.waitFor();
    expect(await task.textContent()).toContain('参与调解：离线测试');
    await page.getByTestId('mobile-offline-data').waitFor();
    await shot(page, 'network-offline-task');
  });

  it('keeps a report written offline through a reload and sends it once when the connection returns; the data is fresh again', async () => {
    await page.getByTestId('task-report').click();
    const form = page.getByTestId('report-form');
    await form.getByTestId('choice-settled').click();
    await form.getByTestId('report-note').fill('双方当场达成还款协议');
    await form.getByTestId('report-submit').click();
    await page.getByTestId('task-pending').waitFor();

    // Closed and opened again offline: the report still waits, on the task and in the bar.
    await page.reload();
    await page.getByTestId('mobile-task').waitFor();
    await page.getByTestId('task-pending').waitFor();
    expect(await page.getByTestId('mobile-pending').textContent()).toContain('1 份反馈待发送');
    await page.getByTestId('mobile-offline-data').waitFor();
    await shot(page, 'network-offline-pending');
    expect((await judge.get<{ status: string }>(`/api/network/tasks/${taskId}`)).status).toBe('accepted');

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('task-pending').count(), { timeout: 20_000 }).toBe(0);
    await page.getByText('已反馈，等待法院确认').waitFor();
    const reported = await judge.get<{ status: string; trace: { action: string }[] }>(`/api/network/tasks/${taskId}`);
    expect(reported.status).toBe('reported');
    expect(reported.trace.filter((e) => e.action === 'report')).toHaveLength(1);
    await expect.poll(() => page.getByTestId('mobile-offline').count(), { timeout: 20_000 }).toBe(0);

    await page.getByTestId('mobile-tab-tasks').click();
    await page.getByTestId(`mobile-task-${laterId}`).waitFor();
    expect(await page.getByTestId('mobile-offline').count()).toBe(0);
    await shot(page, 'network-offline-back-online');
  });

  it('forgets what was kept for someone else when another person opens the pages on the phone', async () => {
    // What a previous person (another user id) left on this phone.
    await page.evaluate(async () => {
      const cache = await caches.open('courtassist-m-data-v1');
      const json = { 'content-type': 'application/json' };
      await cache.put('/api/auth/me', new Response(JSON.stringify({ id: -1, displayName: '别人' }), { headers: json }));
      await cache.put('/api/my/network-tasks/999999', new Response(JSON.stringify({ id: 999999, title: '别人的任务' }), { headers: json }));
    });
    expect(await keptApiUrls(page)).toContain('/api/my/network-tasks/999999');
    await page.reload();
    await page.getByTestId(`mobile-task-${laterId}`).waitFor();
    await expect.poll(() => keptApiUrls(page)).not.toContain('/api/my/network-tasks/999999');
    await expect.poll(() => keptApiUrls(page)).toContain(`/api/my/network-tasks/${laterId}`);
  });

  it('forgets the kept task data at sign-out: offline, the pages then show nobody’s tasks', async () => {
    expect(await keptApiUrls(page)).toContain(`/api/my/network-tasks/${laterId}`);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL('**/login');
    expect(await keptApiUrls(page)).toEqual([]);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

    await context.setOffline(true);
    await page.goto('/m/tasks');
    // The app shell opens (it holds no one's data), but who was signed in and their tasks are gone.
    await page.getByText('无法获取登录状态').waitFor();
    expect(await page.getByTestId(`mobile-task-${taskId}`).count()).toBe(0);
    expect(await page.getByTestId('mobile-layout').count()).toBe(0);
    await shot(page, 'network-offline-signed-out');
    await context.close();
  });
});

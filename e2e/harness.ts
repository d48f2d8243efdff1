/**
 * Browser-test harness: the real app (API + built web app) on a free port with a fresh, seeded
 * in-memory database, and Debian's Chromium driven by playwright-core. Never downloads a browser.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CSRF_HEADER } from '@courtassist/contracts';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../apps/api/src/app.js';
import { type AppConfig, loadConfig } from '../apps/api/src/platform/config.js';
import { seedDemo } from '../apps/api/src/seed/index.js';
import { createTestDatabase } from '../apps/api/test/harness.js';

export const root = resolve(import.meta.dirname, '..');
// E2E_WEB_DIST lets two builds side by side (say, two people testing different pages) use their own output.
const webDist = process.env.E2E_WEB_DIST ?? join(root, 'apps', 'web', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = join(root, 'test-results', 'screenshots');

export interface E2E {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** `config` overrides the app's configuration (e.g. a local SMS gateway the test starts). */
export async function startE2E(options: { config?: Partial<AppConfig> } = {}): Promise<E2E> {
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('Build the web app first (npm run build).');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const app = await buildApp(loadConfig({}, { webDist, loginRateLimitPerMinute: 1000, logLevel: 'warn', ...options.config }), {
    database,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // As root in a container: no sandbox; and no calls home, which this machine's network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      await database.dispose();
    },
  };
}

export async function newPage(e2e: E2E, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Page> {
  const context = await e2e.browser.newContext({ baseURL: e2e.base, locale, viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

export async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** The option lists of antd selects that are open (or still fading out). */
const openLists = (page: Page) => page.locator('.ant-select-dropdown:visible');

/**
 * Clicks an option of the open select and waits until its list has gone. A click landing while
 * the list is still animating in can be lost, and a list still fading out swallows the next click
 * elsewhere on the page (a CI run failed on that), so the click is repeated while the list stays.
 */
async function clickOption(page: Page, item: Locator): Promise<void> {
  await item.click();
  for (let retry = 0; retry < 3; retry++) {
    await page.waitForTimeout(300);
    if ((await openLists(page).count()) === 0) return;
    if (await item.isVisible()) await item.click({ timeout: 5_000 }).catch(() => undefined);
  }
  await expect.poll(() => openLists(page).count(), { timeout: 10_000 }).toBe(0);
}

/** Picks the first option of the open select whose text contains `text`. */
export async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  await clickOption(page, openLists(page).locator('.ant-select-item-option').filter({ hasText: text }).first());
}

/** Picks the option of the open select whose title is exactly `title`. */
export async function pickTitle(page: Page, title: string): Promise<void> {
  await clickOption(page, openLists(page).getByTitle(title, { exact: true }).first());
}

/** Today in China Standard Time, as the API's dates of law are. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Opens a group of the side menu when closed (not every group starts open), and a page in it. */
export async function openMenu(page: Page, group: string, item: string): Promise<void> {
  const nav = page.getByRole('navigation');
  const link = nav.getByRole('link', { name: item, exact: true });
  if (!(await link.isVisible())) await nav.getByText(group, { exact: true }).click();
  await link.click();
}

/** A signed-in account talking to the API directly: the tests' set-up, not what they check. */
export interface ApiClient {
  userId: number;
  get<T>(url: string): Promise<T>;
  post<T>(url: string, body?: unknown): Promise<T>;
  put<T>(url: string, body?: unknown): Promise<T>;
  patch<T>(url: string, body?: unknown): Promise<T>;
}

/** Signs a demo account in through the API itself; any answer that is not 2xx throws with its body. */
export async function apiSessionOf(app: FastifyInstance, username: string, password = 'Demo@2026'): Promise<ApiClient> {
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (login.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const headers = { cookie, [CSRF_HEADER]: login.json().csrfToken as string };
  const call = async <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const response = await app.inject({ method, url, headers, payload: payload as Record<string, unknown> | undefined });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as T;
  };
  return {
    userId: login.json().user.id as number,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body),
    put: (url, body) => call('PUT', url, body),
    patch: (url, body) => call('PATCH', url, body),
  };
}

/** A party of a case filed for a test's set-up (the filing API's party shape, loosely). */
export type TestParty = { kind: 'person' | 'organisation'; role: string; name: string } & Record<string, unknown>;

/**
 * Files the journeys' usual case through the API: 民初, simple procedure, a loan dispute
 * (C04.10.103.03), filed today unless `filedOn` says otherwise. Answers the filed case.
 */
export function fileCivilCase<T extends { id: number; version: number } = { id: number; version: number }>(
  clerk: ApiClient,
  courtId: number,
  parties: TestParty[],
  options: { summary?: string; filedOn?: string } = {},
): Promise<T> {
  return clerk.post<T>('/api/cases', {
    courtId,
    caseTypeCode: '民初',
    procedureCode: 'civil-first-simple',
    causeCode: 'C04.10.103.03',
    filedOn: options.filedOn ?? chinaToday(),
    summary: options.summary ?? '借款到期未还',
    parties,
  });
}

/** Assigns a filed case to a judge by hand, as a division head does; answers the assigned case. */
export function assignCaseTo<T = { id: number; version: number }>(
  divhead: ApiClient,
  filed: { id: number; version: number },
  judgeId: number,
  reason = '按专业分工指定承办',
): Promise<T> {
  return divhead.post<T>(`/api/cases/${filed.id}/assign`, { mode: 'manual', judgeId, reason, version: filed.version });
}

/**
 * Confirms the open Popconfirm and waits until it has gone. The OK button is clicked once its
 * zoom-in has ended: a click during the animation can be lost, as a CI run showed.
 */
export async function confirmPopover(page: Page): Promise<void> {
  const ok = page.locator('.ant-popconfirm:visible .ant-popconfirm-buttons .ant-btn-primary');
  await ok.waitFor();
  await page.waitForTimeout(300);
  await ok.click();
  await expect.poll(() => page.locator('.ant-popconfirm:visible').count(), { timeout: 10_000 }).toBe(0);
}

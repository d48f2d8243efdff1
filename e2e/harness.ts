/**
 * Browser-test harness: the real app (API + built web app) on a free port with a fresh, seeded
 * in-memory database, and Debian's Chromium driven by playwright-core. Never downloads a browser.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../apps/api/src/app.js';
import { loadConfig } from '../apps/api/src/platform/config.js';
import { seedDemo } from '../apps/api/src/seed/index.js';
import { createTestDatabase } from '../apps/api/test/harness.js';

export const root = resolve(import.meta.dirname, '..');
const webDist = join(root, 'apps', 'web', 'dist');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = join(root, 'test-results', 'screenshots');

export interface E2E {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('Build the web app first (npm run build).');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const database = await createTestDatabase();
  await seedDemo(database.db);
  const app = await buildApp(loadConfig({}, { webDist, loginRateLimitPerMinute: 1000, logLevel: 'warn' }), { database, logger: false });
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

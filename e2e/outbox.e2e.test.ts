/**
 * An administrator's look at the outbox (消息发送队列): without an SMS gateway or a mail server
 * both channels use the development channel, which the page says; the dead-letter badge counts
 * the dead letter; the administrator filters to it, reads it in full in the drawer and sends it
 * again, after which it is sent (through the development channel) and the badge shows none.
 * Then the same page in English.
 */
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMessage } from '../apps/api/src/modules/notifications/index.js';
import { rows } from '../apps/api/src/platform/db.js';
import { type E2E, newPage, openMenu, pickOption, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
let deadId: number;
let waitingId: number;
let sentId: number;

const DEAD_TEXT = '【南关区人民法院】张三：您的案件（2026）吉0102民初123号的开庭传票已发出，请登录诉讼服务平台查收。';

/** Waits until the drawer has slid fully in (its right edge at the window's), for a clean screenshot. */
async function drawerIn(page: Page) {
  const panel = page.locator('.ant-drawer-content-wrapper');
  await expect
    .poll(async () => {
      const box = await panel.boundingBox();
      return box ? Math.round(box.x + box.width) : -1;
    })
    .toBe(1440);
}

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.app.database.db;
  const [court] = await rows<{ id: number }>(db, sql`SELECT id FROM courts WHERE code = '吉0102'`);
  // One message sent through the development channel.
  sentId = await db.transaction((tx) =>
    queueMessage(tx, {
      channel: 'mail',
      to: 'lisi@example.cn',
      subject: '（2026）吉0102民初123号 举证通知书',
      text: '李四：请于收到本通知之日起十五日内提交证据。',
      kind: 'delivery.electronic',
      entityType: 'delivery-task',
      entityId: 7,
      courtId: court.id,
    }),
  );
  await e2e.app.messages.run();
  // A dead letter and a message waiting for its retry, recorded as the sender leaves them.
  [deadId, waitingId] = await db.transaction(async (tx) => {
    const dead = await queueMessage(tx, {
      channel: 'sms',
      to: '13812345678',
      text: DEAD_TEXT,
      kind: 'delivery.electronic',
      courtId: court.id,
    });
    const waiting = await queueMessage(tx, {
      channel: 'sms',
      to: '13987654321',
      text: '【南关区人民法院】王五：请于2026-12-01到庭。',
      kind: 'delivery.electronic',
      courtId: court.id,
    });
    await tx.execute(
      sql`UPDATE outbox SET status = 'dead', attempts = 5, last_error = 'SMS gateway HTTP 503: {"error":"号码暂停服务"}' WHERE id = ${dead}`,
    );
    await tx.execute(
      sql`UPDATE outbox SET attempts = 2, last_error = 'SMS gateway: no answer within 10000 ms', next_attempt_at = now() + interval '5 minutes' WHERE id = ${waiting}`,
    );
    return [dead, waiting];
  });
});
afterAll(() => e2e?.close());

describe('the outbox page', () => {
  it('lists the messages, shows the dead letter in full and sends it again', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await openMenu(page, '组织机构', '消息发送队列');
    await page.getByTestId('page-outbox').waitFor();

    const table = page.getByTestId('outbox-table');
    await table.locator(`tr[data-message-id="${deadId}"]`).waitFor();
    expect(await page.getByTestId('outbox-development').textContent()).toContain('开发通道，未实际发出');
    await expect.poll(() => page.getByTestId('outbox-dead-count').locator('.ant-scroll-number').getAttribute('title')).toBe('1');
    const sent = table.locator(`tr[data-message-id="${sentId}"]`);
    expect(await sent.getAttribute('data-status')).toBe('sent');
    expect(await sent.getByTestId('outbox-development-tag').textContent()).toBe('开发通道，未实际发出');
    const waiting = table.locator(`tr[data-message-id="${waitingId}"]`);
    expect(await waiting.getByTestId('outbox-status-tag').textContent()).toBe('待发送');
    expect(await waiting.textContent()).toContain('2 / 5 次');
    expect(await waiting.textContent()).toContain('SMS gateway: no answer within 10000 ms');
    // Moments as 2026-11-21 08:00:00.
    expect(await waiting.textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(await page.locator('.ant-pagination-total-text').textContent()).toMatch(/^共 \d+ 条$/);
    await shot(page, 'outbox-list-zh');

    // Only the dead letters.
    await page.getByTestId('outbox-status').click();
    await pickOption(page, '发送失败（死信）');
    await expect.poll(() => table.locator('tr[data-message-id]').count()).toBe(1);
    const dead = table.locator(`tr[data-message-id="${deadId}"]`);
    expect(await dead.getByTestId('outbox-status-tag').textContent()).toBe('发送失败（死信）');
    expect(await dead.textContent()).toContain('5 / 5 次');

    // The drawer: the whole text, the last error, and "send again".
    await dead.getByTestId('outbox-view').click();
    const drawer = page.getByTestId('outbox-drawer');
    await drawer.getByTestId('outbox-drawer-text').waitFor();
    expect(await drawer.getByTestId('outbox-drawer-text').textContent()).toBe(DEAD_TEXT);
    expect(await drawer.textContent()).toContain('SMS gateway HTTP 503: {"error":"号码暂停服务"}');
    await drawerIn(page);
    await shot(page, 'outbox-drawer-dead-zh');
    await page.getByTestId('outbox-drawer-retry').click();
    // Sent right after the commit (development channel here): the drawer follows the message.
    await expect.poll(() => drawer.getByTestId('outbox-status-tag').textContent(), { timeout: 10_000 }).toBe('已发送');
    expect(await drawer.getByTestId('outbox-development-tag').textContent()).toBe('开发通道，未实际发出');
    expect(await drawer.textContent()).toContain('1 / 5 次');
    await shot(page, 'outbox-drawer-sent-zh');
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => page.getByTestId('outbox-dead-count').locator('.ant-scroll-number').getAttribute('title')).toBe('0');
    await expect.poll(() => table.locator('tr[data-message-id]').count()).toBe(0);

    const [row] = await rows<{ status: string }>(e2e.app.database.db, sql`SELECT status FROM outbox WHERE id = ${deadId}`);
    expect(row.status).toBe('sent');
    const [audit] = await rows<{ n: number }>(
      e2e.app.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'outbox-message' AND entity_id = ${String(deadId)} AND action = 'retry'`,
    );
    expect(audit.n).toBe(1);
  });

  it('reads in English', async () => {
    const page = await newPage(e2e, 'en');
    await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto('/admin/outbox');
    await page.getByTestId('page-outbox').waitFor();
    await page.getByTestId('outbox-table').locator(`tr[data-message-id="${waitingId}"]`).waitFor();
    expect(await page.getByRole('heading', { name: 'Outbox' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('outbox-development').textContent()).toContain('development channel, not actually sent');
    const waiting = page.getByTestId('outbox-table').locator(`tr[data-message-id="${waitingId}"]`);
    expect(await waiting.getByTestId('outbox-status-tag').textContent()).toBe('Pending');
    expect(await waiting.textContent()).toContain('2 of 5');
    await waiting.getByTestId('outbox-view').click();
    await page.getByTestId('outbox-drawer-text').waitFor();
    expect(await page.getByTestId('outbox-drawer').textContent()).toContain('Next attempt');
    await drawerIn(page);
    await shot(page, 'outbox-drawer-en');
    await page.locator('.ant-drawer-close').click();
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count()).toBe(0);
    await shot(page, 'outbox-list-en');
  });

  it('is not offered to a judge', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    expect(await page.getByRole('navigation').getByRole('link', { name: '消息发送队列' }).count()).toBe(0);
    await page.goto('/admin/outbox');
    await expect.poll(() => page.getByTestId('page-outbox').count()).toBe(0);
  });
});

/**
 * The grassroots assistance network: the administrator of 吉0102 looks at the network's
 * composition, creates a liaison station, registers an assistant with two categories at that
 * station, opens the profile (phone and identity card number in full for a manager; masked in the
 * list) and sees the composition change. The same pages in English. A grassroots assistant finds
 * no network menu.
 */
import { makeIdCard } from '@courtassist/contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, newPage, pickTitle, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 180_000);

afterAll(async () => {
  await e2e?.close();
});

async function activeTotal(page: Page): Promise<number> {
  const total = page.getByTestId('composition-total').locator('.ant-statistic-content-value');
  await expect.poll(async () => (await total.textContent()) ?? '', { timeout: 15_000 }).toMatch(/^\d/);
  return Number(((await total.textContent()) ?? '').replace(/,/g, ''));
}

describe('assistance network', () => {
  it('creates a station, registers an assistant with two categories and sees the composition change (zh-CN)', async () => {
    const page = await newPage(e2e, 'zh-CN');
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByRole('menuitem', { name: '队伍结构' }).click();
    await expect.poll(() => page.getByTestId('network-composition-page').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('composition-pie').waitFor();
    const before = await activeTotal(page);
    expect(before).toBeGreaterThan(5);
    await shot(page, 'network-composition-before-zh');

    // A new station in the court's tree.
    await page.getByRole('menuitem', { name: '联络站' }).click();
    await page.getByTestId('station-tree').waitFor();
    await shot(page, 'network-stations-zh');
    await page.getByTestId('station-add').click();
    await page.getByTestId('station-kind').click();
    await pickTitle(page, '法官工作室');
    await page.getByTestId('station-name').fill('桂林街道法官工作室（测试）');
    await page.getByTestId('station-address').fill('南关区桂林街道综治中心三楼');
    await page.getByTestId('station-save').click();
    const detail = page.getByTestId('station-detail');
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toContain('桂林街道法官工作室（测试）');
    await expect.poll(() => detail.textContent()).toContain('法官工作室');

    // From the station to its (empty) list of assistants, and a new one there.
    await detail.getByRole('button', { name: /查看协助员/ }).click();
    await page.getByTestId('network-assistants-page').waitFor();
    await expect.poll(() => page.getByTestId('assistant-list-total').textContent()).toContain('共 0 人');
    await page.getByTestId('assistant-add').click();
    const idNumber = makeIdCard('220102', '19790823', '456');
    await page.getByTestId('assistant-name').fill('韩立新');
    await page.getByTestId('assistant-phone').fill('13904315678');
    await page.getByTestId('assistant-id-number').fill(idNumber);
    await page.getByTestId('assistant-name').click();
    const form = page.getByTestId('assistant-form');
    await form.getByRole('checkbox', { name: /网格员/ }).check();
    await form.getByRole('checkbox', { name: /特邀调解员/ }).check();
    await expect.poll(() => form.textContent()).toContain('桂林街道法官工作室（测试）');
    await shot(page, 'network-assistant-form-zh');
    await page.getByTestId('assistant-save').click();
    await expect.poll(() => page.getByTestId('assistant-list-total').textContent(), { timeout: 15_000 }).toContain('共 1 人');
    const table = page.getByTestId('assistant-table');
    await expect.poll(() => table.textContent()).toContain('139****5678');
    await expect.poll(() => table.textContent()).toContain(`2201**********${idNumber.slice(-4)}`);
    await expect.poll(() => table.textContent()).toContain('网格员');
    await expect.poll(() => table.textContent()).toContain('特邀调解员');
    await expect.poll(() => page.locator('.ant-drawer-content-wrapper:visible').count(), { timeout: 10_000 }).toBe(0);
    await shot(page, 'network-assistants-zh');

    // The profile: the manager sees the numbers in full, and the birth date taken from the card.
    await table.getByRole('link', { name: '韩立新' }).click();
    const person = page.getByTestId('profile-person');
    await expect.poll(() => person.textContent(), { timeout: 15_000 }).toContain(idNumber);
    await expect.poll(() => person.textContent()).toContain('1979-08-23');
    await expect.poll(() => person.textContent()).toContain('13904315678');
    await expect.poll(() => page.getByTestId('profile-history').textContent()).toContain('登记为 在岗');
    await shot(page, 'network-profile-zh');

    // The composition counts one more active assistant.
    await page.getByRole('menuitem', { name: '队伍结构' }).click();
    await page.getByTestId('composition-pie').waitFor();
    await expect.poll(() => activeTotal(page), { timeout: 15_000 }).toBe(before + 1);
    await shot(page, 'network-composition-after-zh');
    await page.context().close();
  }, 180_000);

  it('shows the same pages in English, and the warning on an official-heavy court', async () => {
    const page = await newPage(e2e, 'en');
    await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(page, 'admin', 'Admin@2026');
    await page.getByRole('menuitem', { name: 'Composition' }).click();
    await page.getByTestId('composition-pie').waitFor();
    // The province administrator sees every court: the demo's official-heavy court shows in the bars.
    await page.getByTestId('composition-shares').waitFor();
    await shot(page, 'network-composition-en');
    // A station made of officials only shows the warning.
    const all = await page.evaluate(
      async () => (await (await fetch('/api/network/composition')).json()).stations as { id: number; warning: boolean }[],
    );
    const heavy = all.find((station) => station.warning) as { id: number };
    await page.goto(`/network/composition?stationId=${heavy.id}`);
    await expect.poll(() => page.getByTestId('composition-warning').textContent(), { timeout: 15_000 }).toMatch(/above 70%/);
    await shot(page, 'network-composition-warning-en');
    await page.getByRole('menuitem', { name: 'Assistants' }).click();
    await page.getByTestId('assistant-table').waitFor();
    await expect.poll(() => page.getByTestId('assistant-list-total').textContent(), { timeout: 15_000 }).toMatch(/in total/);
    await shot(page, 'network-assistants-en');
    // The province court has no stations of its own: a tribunal's tree.
    const courts = await page.evaluate(async () => (await (await fetch('/api/courts')).json()).items as { id: number; name: string }[]);
    const tribunal = courts.find((c) => c.name.endsWith('幸福人民法庭')) as { id: number };
    await page.goto(`/network/stations?courtId=${tribunal.id}`);
    await page.getByTestId('station-tree').waitFor();
    await page.getByTestId('station-tree').locator('.ant-tree-node-content-wrapper').first().click();
    await expect.poll(() => page.getByTestId('station-detail').textContent()).toContain('Liaison station');
    await shot(page, 'network-stations-en');
    await page.getByRole('menuitem', { name: 'Training' }).click();
    await page.getByTestId('network-training-page').waitFor();
    await shot(page, 'network-training-en');
    await page.getByRole('menuitem', { name: 'Volunteer recruitment' }).click();
    await page.getByTestId('network-recruitment-page').waitFor();
    await shot(page, 'network-recruitment-en');
    await page.context().close();
  }, 180_000);

  it('lists the villages a station serves as tags: a bad name is named on the form, the list shows on the station', async () => {
    const page = await newPage(e2e, 'zh-CN');
    await signInThroughForm(page, 'courtadmin', 'Demo@2026');
    await page.getByRole('menuitem', { name: '联络站' }).click();
    await page.getByTestId('station-tree').waitFor();
    await page.getByTestId('station-add').click();
    await page.getByTestId('station-name').fill('柳条沟乡司法协助联络站（测试）');
    await page.getByTestId('station-address').fill('柳条沟乡人民政府');
    const areas = page.getByTestId('station-area-input');
    await areas.click();
    // Commas and 、 separate names; a repeat is kept once; a one-character name is refused by name.
    await page.keyboard.type('北岗子村，南岗子村、北岗子村，村，');
    await expect.poll(() => areas.locator('.ant-select-selection-item').allTextContents()).toEqual(['北岗子村', '南岗子村', '村']);
    await page.getByTestId('station-save').click();
    const form = page.getByTestId('station-form');
    await expect.poll(() => form.textContent()).toContain('“村”：区域名称须为 2–40 个字');
    await shot(page, 'network-station-areas-invalid-zh');
    await areas.locator('.ant-select-selection-item').filter({ hasText: /^村$/ }).locator('.ant-select-selection-item-remove').click();
    await page.getByTestId('station-save').click();
    const detail = page.getByTestId('station-detail');
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toContain('柳条沟乡司法协助联络站（测试）');
    await expect.poll(() => page.getByTestId('station-area-names').locator('.ant-tag').allTextContents()).toEqual(['北岗子村', '南岗子村']);
    await shot(page, 'network-station-areas-zh');
    // Editing keeps the list and adds to it (Enter ends a name too).
    await page.getByTestId('station-edit').click();
    await expect.poll(() => areas.locator('.ant-select-selection-item').allTextContents()).toEqual(['北岗子村', '南岗子村']);
    await areas.click();
    await page.keyboard.type('柳条沟村');
    await page.keyboard.press('Enter');
    await page.getByTestId('station-save').click();
    await expect
      .poll(() => page.getByTestId('station-area-names').locator('.ant-tag').allTextContents(), { timeout: 15_000 })
      .toEqual(['北岗子村', '南岗子村', '柳条沟村']);
    await page.context().close();
  }, 120_000);

  it('a grassroots assistant has no network menu and no network page', async () => {
    const page = await newPage(e2e, 'zh-CN');
    await signInThroughForm(page, 'grassroots', 'Demo@2026');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('menuitem', { name: '司法协助员' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '队伍结构' }).count()).toBe(0);
    await page.goto('/network/assistants');
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('network-assistants-page').count()).toBe(0);
    await shot(page, 'network-grassroots-refused-zh');
    await page.context().close();
  }, 60_000);
});

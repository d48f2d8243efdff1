/**
 * User journeys of the platform: sign in, the workbench, the language switch, a page refused
 * without permission, an administrator's work leaving a trace, and sign-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2E, newPage, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('a judge', () => {
  it('is refused with a clear message on a wrong password', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Wrong-pass1');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('signs in, sees their workbench, switches to English and back, is refused the roles page, and signs out', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Demo@2026');
    const workbench = page.getByTestId('workbench');
    await workbench.waitFor();
    // Their own court and their real team, from the database.
    await expect.poll(() => page.getByTestId('header-court').textContent()).toContain('长春市南关区人民法院');
    await expect.poll(() => workbench.textContent()).toContain('民事审判第一庭第1审判团队');
    expect(await page.getByRole('heading', { name: '我的工作台' }).count()).toBeGreaterThan(0);
    await shot(page, 'journey-judge-workbench-zh');

    // The menu offers only what the judge may use.
    const menu = page.getByRole('navigation');
    expect(await menu.textContent()).not.toContain('角色与权限');
    expect(await menu.textContent()).not.toContain('审计留痕');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-en').click();
    await page.getByRole('heading', { name: 'My workbench' }).first().waitFor();
    expect(await menu.textContent()).toContain('My workbench');
    await shot(page, 'journey-judge-workbench-en');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('lang-zh').click();
    await page.getByRole('heading', { name: '我的工作台' }).first().waitFor();

    await page.goto('/admin/roles');
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').textContent()).toContain('无权访问');
    await shot(page, 'journey-judge-forbidden');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    // The session is gone on the server too: a protected page sends us back to sign in.
    await page.goto('/');
    await page.getByTestId('login-username').waitFor();
    await page.context().close();
  });
});

describe('an administrator', () => {
  it('finds users with a total, creates a department, and sees it in the audit trail', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'admin', 'Admin@2026');
    await page.getByTestId('workbench').waitFor();

    await page.goto('/admin/users');
    await page.getByTestId('page-users').waitFor();
    await expect.poll(() => page.getByTestId('page-users').textContent()).toMatch(/共 \d{3} 条/);
    await page.getByTestId('user-search').fill('kuancheng');
    await page.getByTestId('user-search').press('Enter');
    await expect.poll(() => page.getByTestId('page-users').textContent()).toContain('长春市宽城区人民法院');
    await shot(page, 'journey-admin-users');

    await page.goto('/admin/departments');
    await page.getByTestId('page-departments').waitFor();
    await page.getByTestId('department-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // antd selects are comboboxes: type to filter, Enter to pick.
    const [court, kind] = [dialog.getByRole('combobox').nth(0), dialog.getByRole('combobox').nth(1)];
    await court.click();
    await court.fill('吉林省高级');
    await page.getByTitle('吉林省高级人民法院').first().click();
    await dialog.getByLabel('部门名称').fill('司法技术辅助室');
    await kind.click();
    await kind.fill('综合');
    await kind.press('Enter');
    await shot(page, 'journey-admin-department-form');
    await dialog.getByRole('button', { name: /确\s*定|保\s*存|新\s*增/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto('/audit');
    await page.getByTestId('page-audit').waitFor();
    await expect.poll(() => page.getByTestId('page-audit').textContent()).toMatch(/新增.*部门 #\d+/);
    await shot(page, 'journey-admin-audit');
    await page.context().close();
  });
});

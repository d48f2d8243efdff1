/**
 * Hearing announcements (开庭公告): a public hearing booked five days ahead is announced today and
 * listed for every court user, with the formal text of the announcement; a hearing in camera is
 * not; the page reads in English too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, courtId, type FiledCase, fileAndAssign, simpleCase, today } from '../apps/api/test/deadlines-fixtures.js';
import { ADMIN_PASSWORD, signIn } from '../apps/api/test/harness.js';
import { type E2E, newPage, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
let open: FiledCase;
let closed: FiledCase;
const day = addDays(today(), 5);
const person = (role: string, name: string) => ({ kind: 'person', role, name });

beforeAll(async () => {
  e2e = await startE2E();
  const admin = await signIn(e2e.app, 'admin', ADMIN_PASSWORD);
  const [clerk, divhead, judge] = await Promise.all([signIn(e2e.app, 'clerk'), signIn(e2e.app, 'divhead'), signIn(e2e.app, 'judge')]);
  const court = await courtId(admin, '吉0102');
  const body = (plaintiff: string, defendant: string) => ({
    ...simpleCase(court, addDays(today(), -3)),
    parties: [person('plaintiff', plaintiff), person('defendant', defendant)],
  });
  open = await fileAndAssign(clerk, divhead, body('孙丽', '钱伟'), judge.userId);
  closed = await fileAndAssign(clerk, divhead, body('冯敏', '陈杰'), judge.userId);
  const rooms = (await clerk.get(`/api/courtrooms?courtId=${court}`)).json().items as { id: number; name: string }[];
  const room = rooms[0].id;
  const book = (caseId: number, from: string, to: string, isPublic: boolean) =>
    clerk.post('/api/hearings', {
      caseId,
      courtroomId: room,
      startsAt: `${day}T${from}:00+08:00`,
      endsAt: `${day}T${to}:00+08:00`,
      kind: 'first',
      isPublic,
    });
  expect((await book(open.id, '09:00', '10:00', true)).statusCode).toBe(201);
  expect((await book(closed.id, '10:00', '11:00', false)).statusCode).toBe(201);
});
afterAll(() => e2e?.close());

describe('hearing announcements (开庭公告)', () => {
  it('lists the public hearing with its formal text, and not the one in camera', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'judge', 'Demo@2026');
    await page.getByRole('navigation').getByRole('link', { name: '开庭公告' }).click();
    const table = page.getByTestId('announcement-table');
    await table.getByText(open.caseNumber).waitFor();
    await expect.poll(() => table.getByText(closed.caseNumber).count()).toBe(0);
    const row = table.locator('tr', { hasText: open.caseNumber });
    await expect.poll(() => row.textContent()).toContain('原告孙丽、被告钱伟');
    await expect.poll(() => row.textContent()).toContain(today());
    await row.getByRole('button').first().click();
    const text = page.getByText(/^本院定于.*特此公告。$/);
    await text.waitFor();
    expect(await text.textContent()).toContain(`本院定于${day} 09:00`);
    expect(await text.textContent()).toContain('原告孙丽、被告钱伟民间借贷纠纷一案');
    await shot(page, 'announcements');

    await page.evaluate(() => localStorage.setItem('ca.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Hearing announcements' }).waitFor();
    await page.getByTestId('announcement-table').getByText(open.caseNumber).waitFor();
    await shot(page, 'announcements-en');
    await page.close();
  });
});

/**
 * Hearing scheduling (排期): the clerk of a judge's team books a public hearing of case A from the
 * case page (after a date too close for the announcement rule is refused on the date field), and
 * finds it in the case's 庭审 card and in the court's week. Case B of the same judge is then
 * refused in the same room at an overlapping time (the clash names case A, nothing is written),
 * refused in another room (the judge and the clerk are busy), and booked at a free hour. Hearing A
 * is moved from the week's drawer and hearing B cancelled with a reason.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, courtId, type FiledCase, fileAndAssign, simpleCase, today } from '../apps/api/test/deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, signIn } from '../apps/api/test/harness.js';
import { type E2E, newPage, pickOption, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
let clerk: Client;
let judgeName = '';
let clerkName = '';
let caseA: FiledCase;
let caseB: FiledCase;
/** Five days ahead: three full days between today's announcement and the hearing, and one to spare. */
const day = addDays(today(), 5);
const ROOM_1 = '第一法庭（法庭）';
const ROOM_2 = '第二法庭（法庭）';
const ANNOUNCEMENT_RULE = '公开审理的案件应在开庭三日前公告';

interface HearingRow {
  id: number;
  caseId: number;
  status: string;
  startsAt: string;
}

const person = (role: string, name: string) => ({ kind: 'person', role, name });

beforeAll(async () => {
  e2e = await startE2E();
  const admin = await signIn(e2e.app, 'admin', ADMIN_PASSWORD);
  const [divhead, judge] = await Promise.all([signIn(e2e.app, 'divhead'), signIn(e2e.app, 'judge')]);
  clerk = await signIn(e2e.app, 'clerk');
  judgeName = (await judge.get('/api/auth/me')).json().displayName;
  clerkName = (await clerk.get('/api/auth/me')).json().displayName;
  const court = await courtId(admin, '吉0102');
  const filed = (plaintiff: string, defendant: string) => ({
    ...simpleCase(court, addDays(today(), -10)),
    parties: [person('plaintiff', plaintiff), person('defendant', defendant)],
  });
  caseA = await fileAndAssign(clerk, divhead, filed('周明', '吴刚'), judge.userId);
  caseB = await fileAndAssign(clerk, divhead, filed('郑华', '王强'), judge.userId);
  // Both cases went to the judge's team: the same clerk records both.
  expect(caseA.clerkId).toBe(clerk.userId);
  expect(caseB.clerkId).toBe(clerk.userId);
});
afterAll(() => e2e?.close());

/** The hearings booked (or cancelled) of the two cases, straight from the API, in the order they were booked. */
async function booked(): Promise<HearingRow[]> {
  const response = await clerk.get(`/api/hearings?from=${today()}&to=${addDays(today(), 30)}&includeCancelled=true`);
  expect(response.statusCode, response.body).toBe(200);
  const items = response.json().items as HearingRow[];
  return items.filter((h) => h.caseId === caseA.id || h.caseId === caseB.id).sort((a, b) => a.id - b.id);
}

async function chooseRoom(page: Page, room: string) {
  await page.getByTestId('schedule-room').click();
  await pickOption(page, room);
}

/** Finds an open case by the end of its number in the dialog's case picker. */
async function pickCase(page: Page, caseNumber: string) {
  const picker = page.getByRole('dialog').getByTestId('schedule-case');
  await picker.click();
  await picker.locator('input').fill(caseNumber.slice(-6));
  await pickOption(page, caseNumber);
}

/** The picker puts the test id on its input. */
const pickerInput = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Types into an antd date or time picker and leaves it. */
async function typeInto(page: Page, testId: string, value: string) {
  const input = pickerInput(page, testId);
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await expect.poll(() => input.inputValue()).toBe(value);
}

async function setSlot(page: Page, date: string, start: string, end: string) {
  await typeInto(page, 'schedule-date', date);
  await typeInto(page, 'schedule-start', start);
  await typeInto(page, 'schedule-end', end);
}

const fieldOf = (page: Page, testId: string) =>
  page
    .getByRole('dialog')
    .locator('.ant-form-item')
    .filter({ has: page.locator(`[data-testid="${testId}"]`) });

/** Lets the message's or alert's entry animation finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(400);

describe('schedule a hearing with a conflict refused', () => {
  it('the clerk schedules case A from the case page; a public hearing tomorrow is refused on the date', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${caseA.id}`);
    const card = page.getByTestId('case-hearings');
    await card.getByText('该期间内没有庭审').waitFor();

    await card.getByTestId('case-hearing-schedule').click();
    const dialog = page.getByRole('dialog', { name: `排期：${caseA.caseNumber}` });
    await dialog.waitFor();
    await dialog.getByTestId('schedule-case-summary').getByText(judgeName).waitFor();
    // The case's clerk and every party come ready; the announcement rule names the earliest day.
    expect(await dialog.getByTestId('schedule-clerk').textContent()).toContain(clerkName);
    expect(await dialog.getByRole('checkbox', { name: '原告 周明' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: '被告 吴刚' }).isChecked()).toBe(true);
    expect(await dialog.getByTestId('schedule-public-hint').textContent()).toContain(`最早可于 ${addDays(today(), 4)} 开庭`);

    await chooseRoom(page, ROOM_1);
    await setSlot(page, addDays(today(), 1), '09:00', '10:00');
    await dialog.getByTestId('schedule-submit').click();
    await fieldOf(page, 'schedule-date').getByText(ANNOUNCEMENT_RULE).waitFor();
    await settle(page);
    await shot(page, 'hearings-1-announcement-too-late');
    expect(await booked()).toEqual([]);

    await typeInto(page, 'schedule-date', day);
    await shot(page, 'hearings-2-schedule-case-a');
    await dialog.getByTestId('schedule-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已排期：${caseA.caseNumber}，${day} 09:00–10:00，第一法庭`).waitFor();

    const [hearing] = await booked();
    const item = card.getByTestId(`case-hearing-${hearing.id}`);
    await item.waitFor();
    expect(await item.textContent()).toContain(`${day} 09:00–10:00`);
    expect(await item.getByTestId('hearing-status').textContent()).toBe('已排期');
    await settle(page);
    await shot(page, 'hearings-3-case-card');

    await page.goto(`/hearings?week=${day}`);
    await page.getByTestId(`hearing-${hearing.id}`).waitFor();
    await expect.poll(() => page.getByTestId('hearings-total').textContent()).toContain('共 1 场庭审');
    await shot(page, 'hearings-4-week');
    await page.context().close();
  });

  it('case B clashes with case A in the same room, then with the judge and clerk in another; a free hour is booked', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/hearings?week=${day}`);
    const [first] = await booked();
    await page.getByTestId(`hearing-${first.id}`).waitFor();

    await page.getByTestId('hearings-schedule').click();
    await page.getByRole('dialog', { name: '排期开庭' }).waitFor();
    await pickCase(page, caseB.caseNumber);
    // The dialog is now the case's.
    const dialog = page.getByRole('dialog', { name: `排期：${caseB.caseNumber}` });
    await dialog.getByRole('checkbox', { name: '原告 郑华' }).waitFor();

    // The same room, overlapping case A's hearing: every clash is named, nothing is written.
    await chooseRoom(page, ROOM_1);
    await setSlot(page, day, '09:30', '10:30');
    await dialog.getByTestId('schedule-submit').click();
    const conflicts = dialog.getByTestId('schedule-conflicts');
    await conflicts.waitFor();
    const roomLine = conflicts.getByTestId('conflict-room');
    expect(await roomLine.textContent()).toBe(`法庭已被占用：${caseA.caseNumber} ${day} 09:00–10:00，第一法庭`);
    expect(await roomLine.getByRole('link').getAttribute('href')).toBe(`/hearings?week=${day}&hearing=${first.id}`);
    expect(await conflicts.getByTestId('conflict-judge').textContent()).toContain(`承办法官已有庭审（${judgeName}）：${caseA.caseNumber}`);
    expect(await conflicts.getByTestId('conflict-clerk').textContent()).toContain(`书记员已有庭审（${clerkName}）：${caseA.caseNumber}`);
    await settle(page);
    await shot(page, 'hearings-5-room-conflict');
    expect((await booked()).map((h) => h.caseId)).toEqual([caseA.id]);
    expect(await page.getByTestId('hearings-total').textContent()).toContain('共 1 场庭审');

    // Another room at the same time: the room is free, the judge and the clerk are not.
    await chooseRoom(page, ROOM_2);
    await dialog.getByTestId('schedule-submit').click();
    await expect.poll(() => conflicts.getByTestId('conflict-room').count()).toBe(0);
    await conflicts.getByTestId('conflict-judge').waitFor();
    await conflicts.getByTestId('conflict-clerk').waitFor();
    await settle(page);
    await shot(page, 'hearings-6-people-conflict');
    expect((await booked()).map((h) => h.caseId)).toEqual([caseA.id]);

    // From 10:00, when case A's hearing ends: booked.
    await setSlot(page, day, '10:00', '11:00');
    await dialog.getByTestId('schedule-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已排期：${caseB.caseNumber}，${day} 10:00–11:00，第二法庭`).waitFor();
    await expect.poll(() => page.getByTestId('hearings-total').textContent()).toContain('共 2 场庭审');
    await settle(page);
    await shot(page, 'hearings-7-week-two');
    await page.context().close();
  });

  it('a room’s day in the week opens the dialog with that room and day', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/hearings?week=${day}`);
    const rooms = (await clerk.get(`/api/courtrooms?courtId=${(await clerk.get('/api/auth/me')).json().court.id}&active=true`)).json()
      .items as { id: number; name: string }[];
    const room2 = rooms.find((r) => r.name === '第二法庭') as { id: number };
    await page.getByTestId(`slot-${room2.id}-${day}`).click();
    await page.getByRole('dialog', { name: '排期开庭' }).waitFor();
    await pickCase(page, caseA.caseNumber);
    const dialog = page.getByRole('dialog', { name: `排期：${caseA.caseNumber}` });
    await dialog.getByTestId('schedule-room').getByText(ROOM_2).waitFor();
    expect(await pickerInput(page, 'schedule-date').inputValue()).toBe(day);
    await shot(page, 'hearings-8-slot');
    await page.context().close();
  });

  it('hearing A is moved from the drawer and hearing B cancelled with a reason', async () => {
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    const [first, second] = await booked();
    await page.goto(`/hearings?week=${day}&hearing=${first.id}`);
    const drawer = page.getByTestId('hearing-detail');
    await drawer.waitFor();
    // Its start has not come: it cannot be recorded as held yet.
    expect(await page.getByTestId('hearing-hold').count()).toBe(0);

    await page.getByTestId('hearing-reschedule').click();
    const dialog = page.getByRole('dialog', { name: `改期 / 换庭：${caseA.caseNumber}` });
    await dialog.waitFor();
    await dialog.getByText(`现定于 ${day} 09:00–10:00，第一法庭`).waitFor();
    await typeInto(page, 'schedule-start', '14:00');
    // The end follows a start moved past it.
    await expect
      .poll(() => dialog.locator('input[data-testid="schedule-end"], [data-testid="schedule-end"] input').first().inputValue())
      .toBe('15:00');
    await shot(page, 'hearings-9-reschedule');
    await dialog.getByTestId('schedule-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`已改期：${caseA.caseNumber}，${day} 14:00–15:00，第一法庭`).waitFor();
    await expect.poll(() => drawer.textContent()).toContain(`${day} 14:00–15:00`);

    await page.goto(`/hearings?week=${day}&hearing=${second.id}`);
    await page.getByTestId('hearing-detail').waitFor();
    await page.getByTestId('hearing-cancel').click();
    const cancel = page.getByRole('dialog', { name: `取消开庭：${caseB.caseNumber}` });
    await cancel.waitFor();
    await cancel.getByTestId('cancel-hearing-submit').click();
    await cancel.getByText('请填写取消原因（至少 2 个字）').waitFor();
    await cancel.getByTestId('cancel-hearing-reason').fill('被告申请延期开庭，经审查准许');
    await shot(page, 'hearings-10-cancel');
    await cancel.getByTestId('cancel-hearing-submit').click();
    await cancel.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('hearing-detail').getByTestId('hearing-status').textContent()).toBe('已取消');
    expect(await page.getByTestId('hearing-cancel').count()).toBe(0);
    await expect.poll(() => page.getByTestId('hearings-total').textContent()).toContain('共 1 场庭审');

    const after = await booked();
    expect(after.map((h) => [h.caseId, h.status])).toEqual([
      [caseA.id, 'scheduled'],
      [caseB.id, 'cancelled'],
    ]);

    // Case B's card keeps the cancelled hearing, struck through.
    await page.goto(`/cases/${caseB.id}`);
    const item = page.getByTestId(`case-hearing-${second.id}`);
    await item.waitFor();
    expect(await item.getByTestId('hearing-status').textContent()).toBe('已取消');
    await shot(page, 'hearings-11-case-b-cancelled');
    await page.context().close();
  });

  it('in English the clash reads in English', async () => {
    const page = await newPage(e2e, 'en');
    await page.addInitScript(() => localStorage.setItem('ca.lang', 'en'));
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${caseB.id}`);
    await page.getByTestId('case-hearing-schedule').click();
    const dialog = page.getByRole('dialog', { name: `Schedule a hearing: ${caseB.caseNumber}` });
    await dialog.waitFor();
    await dialog.getByRole('checkbox', { name: 'Plaintiff 郑华' }).waitFor();
    // Case A's hearing now sits 14:00–15:00 in the first room.
    await chooseRoom(page, '第一法庭（Courtroom）');
    await setSlot(page, day, '14:30', '15:30');
    await dialog.getByTestId('schedule-submit').click();
    const roomLine = dialog.getByTestId('conflict-room');
    await roomLine.waitFor();
    expect(await roomLine.textContent()).toBe(`The room is booked: ${caseA.caseNumber} ${day} 14:00–15:00, 第一法庭`);
    await dialog.getByText('Scheduling conflict, nothing saved').waitFor();
    await settle(page);
    await shot(page, 'hearings-12-conflict-en');
    await page.context().close();
  });

  it('once its start has come (by the browser clock), the hearing offers 登记已开庭; the server still checks the time', async () => {
    const page = await newPage(e2e);
    const [first] = await booked();
    // The browser believes it is an hour after case A's hearing began; the server knows better.
    await page.clock.install({ time: new Date(Date.parse(first.startsAt) + 3_600_000) });
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/hearings?week=${day}&hearing=${first.id}`);
    await page.getByTestId('hearing-detail').waitFor();
    await page.getByTestId('hearing-hold').click();
    const dialog = page.getByRole('dialog', { name: `登记已开庭：${caseA.caseNumber}` });
    await dialog.waitFor();
    await dialog.getByTestId('hold-hearing-note').fill('双方当事人均到庭，庭审结束');
    await dialog.getByTestId('hold-hearing-submit').click();
    await page.getByText('开庭时间未到，不能登记为已开庭').waitFor();
    await settle(page);
    await shot(page, 'hearings-13-hold-refused');
    expect((await booked()).find((h) => h.id === first.id)?.status).toBe('scheduled');
    await page.context().close();
  });
});

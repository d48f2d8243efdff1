/**
 * Electronic delivery (电子送达): the defendant confirmed a mobile number as the electronic address;
 * the clerk sends the summons by SMS from the task drawer, sees it "sent, awaiting result" while
 * the gateway refuses the first try, sees it served once the retry goes out, the recipient opens
 * the link from the SMS on a phone (no sign-in), and the clerk sees the read time.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSessionOf, assignCaseTo, type E2E, fileCivilCase, newPage, shot, signInThroughForm, startE2E } from './harness.js';

let e2e: E2E;
const apiSession = (username: string, password?: string) => apiSessionOf(e2e.app, username, password);
let gateway: Server;
// The local SMS gateway: refuses while `refusing`, keeps every SMS it is given.
const sms = { refusing: true, received: [] as { to: string; text: string }[] };
const PHONE = '13900001111';

interface CaseFacts {
  id: number;
  caseNumber: string;
  version: number;
  parties: { id: number; name: string }[];
}

/** A case filed and assigned; the defendant confirmed PHONE as the electronic address; the summons task exists. */
async function caseWithTask(): Promise<CaseFacts> {
  const [clerk, divhead, judge] = await Promise.all([apiSession('clerk'), apiSession('divhead'), apiSession('judge')]);
  const me = await clerk.get<{ court: { id: number } }>('/api/auth/me');
  const judgeId = (await judge.get<{ id: number }>('/api/auth/me')).id;
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const filed = await fileCivilCase<CaseFacts>(
    clerk,
    me.court.id,
    [
      { kind: 'person', role: 'plaintiff', name: '周明', address: '长春市朝阳区人民大街1号' },
      { kind: 'person', role: 'defendant', name: '吴刚', address: '长春市南关区自由大路2号' },
    ],
    { filedOn: today },
  );
  const assigned = await assignCaseTo<CaseFacts>(divhead, filed, judgeId);
  const wu = filed.parties.find((p) => p.name === '吴刚') as { id: number };
  await clerk.post(`/api/cases/${filed.id}/address-confirmations`, {
    partyId: wu.id,
    address: '长春市南关区自由大路2号',
    phone: PHONE,
    email: null,
    electronicAddress: PHONE,
    signedOn: today,
  });
  await clerk.post(`/api/cases/${filed.id}/delivery-tasks`, { partyIds: [wu.id], documentKinds: ['summons'] });
  return { ...assigned, parties: filed.parties };
}

beforeAll(async () => {
  gateway = createServer(async (req, res) => {
    let data = '';
    for await (const chunk of req) data += chunk;
    if (sms.refusing) {
      res.writeHead(503).end('gateway busy');
      return;
    }
    sms.received.push(JSON.parse(data));
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const port = (gateway.address() as AddressInfo).port;
  e2e = await startE2E({ config: { smsGatewayUrl: `http://127.0.0.1:${port}/send` } });
});
afterAll(async () => {
  await e2e?.close();
  await new Promise<void>((resolve) => gateway?.close(() => resolve()));
});

describe('electronic delivery', () => {
  it('sends the summons by SMS, waits for the result, is served, and the read link records the read time', async () => {
    const kase = await caseWithTask();
    const page = await newPage(e2e);
    await signInThroughForm(page, 'clerk', 'Demo@2026');
    await page.getByTestId('workbench').waitFor();
    await page.goto(`/cases/${kase.id}`);
    const card = page.getByTestId('case-delivery');
    const row = card.getByTestId('delivery-task');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('delivery-task-open').click();
    const drawer = page.getByTestId('delivery-task-detail');
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('delivery-suggestion').getAttribute('data-method')).toBe('electronic');

    // 电子送达: the confirmed number is filled in, and the dialog says it counts as served.
    await drawer.getByTestId('delivery-send-electronic').click();
    const dialog = page.getByRole('dialog', { name: '电子送达（短信 / 电子邮件）' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('electronic-address').inputValue()).toBe(PHONE);
    expect(await dialog.getByTestId('electronic-confirmed').getAttribute('data-confirmed')).toBe('true');
    // Another number would only be a notice.
    await dialog.getByTestId('electronic-address').fill('13900002222');
    await expect.poll(() => dialog.getByTestId('electronic-confirmed').getAttribute('data-confirmed')).toBe('false');
    expect(await dialog.getByTestId('electronic-confirmed').textContent()).toContain('不计为送达');
    await dialog.getByTestId('electronic-address').fill('1390000');
    await dialog.getByTestId('electronic-submit').click();
    await dialog.getByText('不是有效的手机号码').waitFor();
    await dialog.getByTestId('electronic-address').fill(PHONE);
    await page.waitForTimeout(300);
    await shot(page, 'delivery-electronic-dialog');
    await dialog.getByTestId('electronic-submit').click();
    await dialog.waitFor({ state: 'hidden' });

    // The gateway refused the first try: sent, awaiting the result; nothing is served yet.
    const send = drawer.getByTestId('delivery-electronic-send');
    await expect.poll(() => send.getAttribute('data-status')).toBe('awaiting');
    expect(await send.textContent()).toContain('已发送，待回执');
    expect(await send.textContent()).toContain(`发送至 ${PHONE}`);
    expect(await drawer.getByTestId('delivery-attempt').count()).toBe(0);
    expect(await drawer.getByTestId('delivery-send-electronic').isDisabled()).toBe(true);
    await page.waitForTimeout(300);
    await shot(page, 'delivery-electronic-awaiting');

    // The retry goes out: the task is served electronically (the drawer looks again by itself).
    sms.refusing = false;
    await e2e.app.messages.idle();
    await e2e.app.messages.run(new Date(Date.now() + 2 * 60_000));
    expect(sms.received).toHaveLength(1);
    expect(sms.received[0].text).toContain(kase.caseNumber);
    await drawer.getByText(/^已于 \d{4}-\d{2}-\d{2} 送达（电子送达）$/).waitFor({ timeout: 15_000 });
    const attempt = drawer.getByTestId('delivery-attempt');
    expect(await attempt.getAttribute('data-outcome')).toBe('success');
    expect(await drawer.getByTestId('delivery-electronic-send').count()).toBe(0);

    // The recipient opens the link from the SMS on a phone, without signing in.
    const link = (sms.received[0].text.match(/https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43}/) as RegExpMatchArray)[0];
    expect(link.startsWith(e2e.base)).toBe(true);
    const phone = await e2e.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true });
    const receipt = await phone.newPage();
    const opened = await receipt.goto(link);
    expect(opened?.status()).toBe(200);
    expect(await receipt.locator('[data-field="case"]').textContent()).toBe(kase.caseNumber);
    expect(await receipt.locator('[data-field="document"]').textContent()).toContain('传票');
    const readText = (await receipt.locator('[data-field="read"]').textContent()) as string;
    expect(readText).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await shot(receipt, 'delivery-electronic-read-page');
    const unknown = await receipt.goto(`${e2e.base}/r/${'A'.repeat(43)}`);
    expect(unknown?.status()).toBe(404);
    await receipt.getByText('链接无效').waitFor();
    await phone.close();

    // The clerk sees the read time on the attempt.
    await page.reload();
    await card.getByTestId('delivery-task-open').click();
    await drawer.waitFor();
    await expect.poll(() => drawer.getByTestId('delivery-attempt').textContent()).toMatch(/已阅 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    const clerk = await apiSession('clerk');
    const tasks = await clerk.get<{ items: { id: number }[] }>(`/api/delivery-tasks?caseId=${kase.id}`);
    const detail = await clerk.get<{ attempts: { readAt: string | null }[] }>(`/api/delivery-tasks/${tasks.items[0].id}`);
    // The read page showed the same moment in Beijing time.
    const readAt = detail.attempts[0].readAt as string;
    expect(new Date(new Date(readAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')).toBe(readText.slice(0, 16));
    await page.waitForTimeout(300);
    await shot(page, 'delivery-electronic-read');
    await page.context().close();
  });
});

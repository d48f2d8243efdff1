import { DELIVERY_DOCUMENT_KINDS, DELIVERY_DOCUMENT_NAMES, type DeliveryDocumentKind } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import {
  chinaMoment,
  electronicMessage,
  hashReadToken,
  isReadToken,
  newReadToken,
  readLink,
  readPageHtml,
  unknownLinkHtml,
} from './electronic.js';

describe('read token', () => {
  it('is 256 random bits in base64url, and never repeats', () => {
    const tokens = Array.from({ length: 2_000 }, newReadToken);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      expect(isReadToken(token)).toBe(true);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it.each([
    ['', false],
    ['abc', false],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    [`${'A'.repeat(42)}=`, false],
    [`${'A'.repeat(42)}/`, false],
    [`${'A'.repeat(42)}+`, false],
    ['A'.repeat(43), true],
    [`${'-_'.repeat(21)}z`, true],
  ])('%j is a token: %s', (value, ok) => {
    expect(isReadToken(value)).toBe(ok);
  });

  it('is stored as its SHA-256, a different hash for every token', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        expect(hashReadToken(a)).toMatch(/^[0-9a-f]{64}$/);
        expect(hashReadToken(a) === hashReadToken(b)).toBe(a === b);
      }),
    );
    expect(hashReadToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('read link', () => {
  it.each([
    ['https://court.example.cn', 'https://court.example.cn/r/T'],
    ['https://court.example.cn/', 'https://court.example.cn/r/T'],
    ['https://example.cn/courtassist//', 'https://example.cn/courtassist/r/T'],
    ['http://localhost:3000', 'http://localhost:3000/r/T'],
  ])('%s → %s', (base, link) => {
    expect(readLink(base, 'T')).toBe(link);
  });
});

const notice = (documentKind: DeliveryDocumentKind = 'summons') => ({
  courtName: '长春市南关区人民法院',
  caseNumber: '（2026）吉0102民初123号',
  documentKind,
  link: 'https://court.example.cn/r/AAAA',
});

describe('message text', () => {
  it.each(DELIVERY_DOCUMENT_KINDS)('names the court, the case number, the %s and the link, by SMS and by mail', (kind) => {
    const sms = electronicMessage('sms', notice(kind));
    expect(sms.subject).toBeUndefined();
    expect(sms.text).toBe(
      `【长春市南关区人民法院】您在（2026）吉0102民初123号案件中的${DELIVERY_DOCUMENT_NAMES[kind].zh}已向您电子送达，请点击链接查看：https://court.example.cn/r/AAAA`,
    );
    const mail = electronicMessage('mail', notice(kind));
    expect(mail.subject).toBe(`长春市南关区人民法院电子送达：（2026）吉0102民初123号 ${DELIVERY_DOCUMENT_NAMES[kind].zh}`);
    expect(mail.text.split('\n')[0]).toBe(sms.text);
    expect(mail.text).toContain(`the ${DELIVERY_DOCUMENT_NAMES[kind].en.toLowerCase()} in case （2026）吉0102民初123号`);
    expect(mail.text.match(/https:\/\/court\.example\.cn\/r\/AAAA/g)).toHaveLength(2);
  });

  it('keeps an SMS short enough for the outbox and a few segments', () => {
    const longest = Math.max(...DELIVERY_DOCUMENT_KINDS.map((k) => electronicMessage('sms', notice(k)).text.length));
    expect(longest).toBeLessThan(160);
  });
});

describe('read page', () => {
  it('shows the court, the case number, the document and the read time in China Standard Time, and nothing else', () => {
    const html = readPageHtml({ ...notice('judgment'), readAt: new Date('2026-11-21T06:05:09Z') });
    expect(html).toContain('<dd data-field="court">长春市南关区人民法院</dd>');
    expect(html).toContain('<dd data-field="case">（2026）吉0102民初123号</dd>');
    expect(html).toContain('判决书 · Judgment');
    expect(html).toContain('2026-11-21 14:05');
    expect(html).toContain('name="viewport"');
    expect(html).not.toContain('<script');
  });

  it('escapes what it shows', () => {
    const html = readPageHtml({ ...notice(), courtName: '<img src=x onerror=alert(1)>&"\'', readAt: new Date() });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
  });

  it('says an unknown link does not exist, in both languages', () => {
    expect(unknownLinkHtml()).toContain('链接无效');
    expect(unknownLinkHtml()).toContain('Link not found');
  });

  it.each([
    ['2026-11-21T15:59:59Z', '2026-11-21 23:59'],
    ['2026-11-21T16:00:00Z', '2026-11-22 00:00'],
    ['2026-12-31T16:30:00Z', '2027-01-01 00:30'],
  ])('%s is %s in Beijing', (utc, cst) => {
    expect(chinaMoment(new Date(utc))).toBe(cst);
  });
});

describe('PUBLIC_BASE_URL', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['https://court.example.cn', 'https://court.example.cn'],
    ['https://court.example.cn/', 'https://court.example.cn'],
    ['http://10.0.0.5:8080/courtassist/', 'http://10.0.0.5:8080/courtassist'],
  ])('%j → %j', (value, expected) => {
    expect(loadConfig({ PUBLIC_BASE_URL: value }).publicBaseUrl).toBe(expected);
  });

  it.each(['court.example.cn', 'ftp://court.example.cn', 'javascript:alert(1)'])('refuses %j', (value) => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: value })).toThrow(/http\(s\) URL/);
  });
});

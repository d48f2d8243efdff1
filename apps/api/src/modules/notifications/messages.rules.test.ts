import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  chooseAdapters,
  errorText,
  MAX_ATTEMPTS,
  normaliseAddress,
  RETRY_DELAYS_MINUTES,
  seesInstallationMessages,
} from './messages.rules.js';

const AT = new Date('2026-11-21T02:00:00.000Z');
const minutesAfter = (m: number) => new Date(AT.getTime() + m * 60_000);

describe('back-off after a failed attempt', () => {
  it.each([
    [1, minutesAfter(1)],
    [2, minutesAfter(5)],
    [3, minutesAfter(15)],
    [4, minutesAfter(60)],
  ])('after failed attempt %i the next is due at %s', (attempts, due) => {
    expect(afterFailure(attempts, AT)).toEqual({ status: 'pending', nextAttemptAt: due });
  });

  it.each([5, 6, 50])('after failed attempt %i the message is dead', (attempts) => {
    expect(afterFailure(attempts, AT)).toEqual({ status: 'dead' });
  });

  it('refuses a count of attempts that cannot be', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => afterFailure(bad, AT)).toThrow(RangeError);
  });

  it('waits longer after every failure, always in the future, and gives up after the last attempt', () => {
    expect(MAX_ATTEMPTS).toBe(RETRY_DELAYS_MINUTES.length + 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ATTEMPTS - 2 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (n, at) => {
          const first = afterFailure(n, at);
          const second = afterFailure(n + 1, at);
          if (first.status !== 'pending' || second.status !== 'pending') throw new Error('expected pending');
          expect(first.nextAttemptAt.getTime()).toBeGreaterThan(at.getTime());
          expect(second.nextAttemptAt.getTime()).toBeGreaterThan(first.nextAttemptAt.getTime());
        },
      ),
    );
  });
});

describe('adapter choice', () => {
  it.each([
    [
      { smsGatewayUrl: null, smtpUrl: null },
      { sms: 'development', mail: 'development' },
    ],
    [
      { smsGatewayUrl: 'https://sms.example.cn/send', smtpUrl: null },
      { sms: 'sms-gateway', mail: 'development' },
    ],
    [
      { smsGatewayUrl: null, smtpUrl: 'smtp://u:p@mail.example.cn:587' },
      { sms: 'development', mail: 'smtp' },
    ],
    [
      { smsGatewayUrl: 'https://sms.example.cn/send', smtpUrl: 'smtp://mail.example.cn' },
      { sms: 'sms-gateway', mail: 'smtp' },
    ],
  ])('%j → %j', (config, chosen) => {
    expect(chooseAdapters(config)).toEqual(chosen);
  });
});

describe('addresses as sent', () => {
  it.each([
    ['sms', ' 13800138000 ', '13800138000'],
    ['mail', ' Zhang.San@Example.CN ', 'Zhang.San@example.cn'],
    ['mail', 'no-at-sign', 'no-at-sign'],
  ] as const)('%s %j → %j', (channel, given, sent) => {
    expect(normaliseAddress(channel, given)).toBe(sent);
  });
});

describe('who sees installation-wide messages', () => {
  it.each([
    ['/1/', true],
    ['/12/', true],
    ['/1/2/', false],
    ['/1/2/5/', false],
  ])('court path %s → %s', (path, sees) => {
    expect(seesInstallationMessages(path)).toBe(sees);
  });
});

describe('stored error texts', () => {
  it('flattens white space and cuts long answers', () => {
    expect(errorText(new Error('HTTP 500:\n  <html>\n oops </html>'))).toBe('HTTP 500: <html> oops </html>');
    const long = errorText('x'.repeat(2000));
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
    expect(errorText('')).toBe('unknown error');
  });
});

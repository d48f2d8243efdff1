import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmailAddress, isMainlandMobile, messageAddressProblem } from './notifications.js';

describe('mainland mobile numbers', () => {
  it.each([
    ['13800138000', true],
    ['19912345678', true],
    ['15012345678', true],
    ['12812345678', false], // 12 is not a mobile prefix
    ['10012345678', false],
    ['1380013800', false], // 10 digits
    ['138001380000', false], // 12 digits
    ['+8613800138000', false],
    ['138-0013-8000', false],
    ['1380013800a', false],
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isMainlandMobile(value)).toBe(valid);
  });

  it('accepts exactly 1, a digit 3–9 and nine more digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        expect(isMainlandMobile(`1${second}${rest}`)).toBe(true);
        expect(isMainlandMobile(`1${second}${rest}0`)).toBe(false);
        expect(isMainlandMobile(`2${second}${rest}`)).toBe(false);
      }),
    );
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['zhang@example.cn', true],
    ['li.si+court@mail.example.com.cn', true],
    ['a_b-c%d@sub-domain.example.org', true],
    ['zhang@example', false], // no dotted domain
    ['zhang@@example.cn', false],
    ['zhang example@example.cn', false],
    ['@example.cn', false],
    ['zhang@', false],
    ['zhang@example.c', false],
    [`${'a'.repeat(250)}@example.cn`, false], // longer than 254
    ['', false],
  ])('%s → %s', (value, valid) => {
    expect(isEmailAddress(value)).toBe(valid);
  });
});

describe('the address problem of a channel', () => {
  it.each([
    ['sms', '13800138000', null],
    ['sms', 'zhang@example.cn', 'mobile_number'],
    ['mail', 'zhang@example.cn', null],
    ['mail', '13800138000', 'email_address'],
  ] as const)('%s to %s → %s', (channel, to, problem) => {
    expect(messageAddressProblem(channel, to)).toBe(problem);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  CREDIT_CODE_FIELD_ERRORS,
  creditCodeCheckChar,
  makeCreditCode,
  unifiedCreditCode,
  validateCreditCode,
} from './credit-code.js';

describe('creditCodeCheckChar', () => {
  it('computes 3 for the commonly cited example 91350100M000100Y43', () => {
    // Values × weights of 91350100M000100Y4:
    //   9·1 + 1·3 + 3·9 + 5·27 + 0·19 + 1·26 + 0·16 + 0·17 + M(21)·20 + 0·29 + 0·25 + 0·13
    //   + 1·8 + 0·24 + 0·10 + Y(30)·30 + 4·28 = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640.
    // 1640 mod 31 = 28 (31 × 52 = 1612), and 31 − 28 = 3: the 18th character is 3, so the code is valid.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of 0 to check character 0 (31 → 0)', () => {
    // 000000000000000000: every value is 0, Σ = 0, 31 − 0 = 31 → 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    // 1 followed by zeros: Σ = 1·1 = 1, 31 − 1 = 30 → Y (value 30).
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
  });

  it('has the 31-character alphabet without I, O, Z, S, V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31);
    for (const c of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(c);
  });

  it('weights are 3^i mod 31 and the full code sums to 0 mod 31', () => {
    fc.assert(
      fc.property(first17, (head) => {
        const code = head + creditCodeCheckChar(head);
        let sum = 0;
        for (let i = 0; i < 18; i++) sum += CREDIT_CODE_ALPHABET.indexOf(code[i]) * (i < 17 ? 3 ** i % 31 : 1);
        expect(sum % 31).toBe(0);
      }),
    );
  });

  it.each(['', '91350100M000100Y', '91350100M000100Y43', '91350100M000100I4', '913501A0M000100Y4'])('throws on %j', (bad) => {
    expect(() => creditCodeCheckChar(bad)).toThrow(RangeError);
  });
});

describe('validateCreditCode', () => {
  it.each([
    ['91350100M000100Y43'],
    ['91350100m000100y43'], // lower case accepted
    [makeCreditCode('91220102MA1234567')],
    [makeCreditCode('12100000400000000')],
    [makeCreditCode('52220102MJY000010')],
  ])('accepts %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code: code.toUpperCase() });
  });

  it.each([
    ['wrong check character', '91350100M000100Y44', 'checksum'],
    ['two characters swapped', '91350100M000100Y34', 'checksum'],
    ['forbidden I', '91350100I000100Y43', 'charset'],
    ['forbidden O', '91350100O000100Y43', 'charset'],
    ['forbidden Z', '91350100Z000100Y43', 'charset'],
    ['forbidden S', '91350100S000100Y43', 'charset'],
    ['forbidden V', '91350100V000100Y43', 'charset'],
    ['lower-case forbidden letter', '91350100m000100y4o', 'charset'],
    ['letter in the division code', '913501A0M000100Y43', 'charset'],
    ['punctuation', '91350100-000100Y43', 'charset'],
    ['full-width digit', '９1350100M000100Y43', 'charset'],
    ['17 characters', '91350100M000100Y4', 'length'],
    ['19 characters', '91350100M000100Y430', 'length'],
    ['old 9-character organisation code', 'M000100Y4', 'length'],
    ['empty', '', 'length'],
  ])('rejects %s', (_label, code, reason) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, reason });
  });

  it('rejects non-strings', () => {
    for (const value of [null, undefined, 913501, {}]) expect(validateCreditCode(value)).toEqual({ ok: false, reason: 'charset' });
  });
});

// Any 17 characters that can head a code: alphabet everywhere, digits in positions 3–8.
const anyChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const first17 = fc
  .tuple(
    fc.array(anyChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(anyChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));

describe('validateCreditCode properties', () => {
  it('every generated code validates', () => {
    fc.assert(
      fc.property(first17, (head) => {
        expect(validateCreditCode(makeCreditCode(head)).ok).toBe(true);
      }),
    );
  });

  it('any single-character substitution is detected', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (head, pos, shift) => {
        const valid = makeCreditCode(head);
        const replacement = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(valid[pos]) + shift) % 31];
        const altered = valid.slice(0, pos) + replacement + valid.slice(pos + 1);
        expect(validateCreditCode(altered).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('exhaustively: every substitution in the cited example is detected', () => {
    const valid = '91350100M000100Y43';
    let rejected = 0;
    for (let pos = 0; pos < 18; pos++) {
      for (const c of CREDIT_CODE_ALPHABET) {
        if (c === valid[pos]) continue;
        expect(validateCreditCode(valid.slice(0, pos) + c + valid.slice(pos + 1)).ok).toBe(false);
        rejected++;
      }
    }
    expect(rejected).toBe(18 * 30);
  });
});

describe('unifiedCreditCode schema', () => {
  it('trims and upper-cases', () => {
    expect(unifiedCreditCode.parse(' 91350100m000100y43\t')).toBe('91350100M000100Y43');
  });

  it.each([
    ['91350100M000100Y44', 'credit_code_checksum'],
    ['91350100M000100Y4', 'credit_code_length'],
    ['91350100I000100Y43', 'credit_code_charset'],
  ])('rejects %s with %s', (value, code) => {
    const result = unifiedCreditCode.safeParse(value);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as { params?: { code?: string }; message: string };
    expect(issue.params?.code).toBe(code);
    expect(issue.message).toBe(CREDIT_CODE_FIELD_ERRORS[code as keyof typeof CREDIT_CODE_FIELD_ERRORS].en);
  });
});

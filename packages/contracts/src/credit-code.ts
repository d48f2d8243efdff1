import { z } from 'zod';

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015) of companies, government bodies,
 * social organisations and individual businesses: 18 characters — registration authority (1),
 * organisation category (2), division code of the registering authority (3–8, digits),
 * organisation code (9–17) and a check character (18). Pure; shared by API and web.
 */

/** The code's 31 characters; a character's value is its index. I, O, Z, S and V are never used. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Weight of position i (0-based) is 3^i mod 31. All are non-zero mod the prime 31, so a single
// wrong character among the first 17 always changes the check character.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const CREDIT_CODE_REASONS = ['length', 'charset', 'checksum'] as const;
export type CreditCodeReason = (typeof CREDIT_CODE_REASONS)[number];
export type CreditCodeResult = { ok: true; code: string } | { ok: false; reason: CreditCodeReason };

/** True when every character is in the alphabet and positions 3–8 (the division code) are digits. */
function hasValidCharset(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(code[i]);
    if (value < 0 || (i >= 2 && i < 8 && value > 9)) return false;
  }
  return true;
}

/** The check character for the first 17 characters (upper-case). Throws when they cannot be a code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17 || !hasValidCharset(first17)) throw new RangeError('creditCodeCheckChar needs 17 valid characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Checks a unified social credit code. Lower-case letters are accepted (people type them) and
 * `code` is returned upper-case. A letter in the division code (positions 3–8) is a charset error.
 * The registration-authority and category codes are not checked against their tables, which the
 * registering authorities extend; the checksum already catches typing errors in them.
 */
export function validateCreditCode(value: unknown): CreditCodeResult {
  if (typeof value !== 'string') return { ok: false, reason: 'charset' };
  if (value.length !== 18) return { ok: false, reason: 'length' };
  const code = value.toUpperCase();
  if (!hasValidCharset(code)) return { ok: false, reason: 'charset' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'checksum' };
  return { ok: true, code };
}

/** Appends the check character to 17 characters (upper-cased). Throws on invalid input. */
export function makeCreditCode(first17: string): string {
  const upper = first17.toUpperCase();
  return upper + creditCodeCheckChar(upper);
}

/** Messages per reason, for field errors (`credit_code_<reason>`; to be merged into FIELD_ERRORS). */
export const CREDIT_CODE_FIELD_ERRORS = {
  credit_code_length: { zh: '统一社会信用代码应为 18 位', en: 'A unified social credit code has 18 characters' },
  credit_code_charset: {
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V；第 3–8 位须为数字）',
    en: 'The code contains characters that are not allowed (no I, O, Z, S, V; positions 3–8 are digits)',
  },
  credit_code_checksum: { zh: '统一社会信用代码校验位不正确，请核对', en: 'The check character does not match; check the code' },
} as const satisfies Record<`credit_code_${CreditCodeReason}`, { zh: string; en: string }>;

/** A unified social credit code from a form: trimmed, upper-cased, validated. */
export const unifiedCreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .check((ctx) => {
    const result = validateCreditCode(ctx.value);
    if (result.ok) return;
    const code = `credit_code_${result.reason}` as const;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: CREDIT_CODE_FIELD_ERRORS[code].en, params: { code } });
  });

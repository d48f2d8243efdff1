import { CREDIT_CODE_FIELD_ERRORS, ID_CARD_FIELD_ERRORS, validateCreditCode, validateIdCard } from '@courtassist/contracts';
import type { Rule } from 'antd/es/form';
import { type Lang, pickText } from '../../../shared/lib/lang';

export const PHONE_RULE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
export const MONEY_RULE = /^\d{1,16}(\.\d{1,2})?$/;

/** What the user typed, as the server reads it: trimmed, x → X. */
export const normaliseCode = (value: string | undefined) => (value ?? '').replace(/\s+/g, '').toUpperCase();

/** The specific problem with an ID number (checksum, birth date, region …), or null when it is valid or empty. */
export function idCardProblem(value: string | undefined, lang: Lang): string | null {
  const number = normaliseCode(value);
  if (!number) return null;
  const result = validateIdCard(number);
  return result.ok ? null : pickText(lang, ID_CARD_FIELD_ERRORS[`id_card_${result.reason}`]);
}

export function creditCodeProblem(value: string | undefined, lang: Lang): string | null {
  const code = normaliseCode(value);
  if (!code) return null;
  const result = validateCreditCode(code);
  return result.ok ? null : pickText(lang, CREDIT_CODE_FIELD_ERRORS[`credit_code_${result.reason}`]);
}

/**
 * Checks while typing, without nagging about a number still being typed: while the field has the
 * focus, only a complete (18-character) value is checked; on leaving the field and on submitting,
 * every value is.
 */
export function codeRule(problem: (value: string | undefined, lang: Lang) => string | null, lang: Lang): Rule {
  return {
    validator: (_: unknown, value: string | undefined) => {
      const focused = document.activeElement;
      const typing = focused instanceof HTMLInputElement && normaliseCode(focused.value) === normaliseCode(value);
      if (typing && normaliseCode(value).length < 18) return Promise.resolve();
      const message = problem(value, lang);
      return message ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  };
}

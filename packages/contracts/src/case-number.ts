import { z } from 'zod';
import { CASE_TYPE_CODES, type CaseTypeCode } from './case-types.js';

/**
 * Case numbers (案号): `（年度）法院代字 + 类型代字 + 序号 + 号`, e.g. （2026）吉0102民初123号.
 * Stored and formatted with full-width brackets; half-width ones are accepted on input only.
 */

export const MIN_CASE_YEAR = 1949;
export const MAX_CASE_YEAR = 2199;
/** Nine digits: far above any court's yearly count, and always a safe integer. */
export const MAX_CASE_SEQ = 999_999_999;

export interface CaseNumberParts {
  year: number;
  courtCode: string;
  typeCode: CaseTypeCode;
  seq: number;
}

export const CASE_NUMBER_REASONS = ['format', 'year', 'court_code', 'type', 'seq'] as const;
export type CaseNumberReason = (typeof CASE_NUMBER_REASONS)[number];
export type CaseNumberResult = ({ ok: true } & CaseNumberParts) | { ok: false; reason: CaseNumberReason };

// A court code is a province character (one CJK ideograph, as in courts.ts), optionally followed
// by two digits (intermediate court) or four (basic court).
const COURT_CODE = /^[\u4e00-\u9fff](?:\d{2}|\d{4})?$/;
// Longest first, so a search pattern tries 民诉前调 before 民初 and 执保 / 执异 before 执.
const TYPES_LONGEST_FIRST: readonly CaseTypeCode[] = [...CASE_TYPE_CODES].sort((a, b) => b.length - a.length);
const SEQ = /^[1-9]\d{0,8}$/;

function fail(reason: CaseNumberReason): CaseNumberResult {
  return { ok: false, reason };
}

const CASE_TYPE_SET: ReadonlySet<string> = new Set(CASE_TYPE_CODES);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isIdeograph(c: string | undefined): boolean {
  return c !== undefined && c >= '\u4e00' && c <= '\u9fff';
}

/**
 * Splits `吉0102民初123` into court code, type code and sequence text. The type code is the whole
 * run of ideographs after the court code, so 执恢 is an unknown type rather than 执 followed by a
 * bad sequence, and 执保 / 民诉前调 are never cut short.
 */
function splitBody(body: string): CaseNumberResult | { courtCode: string; typeCode: CaseTypeCode; seqText: string } {
  let end = 1;
  while (isDigit(body[end])) end++;
  const courtCode = body.slice(0, end);
  if (!COURT_CODE.test(courtCode)) return fail('court_code');
  let typeEnd = end;
  while (isIdeograph(body[typeEnd])) typeEnd++;
  const typeCode = body.slice(end, typeEnd);
  if (!CASE_TYPE_SET.has(typeCode)) return fail('type');
  return { courtCode, typeCode: typeCode as CaseTypeCode, seqText: body.slice(typeEnd) };
}

/**
 * Parses a case number. Surrounding whitespace is ignored; either bracket may be full- or
 * half-width. Reasons: `format` (brackets or the closing 号 missing), `year` (not four digits in
 * 1949–2199), `court_code`, `type` (not a case type of case-types.ts), `seq` (not a positive
 * integer without leading zeros).
 */
export function parseCaseNumber(text: string): CaseNumberResult {
  const s = typeof text === 'string' ? text.trim() : '';
  if (s[0] !== '（' && s[0] !== '(') return fail('format');
  const close = s.search(/[）)]/);
  if (close < 0 || !s.endsWith('号')) return fail('format');
  const yearText = s.slice(1, close);
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < MIN_CASE_YEAR || year > MAX_CASE_YEAR) return fail('year');
  const parts = splitBody(s.slice(close + 1, -1));
  if ('ok' in parts) return parts;
  if (!SEQ.test(parts.seqText)) return fail('seq');
  return { ok: true, year, courtCode: parts.courtCode, typeCode: parts.typeCode, seq: Number(parts.seqText) };
}

/** Formats a case number with full-width brackets. Throws RangeError on parts that would not parse. */
export function formatCaseNumber({ year, courtCode, typeCode, seq }: CaseNumberParts): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_CASE_SEQ) throw new RangeError(`Case sequence out of range: ${seq}`);
  return `${caseNumberPrefix({ year, courtCode, typeCode })}${seq}${CASE_NUMBER_SUFFIX}`;
}

/** What comes before the sequence number: `（2026）吉0102民初` (a server numbering in SQL appends seq and 号). */
export function caseNumberPrefix({ year, courtCode, typeCode }: Omit<CaseNumberParts, 'seq'>): string {
  if (!Number.isInteger(year) || year < MIN_CASE_YEAR || year > MAX_CASE_YEAR) throw new RangeError(`Case year out of range: ${year}`);
  if (!COURT_CODE.test(courtCode)) throw new RangeError(`Not a court code: ${courtCode}`);
  if (!CASE_TYPE_SET.has(typeCode)) throw new RangeError(`Not a case type: ${typeCode}`);
  return `（${year}）${courtCode}${typeCode}`;
}

export const CASE_NUMBER_SUFFIX = '号';

/** Search input → the stored form: no whitespace, full-width brackets. */
export function normalizeCaseNumberQuery(query: string): string {
  return query.replace(/\s+/g, '').replaceAll('(', '（').replaceAll(')', '）');
}

/**
 * Recognises a whole or partial case number typed into a search box (without whitespace), so the
 * search can go to the case-number index instead of party names. Every part is optional except
 * the type code, which keeps names like 张三 out: （2026）吉0102民初123号, 2026吉0102民初,
 * 吉0102民初123, 民初123 and 执保 all match. Deliberately loose; parseCaseNumber is the judge.
 */
export const caseNumberPattern = new RegExp(
  `^[（(]?(?:\\d{4})?[）)]?(?:[\\u4e00-\\u9fff](?:\\d{2}|\\d{4})?)?(?:${TYPES_LONGEST_FIRST.join('|')})\\d*号?$`,
);

/** Messages per reason, for field errors (`case_number_<reason>`; to be merged into FIELD_ERRORS). */
export const CASE_NUMBER_FIELD_ERRORS = {
  case_number_format: {
    zh: '案号格式应为（年度）法院代字类型代字序号号',
    en: 'A case number reads （year）court code, type code, number, 号',
  },
  case_number_year: {
    zh: `案号年度应为 ${MIN_CASE_YEAR}–${MAX_CASE_YEAR} 之间的四位数字`,
    en: `The year must be four digits between ${MIN_CASE_YEAR} and ${MAX_CASE_YEAR}`,
  },
  case_number_court_code: { zh: '法院代字不正确', en: 'The court code is not valid' },
  case_number_type: { zh: '案件类型代字不在支持的范围内', en: 'The case type code is not one of the supported types' },
  case_number_seq: { zh: '案件序号应为不以 0 开头的正整数', en: 'The sequence must be a positive whole number without leading zeros' },
} as const satisfies Record<`case_number_${CaseNumberReason}`, { zh: string; en: string }>;

/** A case number from a form: trimmed, validated and normalised to full-width brackets. */
export const caseNumberText = z
  .string()
  .trim()
  .check((ctx) => {
    const result = parseCaseNumber(ctx.value);
    if (result.ok) return;
    const code = `case_number_${result.reason}` as const;
    ctx.issues.push({ code: 'custom', input: ctx.value, message: CASE_NUMBER_FIELD_ERRORS[code].en, params: { code } });
  })
  .overwrite((value) => {
    const result = parseCaseNumber(value);
    return result.ok ? formatCaseNumber(result) : value;
  });

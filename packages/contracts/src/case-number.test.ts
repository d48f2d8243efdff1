import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASE_NUMBER_FIELD_ERRORS,
  caseNumberPattern,
  caseNumberText,
  formatCaseNumber,
  MAX_CASE_SEQ,
  normalizeCaseNumberQuery,
  parseCaseNumber,
} from './case-number.js';
import { CASE_TYPE_CODES } from './case-types.js';

describe('parseCaseNumber', () => {
  it.each([
    ['（2026）吉0102民初123号', 2026, '吉0102', '民初', 123],
    ['(2026)吉0102民初123号', 2026, '吉0102', '民初', 123], // half-width on input
    ['（2026)吉0102民初123号', 2026, '吉0102', '民初', 123], // mixed
    ['  （2026）吉0102民初123号 ', 2026, '吉0102', '民初', 123],
    ['（2025）吉01民终7号', 2025, '吉01', '民终', 7],
    ['（2024）吉民申1号', 2024, '吉', '民申', 1],
    ['（2026）京0105民特45号', 2026, '京0105', '民特', 45],
    ['（2026）沪0115刑初9999号', 2026, '沪0115', '刑初', 9999],
    ['（2026）粤03刑终88号', 2026, '粤03', '刑终', 88],
    ['（2026）吉0102行初3号', 2026, '吉0102', '行初', 3],
    ['（2026）吉01行终30号', 2026, '吉01', '行终', 30],
    ['（2026）吉0102执1000号', 2026, '吉0102', '执', 1000],
    ['（2026）吉0102执保12号', 2026, '吉0102', '执保', 12], // not 执 + 保12
    ['（2026）吉0102执异5号', 2026, '吉0102', '执异', 5],
    ['（2026）吉0102民诉前调321号', 2026, '吉0102', '民诉前调', 321], // not 民 + …
    ['（1949）京民初1号', 1949, '京', '民初', 1],
    ['（2199）吉0102民初999999999号', 2199, '吉0102', '民初', 999_999_999],
  ])('%s', (text, year, courtCode, typeCode, seq) => {
    expect(parseCaseNumber(text)).toEqual({ ok: true, year, courtCode, typeCode, seq });
  });

  it.each([
    ['missing 号', '（2026）吉0102民初123', 'format'],
    ['no brackets', '2026吉0102民初123号', 'format'],
    ['no closing bracket', '（2026吉0102民初123号', 'format'],
    ['hexagonal brackets (document numbers, not case numbers)', '〔2026〕吉0102民初123号', 'format'],
    ['empty', '', 'format'],
    ['year out of range (low)', '（1948）吉0102民初1号', 'year'],
    ['year out of range (high)', '（2200）吉0102民初1号', 'year'],
    ['two-digit year', '（26）吉0102民初1号', 'year'],
    ['full-width year digits', '（２０２６）吉0102民初1号', 'year'],
    ['court code with three digits', '（2026）吉010民初1号', 'court_code'],
    ['court code with five digits', '（2026）吉01021民初1号', 'court_code'],
    ['court code not CJK', '（2026）J0102民初1号', 'court_code'],
    ['court code missing', '（2026）0102民初1号', 'court_code'],
    ['nothing between bracket and 号', '（2026）号', 'court_code'],
    ['unknown type 民再', '（2026）吉0102民再1号', 'type'],
    ['unknown type 执恢', '（2026）吉0102执恢1号', 'type'],
    ['type missing', '（2026）吉0102 1号', 'type'],
    ['seq 0', '（2026）吉0102民初0号', 'seq'],
    ['leading zero', '（2026）吉0102民初0123号', 'seq'],
    ['letters in seq', '（2026）吉0102民初12a号', 'seq'],
    ['letters before seq', '（2026）吉0102民初A12号', 'seq'],
    ['type followed by another ideograph', '（2026）吉0102执保全1号', 'type'],
    ['seq missing', '（2026）吉0102民初号', 'seq'],
    ['seq too long', `（2026）吉0102民初${MAX_CASE_SEQ + 1}号`, 'seq'],
    ['full-width seq digits', '（2026）吉0102民初１２号', 'seq'],
    ['two 号', '（2026）吉0102民初12号号', 'seq'],
  ])('rejects %s', (_label, text, reason) => {
    expect(parseCaseNumber(text)).toEqual({ ok: false, reason });
  });

  it('rejects non-strings as format errors', () => {
    expect(parseCaseNumber(undefined as unknown as string)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('formatCaseNumber', () => {
  it('writes full-width brackets', () => {
    expect(formatCaseNumber({ year: 2026, courtCode: '吉0102', typeCode: '民初', seq: 123 })).toBe('（2026）吉0102民初123号');
    expect(formatCaseNumber({ year: 2026, courtCode: '吉', typeCode: '执保', seq: 1 })).toBe('（2026）吉执保1号');
  });

  it.each([
    [{ year: 1948, courtCode: '吉0102', typeCode: '民初', seq: 1 }],
    [{ year: 2026.5, courtCode: '吉0102', typeCode: '民初', seq: 1 }],
    [{ year: 2026, courtCode: '吉010', typeCode: '民初', seq: 1 }],
    [{ year: 2026, courtCode: 'JL', typeCode: '民初', seq: 1 }],
    [{ year: 2026, courtCode: '吉0102', typeCode: '民再', seq: 1 }],
    [{ year: 2026, courtCode: '吉0102', typeCode: '民初', seq: 0 }],
    [{ year: 2026, courtCode: '吉0102', typeCode: '民初', seq: 1.5 }],
    [{ year: 2026, courtCode: '吉0102', typeCode: '民初', seq: MAX_CASE_SEQ + 1 }],
  ])('throws on %j', (parts) => {
    expect(() => formatCaseNumber(parts as Parameters<typeof formatCaseNumber>[0])).toThrow(RangeError);
  });
});

const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const courtCode = fc
  .tuple(cjk, fc.constantFrom(0, 2, 4), fc.integer({ min: 0, max: 9999 }))
  .map(([c, n, d]) => (n === 0 ? c : c + String(d).padStart(4, '0').slice(0, n)));
const parts = fc.record({
  year: fc.integer({ min: 1949, max: 2199 }),
  courtCode,
  typeCode: fc.constantFrom(...CASE_TYPE_CODES),
  seq: fc.integer({ min: 1, max: MAX_CASE_SEQ }),
});

describe('round trip', () => {
  it('parse(format(x)) = x for every type code', () => {
    fc.assert(
      fc.property(parts, (p) => {
        expect(parseCaseNumber(formatCaseNumber(p))).toEqual({ ok: true, ...p });
      }),
      { numRuns: 2000 },
    );
  });

  it('format(parse(half-width text)) normalises to full-width', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const full = formatCaseNumber(p);
        const half = full.replace('（', '(').replace('）', ')');
        const parsed = parseCaseNumber(half);
        expect(parsed.ok && formatCaseNumber(parsed)).toBe(full);
      }),
    );
  });

  it('covers every type code at least once', () => {
    for (const typeCode of CASE_TYPE_CODES) {
      const p = { year: 2026, courtCode: '吉0102', typeCode, seq: 42 };
      expect(parseCaseNumber(formatCaseNumber(p))).toEqual({ ok: true, ...p });
    }
  });
});

describe('caseNumberPattern (partial search)', () => {
  it.each([
    '（2026）吉0102民初123号',
    '(2026)吉0102民初123号',
    '2026吉0102民初',
    '吉0102民初123',
    '吉民初',
    '民初123',
    '民初',
    '执保',
    '执异7',
    '民诉前调12号',
    '（2026）民初5号',
  ])('matches %s', (q) => {
    expect(caseNumberPattern.test(normalizeCaseNumberQuery(q))).toBe(true);
  });

  it.each(['张三', '吉林省某某有限公司', '2026', '吉0102', '123号', '民', '（2026）吉0102民初123号 张三'])('does not match %s', (q) => {
    expect(caseNumberPattern.test(normalizeCaseNumberQuery(q))).toBe(false);
  });

  it('matches every formatted case number', () => {
    fc.assert(
      fc.property(parts, (p) => {
        expect(caseNumberPattern.test(formatCaseNumber(p))).toBe(true);
      }),
    );
  });

  it('normalizeCaseNumberQuery removes whitespace and widens brackets', () => {
    expect(normalizeCaseNumberQuery(' (2026) 吉0102 民初 123号 ')).toBe('（2026）吉0102民初123号');
  });
});

describe('caseNumberText schema', () => {
  it('trims and normalises brackets', () => {
    expect(caseNumberText.parse(' (2026)吉0102民初123号 ')).toBe('（2026）吉0102民初123号');
  });

  it.each([
    ['（2026）吉0102民初123', 'case_number_format'],
    ['（1900）吉0102民初1号', 'case_number_year'],
    ['（2026）吉010民初1号', 'case_number_court_code'],
    ['（2026）吉0102民再1号', 'case_number_type'],
    ['（2026）吉0102民初0号', 'case_number_seq'],
  ])('rejects %s with %s', (value, code) => {
    const result = caseNumberText.safeParse(value);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as { params?: { code?: string }; message: string };
    expect(issue.params?.code).toBe(code);
    expect(issue.message).toBe(CASE_NUMBER_FIELD_ERRORS[code as keyof typeof CASE_NUMBER_FIELD_ERRORS].en);
  });
});

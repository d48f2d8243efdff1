import { describe, expect, it } from 'vitest';
import { checkJsonImport, checkTextImport, type ImportEntry, MAX_REPORTED_PROBLEMS, parseLine } from './calendar-import.js';

const holiday = (day: string, name: string): ImportEntry => ({ day, kind: 'holiday', name });
const workday = (day: string, name: string): ImportEntry => ({ day, kind: 'workday', name });

describe('parseLine: one line of the text format', () => {
  it.each([
    ['2026-10-01 holiday 国庆节', holiday('2026-10-01', '国庆节')],
    ['2026-09-20 workday 国庆节调休', workday('2026-09-20', '国庆节调休')],
    ['2026-10-01\tholiday\t国庆节', holiday('2026-10-01', '国庆节')],
    ['2026-10-01   HOLIDAY   国庆节', holiday('2026-10-01', '国庆节')],
    ['2026-10-01 休 国庆节', holiday('2026-10-01', '国庆节')],
    ['2026-09-20 班 国庆节调休', workday('2026-09-20', '国庆节调休')],
    ['2026-10-01 holiday National Day', holiday('2026-10-01', 'National Day')],
    ['2026-10-01\u3000holiday\u3000国庆节', holiday('2026-10-01', '国庆节')],
  ])('%j → %j', (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  it.each([
    ['2026-10-01', 'calendar_line'],
    ['国庆节', 'calendar_line'],
    ['2026-02-30 holiday 错日', 'invalid_date'],
    ['2026/10/01 holiday 国庆节', 'invalid_date'],
    ['26-10-01 holiday 国庆节', 'invalid_date'],
    ['2026-10-01 rest 国庆节', 'calendar_kind'],
    ['2026-10-01 holiday', 'calendar_name'],
    [`2026-10-01 holiday ${'节'.repeat(41)}`, 'calendar_name'],
  ])('%j is refused with %s', (line, code) => {
    expect(parseLine(line)).toBe(code);
  });
});

describe('checkTextImport: the whole text', () => {
  const good = [
    '# 2026 国庆节',
    '',
    '2026-10-01 holiday 国庆节',
    '  2026-10-02 holiday 国庆节   # trailing comment',
    '2026-09-20 workday 国庆节调休',
    '   ',
  ].join('\n');

  it('keeps the days, ignoring comments and blank lines', () => {
    expect(checkTextImport(2026, good)).toEqual({
      ok: true,
      entries: [holiday('2026-10-01', '国庆节'), holiday('2026-10-02', '国庆节'), workday('2026-09-20', '国庆节调休')],
    });
  });

  it('reads Windows and old Mac line ends alike', () => {
    const check = checkTextImport(2026, '2026-10-01 holiday 国庆节\r\n2026-10-02 holiday 国庆节\r2026-10-03 holiday 国庆节');
    expect(check.ok && check.entries.map((e) => e.day)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
  });

  it.each([
    ['format', '2026-10-01 holiday 国庆节\nnonsense', [['body.text.line2', 'calendar_line']]],
    ['date', '\n\n2026-13-01 holiday 国庆节', [['body.text.line3', 'invalid_date']]],
    ['kind', '2026-10-01 vacation 国庆节', [['body.text.line1', 'calendar_kind']]],
    ['name', '2026-10-01 holiday', [['body.text.line1', 'calendar_name']]],
    ['year', '2025-10-01 holiday 国庆节', [['body.text.line1', 'calendar_other_year']]],
    ['duplicate', '2026-10-01 holiday 国庆节\n2026-10-01 holiday 国庆节', [['body.text.line2', 'calendar_duplicate']]],
    ['weekday workday', '2026-10-08 workday 国庆节调休', [['body.text.line1', 'calendar_workday_weekday']]],
    ['empty', '# nothing here\n\n', [['body.text', 'calendar_empty']]],
    ['nothing at all', '', [['body.text', 'calendar_empty']]],
    [
      'several lines at once',
      '2026-10-01 holiday 国庆节\n2026-10-32 holiday 国庆节\n2027-01-01 holiday 元旦\n2026-09-21 workday 国庆节调休\n2026-10-01 holiday 国庆节',
      [
        ['body.text.line2', 'invalid_date'],
        ['body.text.line3', 'calendar_other_year'],
        ['body.text.line4', 'calendar_workday_weekday'],
        ['body.text.line5', 'calendar_duplicate'],
      ],
    ],
  ])('%s: reports %j', (_what, text, expected) => {
    const check = checkTextImport(2026, text);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => [p.field, p.code])).toEqual(expected);
  });

  it('names the first listing of a duplicated date, in both languages', () => {
    const check = checkTextImport(2026, '2026-10-01 holiday 国庆节\n\n2026-10-01 holiday 国庆节');
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.problems[0].message).toEqual({ zh: '同一日期重复列出（同第 1 行）', en: 'The same date is listed twice (as line 1)' });
  });

  it('allows a holiday on any day of the week', () => {
    expect(checkTextImport(2026, '2026-10-03 holiday 国庆节\n2026-10-05 holiday 国庆节').ok).toBe(true);
  });

  it(`reports at most ${MAX_REPORTED_PROBLEMS} problems`, () => {
    const check = checkTextImport(2026, Array.from({ length: 500 }, () => 'junk').join('\n'));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
  });
});

describe('checkJsonImport: the rules across days', () => {
  it('accepts a valid year', () => {
    const days = [holiday('2026-10-01', '国庆节'), workday('2026-10-10', '国庆节调休')];
    expect(checkJsonImport(2026, days)).toEqual({ ok: true, entries: days });
  });

  it.each([
    ['other year', [holiday('2027-01-01', '元旦')], [['body.days.0.day', 'calendar_other_year']]],
    ['duplicate', [holiday('2026-10-01', '国庆节'), workday('2026-10-01', '国庆节')], [['body.days.1.day', 'calendar_duplicate']]],
    [
      'weekday workday',
      [holiday('2026-10-01', '国庆节'), workday('2026-10-09', '国庆节调休')],
      [['body.days.1.kind', 'calendar_workday_weekday']],
    ],
    ['no days', [], [['body.days', 'calendar_empty']]],
  ])('%s: reports %j', (_what, days, expected) => {
    const check = checkJsonImport(2026, days as ImportEntry[]);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => [p.field, p.code])).toEqual(expected);
  });
});

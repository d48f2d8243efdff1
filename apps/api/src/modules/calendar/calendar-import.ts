import {
  CALENDAR_FIELD_ERRORS,
  CALENDAR_NAME_MAX,
  type CalendarDayKind,
  type CalendarFieldErrorCode,
  DEADLINE_FIELD_ERRORS,
  type FieldProblem,
  isCalendarDate,
} from '@courtassist/contracts';
import { isWeekend, yearOf } from './calendar-days.js';

/**
 * Checking a year's import, pure: the text format parsed line by line, and the rules every
 * imported day must meet (in the year, listed once, a workday on a weekend). The result is either
 * the days or every problem found (up to MAX_REPORTED_PROBLEMS), as per-field problems:
 * `body.text.line3` for the text format, `body.days.2.day` for JSON.
 */

export interface ImportEntry {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

export type ImportCheck = { ok: true; entries: ImportEntry[] } | { ok: false; problems: FieldProblem[] };

/** A paste of garbage must not produce a gigantic problem document. */
export const MAX_REPORTED_PROBLEMS = 100;

const KIND_WORDS: Readonly<Record<string, CalendarDayKind>> = { holiday: 'holiday', workday: 'workday', 休: 'holiday', 班: 'workday' };

/** A text line: date, kind, then the name (the rest of the line, spaces allowed). */
const LINE = /^(\S+)\s+(\S+)(?:\s+(.+))?$/u;

type Code = CalendarFieldErrorCode | 'invalid_date';

function message(code: Code): { zh: string; en: string } {
  const spec = code === 'invalid_date' ? DEADLINE_FIELD_ERRORS.invalid_date : CALENDAR_FIELD_ERRORS[code];
  return { zh: spec.zh, en: spec.en };
}

function problem(field: string, code: Code, text = message(code)): FieldProblem {
  return { field, code, message: text };
}

interface Located extends ImportEntry {
  /** Where the entry came from: the field its problems are reported on. */
  field: string;
  /** Field of its kind (the JSON form reports a weekday workday there). */
  kindField: string;
  /** How a duplicate names the first listing, e.g. 第 3 行 / line 3. */
  label: { zh: string; en: string };
}

/** The rules across entries: each in the year, each date once, workdays on weekends only. */
function ruleProblems(year: number, entries: readonly Located[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const first = new Map<string, Located>();
  for (const entry of entries) {
    if (yearOf(entry.day) !== year) {
      problems.push(problem(entry.field, 'calendar_other_year'));
      continue;
    }
    const earlier = first.get(entry.day);
    if (earlier) {
      const base = CALENDAR_FIELD_ERRORS.calendar_duplicate;
      problems.push(
        problem(entry.field, 'calendar_duplicate', {
          zh: `${base.zh}（同${earlier.label.zh}）`,
          en: `${base.en} (as ${earlier.label.en})`,
        }),
      );
      continue;
    }
    first.set(entry.day, entry);
    if (entry.kind === 'workday' && !isWeekend(entry.day)) problems.push(problem(entry.kindField, 'calendar_workday_weekday'));
  }
  return problems;
}

function result(year: number, entries: Located[], problems: FieldProblem[], emptyField: string): ImportCheck {
  problems.push(...ruleProblems(year, entries));
  if (problems.length === 0 && entries.length === 0) problems.push(problem(emptyField, 'calendar_empty'));
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, MAX_REPORTED_PROBLEMS) };
  return { ok: true, entries: entries.map(({ day, kind, name }) => ({ day, kind, name })) };
}

/** Parses one line (comment already removed, trimmed, not empty) or names its first problem. */
export function parseLine(line: string): ImportEntry | Code {
  const match = LINE.exec(line);
  if (!match) return 'calendar_line';
  const [, day, kindWord, rawName = ''] = match;
  if (!isCalendarDate(day)) return 'invalid_date';
  const kind = KIND_WORDS[kindWord.toLowerCase()];
  if (!kind) return 'calendar_kind';
  const name = rawName.trim();
  if (name.length === 0 || name.length > CALENDAR_NAME_MAX) return 'calendar_name';
  return { day, kind, name };
}

/**
 * The text format: one day a line, `2026-10-01 holiday 国庆节`; `休` / `班` may stand for holiday /
 * workday; blank lines and everything after a `#` are ignored. Lines are numbered from 1.
 */
export function checkTextImport(year: number, text: string): ImportCheck {
  const entries: Located[] = [];
  const problems: FieldProblem[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const hash = lines[i].indexOf('#');
    const line = (hash >= 0 ? lines[i].slice(0, hash) : lines[i]).trim();
    if (line === '') continue;
    const n = i + 1;
    const field = `body.text.line${n}`;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') problems.push(problem(field, parsed));
    else entries.push({ ...parsed, field, kindField: field, label: { zh: `第 ${n} 行`, en: `line ${n}` } });
  }
  const check = result(year, entries, problems, 'body.text');
  // Reported in line order, whichever check found them.
  if (!check.ok) check.problems.sort((a, b) => lineOf(a.field) - lineOf(b.field));
  return check;
}

const lineOf = (field: string) => Number(field.slice('body.text.line'.length)) || 0;

/** The JSON form: days already shaped by the request schema; only the rules across them remain. */
export function checkJsonImport(year: number, days: readonly ImportEntry[]): ImportCheck {
  const entries: Located[] = days.map((d, i) => ({
    ...d,
    field: `body.days.${i}.day`,
    kindField: `body.days.${i}.kind`,
    label: { zh: `days[${i}]`, en: `days[${i}]` },
  }));
  return result(year, entries, [], 'body.days');
}

import type { Calendar, DeadlineRequestInput } from '@courtassist/contracts';
import { DEDUCTION_KINDS, PROCEDURE_CODES } from '@courtassist/contracts';

/**
 * Inputs for the deadline throughput benchmark (≥ 100,000 requests/s through
 * `runDeadlineCommand`) and for tests that need the real 2026 calendar. No timing here.
 */

/**
 * The official 2026 arrangement: 国务院办公厅关于2026年部分节假日安排的通知 (国务院办公厅,
 * 2025-11-04, published by Xinhua the same day). 元旦 Jan 1–3, work Sun Jan 4; 春节 Feb 15–23,
 * work Sat Feb 14 and Sat Feb 28; 清明 Apr 4–6; 劳动节 May 1–5, work Sat May 9; 端午 Jun 19–21;
 * 中秋 Sep 25–27 (a separate holiday in 2026, not joined to National Day); 国庆 Oct 1–7,
 * work Sun Sep 20 and Sat Oct 10.
 */
export const OFFICIAL_CALENDAR_2026: Calendar = {
  holidays: [
    ...range('2026-01-', 1, 3),
    ...range('2026-02-', 15, 23),
    ...range('2026-04-', 4, 6),
    ...range('2026-05-', 1, 5),
    ...range('2026-06-', 19, 21),
    ...range('2026-09-', 25, 27),
    ...range('2026-10-', 1, 7),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

function range(prefix: string, first: number, last: number): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d++) days.push(`${prefix}${d < 10 ? '0' : ''}${d}`);
  return days;
}

/** mulberry32: tiny, fast, and the same sequence on every machine for the same seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** A valid date in 2025–2027 (day ≤ 28 keeps every month valid; month ends come from the rules). */
function someDate(next: () => number): string {
  const year = 2025 + Math.floor(next() * 3);
  return `${year}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)];
}

function trial(next: () => number): DeadlineRequestInput {
  const filedOn = someDate(next);
  const extensions = Array.from({ length: Math.floor(next() * 3) }, () =>
    next() < 0.6 ? { months: 1 + Math.floor(next() * 6) } : { days: 1 + Math.floor(next() * 60) },
  );
  const deductions = Array.from({ length: Math.floor(next() * 4) }, () => {
    const from = someDate(next);
    // Same year and month, so `to` ≥ `from` holds without date arithmetic here.
    const to = `${from.slice(0, 8)}${pad(Math.min(28, Number(from.slice(8)) + Math.floor(next() * 10)))}`;
    return { kind: pick(next, DEDUCTION_KINDS), from, to };
  });
  return { type: 'trial', procedure: pick(next, PROCEDURE_CODES), filedOn, extensions, deductions };
}

function period(next: () => number): DeadlineRequestInput {
  const from = someDate(next);
  const length = next() < 0.8 ? { days: pick(next, [10, 15, 30, 7, 60]) } : { months: 1 + Math.floor(next() * 3) };
  // One in ten carries its own (full-year) calendar; the rest use the stored one.
  return next() < 0.1 ? { type: 'period', from, ...length, calendar: OFFICIAL_CALENDAR_2026 } : { type: 'period', from, ...length };
}

/** n varied, valid requests (half trial limits, half periods), the same for the same seed. */
export function makeDeadlineBatch(n: number, seed = 1): DeadlineRequestInput[] {
  const next = random(seed);
  return Array.from({ length: n }, () => (next() < 0.5 ? trial(next) : period(next)));
}

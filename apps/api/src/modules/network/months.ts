import type { AssessmentRunState } from '@courtassist/contracts';

/**
 * Small pure rules of the monthly assessment: calendar months, the state of a published month,
 * and amounts in 元 for the export — all in integers.
 */

/** First and last calendar day of `YYYY-MM`. */
export function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

/** The `count` months ending with `last` (YYYY-MM), oldest first. */
export function monthsEndingWith(last: string, count = 12): string[] {
  const [y, m] = last.split('-').map(Number);
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/** draft → published (until the objection period is over, that day included) → final. */
export function runState(status: 'draft' | 'published', objectionUntil: string | null, today: string): AssessmentRunState {
  if (status === 'draft') return 'draft';
  return objectionUntil !== null && today > objectionUntil ? 'final' : 'published';
}

/** 元 with two decimals from fen, by integer division (the text the finance office sees). */
export function yuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`yuanText needs a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

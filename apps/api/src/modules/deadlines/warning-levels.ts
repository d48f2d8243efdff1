import { DEFAULT_WARNING_THRESHOLDS, WARNING_BANDS, WARNING_LEVELS, type WarningLevel } from '@courtassist/contracts';

/**
 * Warning levels (审限预警) from the days left before the trial-limit deadline. Pure: the sweep's
 * SQL is generated from the same band list (deadlines.repository.ts `levelSql`), and the
 * integration tests hold the two to the same answers.
 *
 * - no deadline (a procedure without a trial limit), or a suspended case: `none`;
 * - past the deadline (days left < 0): `overdue` — the deadline day itself still counts as in time;
 * - otherwise the most urgent band whose threshold is at least the days left;
 * - more days left than the first threshold: `none`.
 */
export function levelFor(daysLeft: number | null, thresholds: readonly number[] = DEFAULT_WARNING_THRESHOLDS): WarningLevel {
  if (daysLeft === null) return 'none';
  if (daysLeft < 0) return 'overdue';
  for (let i = WARNING_BANDS.length - 1; i >= 0; i--) {
    if (daysLeft <= thresholds[i]) return WARNING_BANDS[i];
  }
  return 'none';
}

/** 0 for none … 5 for overdue: a case "enters a new level" when this rises. */
export function severity(level: string): number {
  const i = (WARNING_LEVELS as readonly string[]).indexOf(level);
  return Math.max(i, 0);
}

/** Whole days from `from` to `to` (ISO dates): positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Thresholds as stored (jsonb) or the built-in default when a stored value is unusable. */
export function usableThresholds(stored: unknown): number[] {
  if (
    Array.isArray(stored) &&
    stored.length === WARNING_BANDS.length &&
    stored.every((d, i) => Number.isInteger(d) && d >= 0 && (i === 0 || d < stored[i - 1]))
  ) {
    return stored as number[];
  }
  return [...DEFAULT_WARNING_THRESHOLDS];
}

/** Today's date in China Standard Time (UTC+8, no daylight saving): the day deadlines are reckoned on. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

import dayjs from 'dayjs';

/** The service worker's cache of API answers (parties' personal data); the same name as in public/m-sw.js. */
export const DATA_CACHE = 'courtassist-m-data-v1';

/** Messages from the worker: a task answer came from the kept copy, or fresh from the server. */
type WorkerMessage =
  | { type: 'courtassist:data-cached'; url: string; savedAt: number | null }
  | { type: 'courtassist:data-fresh'; url: string };

/**
 * When the task data on screen was saved, after a message of the worker: its time for a kept
 * copy, null for a fresh answer. Only task answers count: who is signed in is not shown as data.
 */
export function keptAtAfter(current: number | null, message: unknown, now: number): number | null {
  if (typeof message !== 'object' || message === null) return current;
  const m = message as Partial<WorkerMessage>;
  if (typeof m.url !== 'string' || !m.url.startsWith('/api/my/network-tasks')) return current;
  if (m.type === 'courtassist:data-fresh') return null;
  if (m.type === 'courtassist:data-cached') return typeof m.savedAt === 'number' ? m.savedAt : now;
  return current;
}

/** 14:05 for today, 2026-11-21 18:30 for an older copy (the phone's own clock, as the assistant reads it). */
export function keptAtLabel(savedAt: number, now: number): string {
  const saved = dayjs(savedAt);
  return saved.isSame(dayjs(now), 'day') ? saved.format('HH:mm') : saved.format('YYYY-MM-DD HH:mm');
}

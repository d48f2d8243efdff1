import type { SubmitNetworkTaskReportRequest, SubmitNetworkTaskReportResponse } from '@courtassist/contracts';
import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { ApiError } from '../../../shared/api/client';
import { sendReport } from '../tasks/api';

/**
 * Reports written on the phone wait here (localStorage, photos included as base64) until the
 * server has them. Each carries the idempotency key made when it was written: sending twice —
 * a retry after a lost answer, two tabs, the online event and the timer together — stores it
 * once on the server, which answers the stored result to the repeat.
 */

export interface PendingReport {
  key: string;
  taskId: number;
  title: string;
  savedAt: string;
  body: SubmitNetworkTaskReportRequest;
  /** The server refused it (a problem other than the connection): shown, kept until discarded. */
  error: string | null;
}

/**
 * One queue per signed-in user, so that a report left on a shared phone is never sent under
 * someone else's sign-in (nor shown to them); it waits until its author signs in again.
 * Queues of the first version had no owner: the first user to sign in takes them over (they are
 * that user's or are refused by the server and shown with the refusal — never dropped unseen).
 */
const LEGACY_KEY = 'courtassist.network.pending-reports.v1';
const storageKey = (userId: number) => `courtassist.network.pending-reports.v2.${userId}`;
const listeners = new Set<() => void>();
let owner: number | null = null;
let cache: PendingReport[] | null = null;
const NONE: PendingReport[] = [];

/** Whose queue the phone page works on; null (signed out) shows and sends nothing. */
export function setOutboxOwner(userId: number | null) {
  if (userId === owner) return;
  owner = userId;
  cache = null;
  if (userId !== null) adoptLegacy(userId);
  for (const listener of listeners) listener();
}

function adoptLegacy(userId: number) {
  try {
    const legacy = localStorage.getItem(LEGACY_KEY);
    if (!legacy) return;
    const mine = localStorage.getItem(storageKey(userId));
    const merged = [...(mine ? (JSON.parse(mine) as PendingReport[]) : []), ...(JSON.parse(legacy) as PendingReport[])];
    localStorage.setItem(storageKey(userId), JSON.stringify(merged));
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // An unreadable legacy queue stays where it is rather than being overwritten.
  }
}

function read(): PendingReport[] {
  if (owner === null) return NONE;
  if (cache) return cache;
  try {
    const raw = localStorage.getItem(storageKey(owner));
    cache = raw ? (JSON.parse(raw) as PendingReport[]) : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(items: PendingReport[]) {
  if (owner === null) throw new Error('No signed-in user to keep the report for');
  cache = items;
  localStorage.setItem(storageKey(owner), JSON.stringify(items));
  for (const listener of listeners) listener();
}

/** A key made on the phone: a UUID where the browser offers one, else random hex of the same length. */
export function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function pendingReports(): PendingReport[] {
  return read();
}

export function keep(report: Omit<PendingReport, 'error' | 'savedAt'>) {
  write([...read().filter((r) => r.key !== report.key), { ...report, savedAt: new Date().toISOString(), error: null }]);
}

export function discard(key: string) {
  write(read().filter((r) => r.key !== key));
}

function markError(key: string, error: string) {
  write(read().map((r) => (r.key === key ? { ...r, error } : r)));
}

/** Not a refusal but no answer (offline, timeout, server down): keep it and try again later. */
function isConnectionProblem(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500 || error.status === 429;
}

let flushing: Promise<number> | null = null;

/**
 * Sends every waiting report, one at a time; answers how many reached the server. A report the
 * server refuses keeps its error for the assistant to see; one that met no connection waits.
 */
/** Told of each report the server has, with its answer (the task as it now stands). */
export type OnSent = (taskId: number, answer: SubmitNetworkTaskReportResponse) => void;

export function flush(onSent?: OnSent, describe: (error: unknown) => string = String): Promise<number> {
  if (flushing) return flushing;
  flushing = (async () => {
    let sent = 0;
    for (const report of read().filter((r) => r.error === null)) {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) break;
      try {
        const answer = await sendReport(report.taskId, report.body);
        discard(report.key);
        sent += 1;
        onSent?.(report.taskId, answer);
      } catch (error) {
        if (isConnectionProblem(error)) break;
        markError(report.key, describe(error));
      }
    }
    return sent;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (owner !== null && event.key === storageKey(owner)) {
      cache = null;
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Makes the signed-in user's queue the one the phone page shows and sends (before its effects run). */
export function useOutboxOwner(userId: number | undefined) {
  useLayoutEffect(() => {
    setOutboxOwner(userId ?? null);
  }, [userId]);
}

export function usePendingReports(): PendingReport[] {
  return useSyncExternalStore(subscribe, read, read);
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    (listener) => {
      window.addEventListener('online', listener);
      window.addEventListener('offline', listener);
      return () => {
        window.removeEventListener('online', listener);
        window.removeEventListener('offline', listener);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}

/** Sends waiting reports on load, when the connection returns, and every 30 seconds while some wait. */
export function useFlushPending(onSent: OnSent, describe: (error: unknown) => string) {
  const pending = usePendingReports();
  const waiting = pending.some((r) => r.error === null);
  useEffect(() => {
    const run = () => void flush(onSent, describe);
    run();
    window.addEventListener('online', run);
    const timer = waiting ? window.setInterval(run, 30_000) : undefined;
    return () => {
      window.removeEventListener('online', run);
      if (timer) window.clearInterval(timer);
    };
  }, [waiting, onSent, describe]);
}

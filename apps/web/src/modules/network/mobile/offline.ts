import type { NetworkTaskDetail } from '@courtassist/contracts';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../../shared/api/client';
import { meKey } from '../../auth';
import { myTasksKey } from '../tasks/api';
import { DATA_CACHE, keptAtAfter } from './kept';

/**
 * The phone pages without a connection: the service worker (public/m-sw.js) keeps the app shell,
 * the built assets and the assistant's own tasks; this side registers it, tells it which assets
 * the page loaded before it was in control, shows when the tasks on screen are a kept copy, and
 * deletes the kept tasks at sign-out or when another person signs in on the same phone.
 */

export const WORKER_URL = '/m-sw.js';
export const WORKER_SCOPE = '/m/';
const ME_PATH = '/api/auth/me';
/** How long the worker may take to control the page once it is active. */
const CLAIM_WAIT_MS = 3000;
const RELOADED_KEY = 'courtassist.network.offline-reloaded';

/** When the task data on screen was saved, while it is a kept copy; null while it is fresh. */
let keptAt: number | null = null;
const listeners = new Set<() => void>();

function setKeptAt(value: number | null) {
  if (value === keptAt) return;
  keptAt = value;
  for (const listener of listeners) listener();
}

// At module load, before any task is fetched: a message that arrives with no listener is lost.
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event) => setKeptAt(keptAtAfter(keptAt, event.data, Date.now())));
}

/** The server has just answered (a report was sent): what it answered is on screen, fresh. */
export function serverAnswered() {
  setKeptAt(null);
}

/** When the tasks shown were saved, if they are a copy kept on the phone (no connection); else null. */
export function useKeptDataAt(): number | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => keptAt,
    () => null,
  );
}

/** True while the worker controls this page (from the first visit on, once it has taken the page over). */
function useControlled(): boolean {
  return useSyncExternalStore(
    (listener) => {
      if (!workerSupported()) return () => undefined;
      navigator.serviceWorker.addEventListener('controllerchange', listener);
      return () => navigator.serviceWorker.removeEventListener('controllerchange', listener);
    },
    () => workerSupported() && navigator.serviceWorker.controller !== null,
    () => false,
  );
}

function workerSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof caches !== 'undefined';
}

/** Deletes the kept task data (sign-out). Never fails: a phone without the cache API has nothing to delete. */
export async function forgetOfflineData(): Promise<void> {
  if (!workerSupported()) return;
  try {
    await caches.delete(DATA_CACHE);
    // An answer the worker is saving right now would create the cache again: it deletes after it, too.
    navigator.serviceWorker.controller?.postMessage({ type: 'courtassist:forget-data' });
  } catch {
    // Storage blocked (private mode): nothing was kept either.
  }
  setKeptAt(null);
}

/** Deletes the kept data when it belongs to another person than the one signed in now. */
async function claimOfflineData(userId: number): Promise<void> {
  if (!workerSupported() || !(await caches.has(DATA_CACHE))) return;
  const cache = await caches.open(DATA_CACHE);
  const me = await cache.match(ME_PATH);
  const owner = me ? ((await me.json().catch(() => null)) as { id?: unknown } | null)?.id : undefined;
  if (owner !== userId) await caches.delete(DATA_CACHE);
}

/** The built assets (/assets/…) this page has loaded so far. */
function loadedAssets(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => new URL(name).origin === location.origin && new URL(name).pathname.startsWith('/assets/'));
}

async function startWorker(queryClient: QueryClient, loadPages: () => Promise<unknown>): Promise<void> {
  const controlledAtLoad = navigator.serviceWorker.controller !== null;
  await navigator.serviceWorker.register(WORKER_URL, { scope: WORKER_SCOPE });
  // The code of the pages an assistant opens offline, loaded now so the worker sees it.
  await loadPages();
  const registration = await navigator.serviceWorker.ready;
  registration.active?.postMessage({ type: 'courtassist:keep-assets', urls: loadedAssets() });
  if (controlledAtLoad) return;
  // The first visit: the worker takes the page over (clients.claim); what is on screen came
  // before it, and is fetched again through it to be kept.
  const controlled = navigator.serviceWorker.controller
    ? true
    : await new Promise<boolean>((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
        window.setTimeout(() => resolve(navigator.serviceWorker.controller !== null), CLAIM_WAIT_MS);
      });
  if (controlled) {
    void queryClient.invalidateQueries({ queryKey: meKey });
    void queryClient.invalidateQueries({ queryKey: myTasksKey });
  } else if (sessionStorage.getItem(RELOADED_KEY) === null) {
    // A page the router brought here from outside /m/ (sign-in with a link to a task) cannot be
    // taken over: opened again, once, it is the worker's.
    sessionStorage.setItem(RELOADED_KEY, '1');
    window.location.reload();
  }
}

/**
 * Makes the phone pages work offline for the signed-in assistant: registers the worker (built app
 * only: the dev server's modules are not hashed assets), drops another person's kept data, and
 * fetches the kept tasks again when the connection returns.
 */
export function useOfflinePages(userId: number | undefined, loadPages: () => Promise<unknown>) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!workerSupported() || userId === undefined) return;
    let cancelled = false;
    void claimOfflineData(userId)
      .catch(() => undefined)
      .then(() => {
        if (!cancelled && import.meta.env.PROD) return startWorker(queryClient, loadPages);
      })
      .catch(() => undefined);
    const onOnline = () => {
      if (keptAt !== null) void queryClient.invalidateQueries({ queryKey: myTasksKey });
    };
    window.addEventListener('online', onOnline);
    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
    };
  }, [userId, queryClient, loadPages]);
}

/**
 * Loads the detail of each task still to do while the connection is there and the worker keeps
 * answers, so a task can be opened in the field without a connection even if it was not opened before.
 */
export function useKeepTaskDetails(taskIds: readonly number[], enabled: boolean) {
  const queryClient = useQueryClient();
  const ids = taskIds.join(',');
  const controlled = useControlled();
  useEffect(() => {
    if (!enabled || ids === '' || !controlled || !navigator.onLine || keptAt !== null) return;
    for (const id of ids.split(',').map(Number)) {
      // The key and the call of useMyTask: the page opened later finds it here, and the worker has kept it.
      void queryClient.prefetchQuery({
        queryKey: [...myTasksKey, 'one', id],
        queryFn: ({ signal }) => api.get<NetworkTaskDetail>(`/my/network-tasks/${id}`, undefined, { signal }),
        staleTime: 30_000,
      });
    }
  }, [ids, enabled, controlled, queryClient]);
}

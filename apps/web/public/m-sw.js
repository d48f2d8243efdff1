/*
 * The assistants' phone pages without a connection (issue 5). Registered by the phone layout with
 * scope /m/, so only the phone pages are ever controlled; the court's pages never are.
 *
 * - Pages under /m/ (navigations): the network first, for a few seconds; then the last app shell.
 * - Built assets (/assets/*): their names carry a content hash, so a cached copy never goes stale.
 * - The assistant's own tasks (list and detail) and who is signed in (/api/auth/me, without which
 *   the page cannot open at all): the network first; the last good copy when there is no network.
 *   Nothing else from the API, no writes, no error answers. A 401 is passed on as it is and makes
 *   the phone forget the cached data: the session is over.
 *
 * Reports written offline are not handled here: the page's outbox (localStorage) keeps and sends
 * them. This file is plain JavaScript because a service worker imports nothing; the page names
 * the data cache the same way (mobile/offline.ts) to delete it at sign-out.
 */

const VERSION = 'v1';
const PREFIX = 'courtassist-m-';
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
const DATA_CACHE = `${PREFIX}data-${VERSION}`;
/** index.html: every page under /m/ is the same shell, so one copy under one key. */
const SHELL_KEY = '/index.html';
const ME_PATH = '/api/auth/me';
/** A poor connection: after this long the phone shows what it has rather than a blank page. */
const PAGE_TIMEOUT_MS = 4000;
const DATA_TIMEOUT_MS = 8000;

/**
 * What the worker does with a request: 'page' (the app shell), 'asset', 'data', or null (not
 * touched: the browser fetches it as if there were no worker).
 */
function requestKind(method, href, mode, origin) {
  if (method !== 'GET') return null;
  const url = new URL(href);
  if (url.origin !== origin) return null;
  if (mode === 'navigate') return url.pathname === '/m' || url.pathname.startsWith('/m/') ? 'page' : null;
  if (url.pathname.startsWith('/assets/')) return 'asset';
  if (url.pathname === ME_PATH) return 'data';
  // The list (any view, any page) and one task; not the photos, the writes or anything below a task.
  if (/^\/api\/my\/network-tasks(\/[1-9][0-9]{0,9})?$/.test(url.pathname)) return 'data';
  return null;
}

/** Only a complete, successful, same-origin answer is kept: never an error, a redirect or a partial body. */
function isKeepable(response) {
  return response.status === 200 && response.type === 'basic' && !response.redirected;
}

/** When a kept answer was made (its Date header), as epoch milliseconds; null when it has none. */
function savedAt(response) {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? null : date;
}

/** Who an /api/auth/me answer is about: the id, or null when it cannot be read. */
async function userOf(response) {
  try {
    const body = await response.clone().json();
    return typeof body?.id === 'number' ? body.id : null;
  } catch {
    return null;
  }
}

/** The network, given up on after `ms` (the request itself goes on, so a late answer is still kept). */
function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

async function tell(clientId, message) {
  if (!clientId) return;
  const client = await self.clients.get(clientId);
  client?.postMessage(message);
}

async function handlePage(event) {
  const cache = await caches.open(SHELL_CACHE);
  const network = fetch(event.request).then(async (response) => {
    if (isKeepable(response) && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await keepShell(cache, response.clone());
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  try {
    return await withTimeout(network, PAGE_TIMEOUT_MS);
  } catch (error) {
    const shell = await cache.match(SHELL_KEY);
    if (shell) return shell;
    // No shell kept yet: wait for the network after all (no connection: the browser's offline page).
    if (error instanceof Error && error.message === 'timeout') return network;
    throw error;
  }
}

/**
 * Keeps the newest shell. A different shell is a new build whose assets have new names: the old
 * ones are dropped so the cache does not grow with every upgrade.
 */
async function keepShell(cache, response) {
  const text = await response.clone().text();
  const previous = await cache.match(SHELL_KEY);
  if (previous && (await previous.text()) !== text) {
    for (const request of await cache.keys()) {
      if (new URL(request.url).pathname.startsWith('/assets/')) await cache.delete(request);
    }
  }
  await cache.put(SHELL_KEY, response);
}

async function handleAsset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (isKeepable(response)) await cache.put(request, response.clone());
  return response;
}

async function handleData(event) {
  const request = event.request;
  const url = new URL(request.url);
  const network = fetch(request).then(async (response) => {
    if (response.status === 401) {
      // The session is over: what the phone kept of it goes too, and the page goes to sign in.
      await caches.delete(DATA_CACHE);
    } else if (isKeepable(response)) {
      const cache = await caches.open(DATA_CACHE);
      if (url.pathname === ME_PATH) {
        // Someone else signed in on this phone: the previous person's tasks must not be shown to them.
        const previous = await cache.match(ME_PATH);
        if (previous && (await userOf(previous)) !== (await userOf(response))) {
          await caches.delete(DATA_CACHE);
        }
        await (await caches.open(DATA_CACHE)).put(ME_PATH, response.clone());
      } else {
        await cache.put(request, response.clone());
      }
      await tell(event.clientId, { type: 'courtassist:data-fresh', url: url.pathname + url.search });
    }
    return response;
  });
  event.waitUntil(network.catch(() => undefined));
  try {
    // Any answer from the server, errors and 401 included, is the answer: the cache is only for no answer.
    return await withTimeout(network, DATA_TIMEOUT_MS);
  } catch (error) {
    const cache = await caches.open(DATA_CACHE);
    const cached = await cache.match(url.pathname === ME_PATH ? ME_PATH : request);
    if (!cached) {
      if (error instanceof Error && error.message === 'timeout') return network;
      throw error;
    }
    await tell(event.clientId, { type: 'courtassist:data-cached', url: url.pathname + url.search, savedAt: savedAt(cached) });
    return cached;
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const response = await fetch(new Request(SHELL_KEY, { cache: 'reload' }));
      if (isKeepable(response)) await cache.put(SHELL_KEY, response);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== SHELL_CACHE && name !== DATA_CACHE) await caches.delete(name);
      }
      // The page that registered the worker is controlled at once, without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const kind = requestKind(event.request.method, event.request.url, event.request.mode, self.location.origin);
  if (kind === 'page') event.respondWith(handlePage(event));
  else if (kind === 'asset') event.respondWith(handleAsset(event.request));
  else if (kind === 'data') event.respondWith(handleData(event));
});

self.addEventListener('message', (event) => {
  const message = event.data;
  if (message?.type === 'courtassist:keep-assets' && Array.isArray(message.urls)) {
    // The assets the page loaded before the worker controlled it: kept now, for the next time offline.
    event.waitUntil(
      (async () => {
        const cache = await caches.open(SHELL_CACHE);
        for (const href of message.urls) {
          if (typeof href !== 'string' || requestKind('GET', href, 'cors', self.location.origin) !== 'asset') continue;
          if (await cache.match(href)) continue;
          try {
            const response = await fetch(href);
            if (isKeepable(response)) await cache.put(href, response);
          } catch {
            // No connection now: the asset is kept the next time the page loads it.
          }
        }
      })(),
    );
  } else if (message?.type === 'courtassist:forget-data') {
    event.waitUntil(caches.delete(DATA_CACHE));
  }
});

import { beforeEach, describe, expect, it } from 'vitest';
import source from '../../../../public/m-sw.js?raw';
import { DATA_CACHE, keptAtAfter, keptAtLabel } from './kept';

/**
 * The phone pages' service worker, run here as the browser runs it (the same file), against an
 * in-memory Cache Storage and a network the test answers: what it keeps, what it never keeps,
 * and what it answers when the network fails or refuses.
 */

const ORIGIN = 'https://court.example';

class MemoryCache {
  readonly entries = new Map<string, Response>();
  private key(request: RequestInfo | URL) {
    return new URL(request instanceof Request ? request.url : String(request), ORIGIN).href;
  }
  async match(request: RequestInfo | URL) {
    return this.entries.get(this.key(request))?.clone();
  }
  async put(request: RequestInfo | URL, response: Response) {
    this.entries.set(this.key(request), response);
  }
  async delete(request: RequestInfo | URL) {
    return this.entries.delete(this.key(request));
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

class MemoryStorage {
  readonly caches = new Map<string, MemoryCache>();
  async open(name: string) {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new MemoryCache();
      this.caches.set(name, cache);
    }
    return cache;
  }
  async has(name: string) {
    return this.caches.has(name);
  }
  async delete(name: string) {
    return this.caches.delete(name);
  }
  async keys() {
    return [...this.caches.keys()];
  }
}

type Handler = (event: unknown) => void;
type Network = (request: Request) => Promise<Response>;

interface Worker {
  requestKind(method: string, href: string, mode: string, origin: string): 'page' | 'asset' | 'data' | null;
  DATA_CACHE: string;
  SHELL_CACHE: string;
}

let storage: MemoryStorage;
let handlers: Map<string, Handler>;
let network: Network;
let messages: unknown[];
let worker: Worker;

function load() {
  storage = new MemoryStorage();
  handlers = new Map();
  messages = [];
  network = () => Promise.reject(new TypeError('Failed to fetch'));
  const self = {
    location: { origin: ORIGIN },
    addEventListener: (type: string, handler: Handler) => handlers.set(type, handler),
    skipWaiting: async () => undefined,
    clients: { claim: async () => undefined, get: async () => ({ postMessage: (m: unknown) => messages.push(m) }) },
  };
  const fetchStub = (input: RequestInfo | URL) => network(input instanceof Request ? input : new Request(new URL(String(input), ORIGIN)));
  // The worker is a classic script with globals: run it with these in their place.
  const run = new Function('self', 'caches', 'fetch', `${source}\nreturn { requestKind, DATA_CACHE, SHELL_CACHE };`);
  worker = run(self, storage, fetchStub) as Worker;
}

/** A same-origin answer as fetch gives it to a worker (type "basic"). */
function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const response = new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', date: 'Sun, 22 Nov 2026 06:30:00 GMT', ...headers },
  });
  Object.defineProperty(response, 'type', { value: 'basic' });
  return response;
}

/** Dispatches a fetch to the worker: its answer (undefined when it leaves the request to the browser), after its background work. */
async function request(path: string, init: RequestInit & { navigate?: boolean } = {}): Promise<Response | undefined> {
  const req = new Request(new URL(path, ORIGIN), init);
  if (init.navigate) Object.defineProperty(req, 'mode', { value: 'navigate' });
  let answered: Promise<Response> | undefined;
  const waits: Promise<unknown>[] = [];
  handlers.get('fetch')?.({
    request: req,
    clientId: 'page-1',
    respondWith: (p: Promise<Response>) => {
      answered = p;
    },
    waitUntil: (p: Promise<unknown>) => waits.push(p),
  });
  const response = await answered;
  await Promise.all(waits);
  return response;
}

const dataKeys = async () =>
  [...((await storage.caches.get(DATA_CACHE)?.keys()) ?? [])].map((r) => new URL(r.url).pathname + new URL(r.url).search);

beforeEach(load);

describe('the phone service worker: what it touches', () => {
  it('keeps the assistant’s own tasks and the sign-in only, and only GETs', () => {
    const kind = (method: string, path: string, mode = 'cors') => worker.requestKind(method, `${ORIGIN}${path}`, mode, ORIGIN);
    expect(kind('GET', '/api/my/network-tasks?view=todo&limit=20')).toBe('data');
    expect(kind('GET', '/api/my/network-tasks/42')).toBe('data');
    expect(kind('GET', '/api/auth/me')).toBe('data');
    expect(kind('GET', '/assets/index-Bx1c9.js')).toBe('asset');
    expect(kind('GET', '/m/tasks/42', 'navigate')).toBe('page');
    expect(kind('GET', '/m', 'navigate')).toBe('page');
    // Writes, photos, other people's data and the court's pages are never touched.
    expect(kind('POST', '/api/my/network-tasks/42/report')).toBeNull();
    expect(kind('POST', '/api/my/network-tasks/42/accept')).toBeNull();
    expect(kind('GET', '/api/my/network-tasks/42/photos/1')).toBeNull();
    expect(kind('GET', '/api/network/tasks/42')).toBeNull();
    expect(kind('GET', '/api/my/network-tasks/0')).toBeNull();
    expect(kind('GET', '/api/my/network-tasks/../../cases')).toBeNull();
    expect(kind('GET', '/api/network/my/assessments')).toBeNull();
    expect(kind('GET', '/api/cases?q=1')).toBeNull();
    expect(kind('GET', '/cases/1', 'navigate')).toBeNull();
    expect(kind('GET', '/mobile', 'navigate')).toBeNull();
    expect(kind('GET', '/login', 'navigate')).toBeNull();
    expect(kind('GET', '/m-sw.js')).toBeNull();
    expect(worker.requestKind('GET', 'https://elsewhere.example/api/my/network-tasks', 'cors', ORIGIN)).toBeNull();
  });

  it('names the data cache as the page does, so sign-out deletes what the worker kept', () => {
    expect(worker.DATA_CACHE).toBe(DATA_CACHE);
    expect(worker.SHELL_CACHE).not.toBe(DATA_CACHE);
  });

  it('leaves a write to the browser, and keeps nothing of it', async () => {
    network = async () => answer(200, { ok: true });
    expect(await request('/api/my/network-tasks/42/report', { method: 'POST', body: '{}' })).toBeUndefined();
    expect(await request('/api/cases')).toBeUndefined();
    expect(storage.caches.has(DATA_CACHE)).toBe(false);
  });
});

describe('the phone service worker: tasks without a connection', () => {
  it('answers from the network while there is one, and with the last copy when there is none', async () => {
    network = async () => answer(200, { items: [{ id: 42 }], v: 1 });
    const fresh = await request('/api/my/network-tasks?view=todo');
    expect(await fresh?.json()).toEqual({ items: [{ id: 42 }], v: 1 });
    expect(messages).toEqual([{ type: 'courtassist:data-fresh', url: '/api/my/network-tasks?view=todo' }]);

    network = async () => answer(200, { items: [{ id: 42 }], v: 2 });
    await request('/api/my/network-tasks?view=todo');
    network = () => Promise.reject(new TypeError('Failed to fetch'));
    messages = [];
    const kept = await request('/api/my/network-tasks?view=todo');
    expect(await kept?.json()).toEqual({ items: [{ id: 42 }], v: 2 });
    expect(messages).toEqual([
      { type: 'courtassist:data-cached', url: '/api/my/network-tasks?view=todo', savedAt: Date.parse('2026-11-22T06:30:00Z') },
    ]);
    // Another view was never fetched: nothing to show, the page sees the failure.
    await expect(request('/api/my/network-tasks?view=done')).rejects.toThrow(TypeError);
  });

  it('never keeps an error answer, and passes it on rather than the copy', async () => {
    network = async () => answer(200, { id: 42, status: 'assigned' });
    await request('/api/my/network-tasks/42');
    network = async () => answer(404, { code: 'NOT_FOUND' });
    expect((await request('/api/my/network-tasks/42'))?.status).toBe(404);
    network = async () => answer(500, { code: 'INTERNAL' });
    expect((await request('/api/my/network-tasks/42'))?.status).toBe(500);
    // A redirect's end is not what was asked for.
    network = async () => {
      const r = answer(200, { elsewhere: true });
      Object.defineProperty(r, 'redirected', { value: true });
      return r;
    };
    await request('/api/my/network-tasks/42');
    network = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await (await request('/api/my/network-tasks/42'))?.json()).toEqual({ id: 42, status: 'assigned' });
  });

  it('on a 401 answers the 401, not the copy, and forgets everything it kept', async () => {
    network = async () => answer(200, { id: 7, roles: [] });
    await request('/api/auth/me');
    network = async () => answer(200, { id: 42 });
    await request('/api/my/network-tasks/42');
    expect(await dataKeys()).toEqual(['/api/auth/me', '/api/my/network-tasks/42']);

    network = async () => answer(401, { code: 'UNAUTHENTICATED' });
    expect((await request('/api/my/network-tasks/42'))?.status).toBe(401);
    expect(storage.caches.has(DATA_CACHE)).toBe(false);
    network = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(request('/api/my/network-tasks/42')).rejects.toThrow(TypeError);
    await expect(request('/api/auth/me')).rejects.toThrow(TypeError);
  });

  it('forgets the previous person’s tasks when someone else signs in on the phone', async () => {
    network = async () => answer(200, { id: 7 });
    await request('/api/auth/me');
    network = async () => answer(200, { id: 42, party: '孙立' });
    await request('/api/my/network-tasks/42');
    network = async () => answer(200, { id: 7 });
    await request('/api/auth/me');
    expect(await dataKeys()).toEqual(['/api/auth/me', '/api/my/network-tasks/42']);

    network = async () => answer(200, { id: 8 });
    await request('/api/auth/me');
    expect(await dataKeys()).toEqual(['/api/auth/me']);
    network = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await (await request('/api/auth/me'))?.json()).toEqual({ id: 8 });
  });

  it('deletes the kept data when the page asks (sign-out)', async () => {
    network = async () => answer(200, { id: 42 });
    await request('/api/my/network-tasks/42');
    const waits: Promise<unknown>[] = [];
    handlers.get('message')?.({ data: { type: 'courtassist:forget-data' }, waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
    expect(storage.caches.has(DATA_CACHE)).toBe(false);
  });
});

describe('the phone service worker: the app shell', () => {
  const html = (text: string) => {
    const r = new Response(text, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    Object.defineProperty(r, 'type', { value: 'basic' });
    return r;
  };

  it('opens a phone page offline from the last shell, and drops the assets of an older build', async () => {
    network = async (req) => (new URL(req.url).pathname.startsWith('/assets/') ? answer(200, 'js') : html('<html>build 1</html>'));
    expect(await (await request('/m/tasks', { navigate: true }))?.text()).toBe('<html>build 1</html>');
    await request('/assets/index-1.js');
    network = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await (await request('/m/tasks/42', { navigate: true }))?.text()).toBe('<html>build 1</html>');
    // A hashed asset is kept for good: answered without the network.
    expect((await request('/assets/index-1.js'))?.status).toBe(200);

    network = async () => html('<html>build 2</html>');
    await request('/m/tasks', { navigate: true });
    const shell = storage.caches.get(worker.SHELL_CACHE);
    expect([...(shell?.entries.keys() ?? [])].map((u) => new URL(u).pathname)).toEqual(['/index.html']);
  });

  it('does not keep an error page as the shell', async () => {
    network = async () => html('<html>good</html>');
    await request('/m/tasks', { navigate: true });
    network = async () => {
      const r = new Response('bad gateway', { status: 502, headers: { 'content-type': 'text/html' } });
      Object.defineProperty(r, 'type', { value: 'basic' });
      return r;
    };
    expect((await request('/m/tasks', { navigate: true }))?.status).toBe(502);
    network = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await (await request('/m/tasks', { navigate: true }))?.text()).toBe('<html>good</html>');
  });

  it('deletes the caches of older versions on activation, and nobody else’s', async () => {
    await storage.open('courtassist-m-data-v0');
    await storage.open('courtassist-m-shell-v0');
    await storage.open(DATA_CACHE);
    await storage.open('someone-else');
    const waits: Promise<unknown>[] = [];
    handlers.get('activate')?.({ waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.all(waits);
    expect((await storage.keys()).sort()).toEqual([DATA_CACHE, 'someone-else']);
  });
});

describe('the offline banner', () => {
  it('follows the worker: a kept copy shows its time, a fresh task answer clears it', () => {
    const at = Date.parse('2026-11-22T06:30:00Z');
    expect(keptAtAfter(null, { type: 'courtassist:data-cached', url: '/api/my/network-tasks?view=todo', savedAt: at }, 1)).toBe(at);
    expect(keptAtAfter(null, { type: 'courtassist:data-cached', url: '/api/my/network-tasks/4', savedAt: null }, 99)).toBe(99);
    expect(keptAtAfter(at, { type: 'courtassist:data-fresh', url: '/api/my/network-tasks/4' }, 1)).toBeNull();
    // Who is signed in is not data on screen; strangers' messages change nothing.
    expect(keptAtAfter(null, { type: 'courtassist:data-cached', url: '/api/auth/me', savedAt: at }, 1)).toBeNull();
    expect(keptAtAfter(at, { type: 'courtassist:data-fresh', url: '/api/auth/me' }, 1)).toBe(at);
    expect(keptAtAfter(at, 'hello', 1)).toBe(at);
    expect(keptAtAfter(at, null, 1)).toBe(at);
  });

  it('shows the time for today’s copy and the date for an older one', () => {
    const saved = new Date(2026, 10, 22, 8, 5).getTime();
    expect(keptAtLabel(saved, new Date(2026, 10, 22, 17, 0).getTime())).toBe('08:05');
    expect(keptAtLabel(saved, new Date(2026, 10, 23, 7, 0).getTime())).toBe('2026-11-22 08:05');
  });
});

/**
 * The server as an operator runs it: `node dist/main.js` on an embedded PGlite folder. Data must
 * survive a graceful stop and a kill -9; SIGTERM finishes requests in flight before exiting.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePostgres } from './harness.js';

const root = resolve(import.meta.dirname, '..', '..', '..');
const main = join(root, 'apps', 'api', 'dist', 'main.js');

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

async function startServer(dataDir: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, [main], {
    // A small demo (the lifecycle needs the province, not thousands of cases) keeps the first start quick.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      DEMO_CASES: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (d: Buffer) => {
    output += d;
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, exited };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

async function signInAdmin(base: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'Admin@2026' }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

async function createDepartment(base: string, session: { cookie: string; csrfToken: string }, name: string) {
  return fetch(`${base}/api/departments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ courtId: 1, name, kind: 'other' }),
  });
}

async function departmentNames(base: string): Promise<string[]> {
  const session = await signInAdmin(base);
  const response = await fetch(`${base}/api/departments?courtId=1&pageSize=200`, { headers: { cookie: session.cookie } });
  return ((await response.json()) as { items: { name: string }[] }).items.map((d) => d.name);
}

describe.skipIf(usePostgres)('server lifecycle on the embedded database', { timeout: 180_000 }, () => {
  let dataDir: string;
  let port: number;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'courtassist-lifecycle-'));
    port = await freePort();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finishes a request in flight on SIGTERM, exits 0, and keeps the data', async () => {
    const server = await startServer(dataDir, port);
    const session = await signInAdmin(server.base);
    expect((await createDepartment(server.base, session, '持久化测试庭')).status).toBe(201);
    // A sign-in takes tens of milliseconds (argon2id): signal while it is running.
    const inFlight = fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'judge', password: 'Demo@2026' }),
    });
    await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await server.exited).toBe(0);

    const again = await startServer(dataDir, port);
    expect(await departmentNames(again.base)).toContain('持久化测试庭');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('survives kill -9: committed writes are there after restart and the database is sound', async () => {
    const server = await startServer(dataDir, port);
    const session = await signInAdmin(server.base);
    expect((await createDepartment(server.base, session, '断电前提交庭')).status).toBe(201);
    // Writes still streaming in when the process dies.
    const pending = Array.from({ length: 10 }, (_, i) => createDepartment(server.base, session, `并发写入庭${i}`).catch(() => null));
    server.child.kill('SIGKILL');
    await Promise.all(pending);
    await server.exited;

    const again = await startServer(dataDir, port);
    const names = await departmentNames(again.base);
    expect(names).toContain('断电前提交庭');
    expect(names).toContain('持久化测试庭');
    // The stale pid file of the killed process must not block the restart, and writes work.
    const fresh = await signInAdmin(again.base);
    expect((await createDepartment(again.base, fresh, '重启后写入庭')).status).toBe(201);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('refuses a second server on the same data folder while the first runs', async () => {
    const server = await startServer(dataDir, port);
    const second = spawn(process.execPath, [main], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(await freePort()), DATABASE_URL: '', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    second.stderr?.on('data', (d: Buffer) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((ok) => second.on('exit', ok));
    expect(code).toBe(1);
    expect(stderr).toMatch(/in use by process/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

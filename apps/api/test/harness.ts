/**
 * Integration-test harness: a fresh, migrated database per test file — PGlite in memory, or a
 * new database on the PostgreSQL server of TEST_DATABASE_URL when TEST_DB=postgres — with the
 * demo province loaded, and helpers to sign in and call the API through `app.inject()`.
 */
import { randomBytes } from 'node:crypto';
import { CSRF_HEADER } from '@courtassist/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { type AppConfig, loadConfig } from '../src/platform/config.js';
import { type Database, openDatabase } from '../src/platform/db.js';
import { seedDemo } from '../src/seed/index.js';

export const usePostgres = process.env.TEST_DB === 'postgres';

export interface TestDatabase extends Database {
  /** Drops the server database, if one was created. */
  dispose(): Promise<void>;
}

async function createServerDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `ca_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (usePostgres) {
    const server = await createServerDatabase();
    const database = await openDatabase({ databaseUrl: server.url, dataDir: 'memory://', poolSize: 5 });
    await database.migrate();
    return { ...database, dispose: server.drop };
  }
  const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
  await database.migrate();
  return { ...database, dispose: async () => undefined };
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { seed?: boolean; config?: Partial<AppConfig>; random?: () => number } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seed !== false) await seedDemo(database.db);
  const config = loadConfig({}, { webDist: null, loginRateLimitPerMinute: 1000, ...options.config });
  const app = await buildApp(config, { database, logger: false, random: options.random });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
      await database.dispose();
    },
  };
}

/** A signed-in client: carries the session cookie and the CSRF header on every call. */
export interface Client {
  userId: number;
  cookie: string;
  csrf: string;
  request(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export async function signIn(app: FastifyInstance, username: string, password = 'Demo@2026'): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  const cookie = cookieHeader(response);
  const request: Client['request'] = (method, url, payload, headers = {}) =>
    app.inject({
      method,
      url,
      payload: payload === undefined ? undefined : (payload as InjectOptions['payload']),
      headers: { cookie, [CSRF_HEADER]: body.csrfToken, ...headers },
    });
  return {
    userId: body.user.id,
    cookie,
    csrf: body.csrfToken,
    request,
    get: (url) => request('GET', url),
    post: (url, payload) => request('POST', url, payload ?? {}),
    patch: (url, payload) => request('PATCH', url, payload),
    put: (url, payload) => request('PUT', url, payload),
  };
}

/** The demo province's password for every generated account except `admin`. */
export const DEMO_PASSWORD = 'Demo@2026';
export const ADMIN_PASSWORD = 'Admin@2026';

/**
 * Signs in an account made by an administrator, which must change its initial password before
 * anything else, and does so: the client returned can use the whole API. The new password is
 * the initial one with `!` appended.
 */
export async function signInNewAccount(app: FastifyInstance, username: string, initialPassword: string): Promise<Client> {
  const first = await signIn(app, username, initialPassword);
  const changed = await first.post('/api/auth/password', { currentPassword: initialPassword, newPassword: `${initialPassword}!` });
  if (changed.statusCode !== 200) throw new Error(`password change of ${username} failed: ${changed.body}`);
  const me = await first.get('/api/auth/me');
  if (me.json().mustChangePassword) throw new Error(`${username} still must change the password`);
  return first;
}

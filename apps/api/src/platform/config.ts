import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything the app reads from its surroundings, resolved once at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** PGlite data folder; `memory://` keeps everything in memory (tests). */
  dataDir: string;
  /** When set, a PostgreSQL server is used instead of PGlite. */
  databaseUrl: string | null;
  /** Load demo data into an empty database at start. */
  demo: boolean;
  logLevel: string;
  version: string;
  /** Folder of the built web app, served at `/` when it exists. */
  webDist: string | null;
  loginRateLimitPerMinute: number;
  sessionHours: number;
  bodyLimitBytes: number;
  /** Mark cookies `Secure`; on by default in production behind HTTPS. */
  secureCookies: boolean;
  /** Trust X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  /** SMS gateway endpoint (POST JSON {to, text}); without it SMS go to the development channel. */
  smsGatewayUrl: string | null;
  /** Key sent to the SMS gateway in the `X-Api-Key` header. */
  smsGatewayKey: string | null;
  /** Mail server, `smtp://user:pass@host:port` (or `smtps://`); without it mail goes to the development channel. */
  smtpUrl: string | null;
  /** Sender address of outgoing mail. */
  mailFrom: string;
  /** The public origin links in messages point to (electronic delivery's read links), e.g. https://court.example.cn; null: the request's origin. */
  publicBaseUrl: string | null;
}

const here = dirname(fileURLToPath(import.meta.url));
/** apps/api, whether running from src (tests) or from dist (built). */
export const apiRoot = resolve(here, '..', '..');
export const repoRoot = resolve(apiRoot, '..', '..');
export const migrationsFolder = resolve(apiRoot, 'migrations');

function readVersion(): string {
  try {
    return JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
}

function flag(value: string | undefined): boolean {
  return value !== undefined && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/** An http(s) origin with an optional path, without the trailing slash. */
function baseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`Expected an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Expected an http(s) URL, got "${value}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Expected a whole number, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const config: AppConfig = {
    port: int(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? resolve(process.cwd(), 'data')),
    databaseUrl: env.DATABASE_URL || null,
    demo: flag(env.DEMO),
    logLevel: env.LOG_LEVEL ?? 'info',
    version: readVersion(),
    webDist: resolve(repoRoot, 'apps', 'web', 'dist'),
    loginRateLimitPerMinute: int(env.LOGIN_RATE_LIMIT, 30),
    sessionHours: int(env.SESSION_HOURS, 12),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 1024 * 1024),
    secureCookies: flag(env.SECURE_COOKIES),
    trustProxy: flag(env.TRUST_PROXY),
    smsGatewayUrl: env.SMS_GATEWAY_URL || null,
    smsGatewayKey: env.SMS_GATEWAY_KEY || null,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'CourtAssist <no-reply@courtassist.local>',
    publicBaseUrl: baseUrl(env.PUBLIC_BASE_URL),
  };
  return { ...config, ...overrides };
}

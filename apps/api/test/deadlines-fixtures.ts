/** Shared set-up of the deadlines-*.int.test.ts files: dates relative to today, filing and assigning cases. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../src/platform/db.js';
import type { Client, TestApp } from './harness.js';

/** Today in China Standard Time: levels and validations reckon on the real date. */
export function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export async function courtId(admin: Client, code: string): Promise<number> {
  const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string }[];
  return (courts.find((c) => c.code === code && c.level === 'basic') as { id: number }).id;
}

/** The username of the division head of a court's 民事审判第一庭 (generated accounts share the demo password). */
export async function divisionHeadOf(t: TestApp, courtCode: string): Promise<string> {
  const [row] = await rows<{ username: string }>(
    t.database.db,
    sql`SELECT u.username FROM users u
        JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id AND r.code = 'division-head'
        JOIN departments d ON d.id = u.department_id AND d.name = '民事审判第一庭'
        JOIN courts c ON c.id = u.court_id AND c.code = ${courtCode} AND c.level = 'basic'
        ORDER BY u.id LIMIT 1`,
  );
  return row.username;
}

const person = (role: string, name: string) => ({ kind: 'person', role, name });

/** A special-procedure case (民特, 30 days): its deadline is filedOn + 30. */
export function specialCase(court: number, filedOn: string) {
  return {
    courtId: court,
    caseTypeCode: '民特',
    procedureCode: 'civil-special',
    filedOn,
    summary: '认定财产无主',
    parties: [person('applicant', '钱七')],
  };
}

/** A simplified civil case (民初, 3 months). */
export function simpleCase(court: number, filedOn: string) {
  return {
    courtId: court,
    caseTypeCode: '民初',
    procedureCode: 'civil-first-simple',
    causeCode: 'C04.10.103.03',
    filedOn,
    summary: '借款到期未还',
    parties: [person('plaintiff', '张三'), person('defendant', '李四')],
  };
}

export interface FiledCase {
  id: number;
  caseNumber: string;
  deadlineOn: string;
  version: number;
  judgeId: number;
  assistantId: number;
  clerkId: number;
}

/** Files a case (clerk) and assigns it by hand (division head) to the given judge, whose team follows. */
export async function fileAndAssign(clerk: Client, divhead: Client, body: unknown, judgeId: number): Promise<FiledCase> {
  const filed = await clerk.post('/api/cases', body);
  expect(filed.statusCode, filed.body).toBe(201);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId,
    reason: '测试指定承办',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return assigned.json();
}

export async function caseOf(client: Client, id: number) {
  const response = await client.get(`/api/cases/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/**
 * Closes the app and its database, then drops a server database only once the pool's sockets are
 * gone: pg's Pool.end() resolves before its clients' sockets close, and DROP DATABASE … WITH
 * (FORCE) would otherwise terminate them, an "unhandled error" that fails the run.
 */
export async function closeTestApp(t: TestApp | undefined): Promise<void> {
  if (!t) return;
  await t.app.close();
  await t.database.close();
  await new Promise((resolve) => setTimeout(resolve, 250));
  await t.database.dispose();
}

import type { Calendar, Problem } from '@courtassist/contracts';
import type { Db } from '../../platform/db.js';
import { storedCalendar } from '../calendar/index.js';
import { runDeadlineCommand } from './deadline-command.js';

/**
 * `POST /api/deadlines/compute`: the calculator of `courtassist deadline` — the same validation,
 * the same results, the same problem document — with the stored holiday calendar for periods
 * that bring none (read only when one needs it).
 */
export type ComputeAnswer = { ok: true; json: string } | { ok: false; status: number; problem: Problem };

function needsStored(body: unknown): boolean {
  return (Array.isArray(body) ? body : [body]).some(
    (r) => typeof r === 'object' && r !== null && (r as { type?: unknown }).type === 'period' && !('calendar' in r),
  );
}

/** `[3].deductions[0].to` (the command's form) → `body.3.deductions.0.to` (the API's); a single request has no index. */
export function apiField(field: string, batch: boolean): string {
  const path = field.replace(/\[(\d+)\]/g, '.$1');
  return batch ? `body${path}` : `body${path.replace(/^\.0(?=\.|$)/, '')}`;
}

export async function computeDeadlines(db: Db, body: unknown): Promise<ComputeAnswer> {
  const stored: Calendar | undefined = needsStored(body) ? await storedCalendar(db) : undefined;
  const output = runDeadlineCommand(JSON.stringify(body ?? null), stored);
  if (output.exitCode === 0) return { ok: true, json: output.stdout };
  const problem = JSON.parse(output.stdout) as Problem;
  const batch = Array.isArray(body);
  if (problem.errors) problem.errors = problem.errors.map((e) => ({ ...e, field: apiField(e.field, batch) }));
  return { ok: false, status: problem.status, problem };
}

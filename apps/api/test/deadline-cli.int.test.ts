/**
 * `courtassist deadline` as a real process on batches large enough to be answered on two threads
 * (deadline-batch.ts): the answer must be exactly the one-thread answer, results and problems alike.
 * No database: every period carries its calendar.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDeadlineBatch, OFFICIAL_CALENDAR_2026, runDeadlineCommand } from '../src/modules/deadlines/index.js';

const cliPath = fileURLToPath(new URL('../../../bin/courtassist.mjs', import.meta.url));

function cli(stdin: string): { code: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [cliPath, 'deadline'], {
    env: { ...process.env, DATA_DIR: fileURLToPath(new URL('./no-such-folder', import.meta.url)), DATABASE_URL: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    input: stdin,
    maxBuffer: 256 * 2 ** 20,
    timeout: 240_000,
  });
  return { code: result.status, stdout: result.stdout };
}

/** Enough requests for more than the two-thread threshold (4 MB), every period with its calendar. */
function bigBatch(): Record<string, unknown>[] {
  return makeDeadlineBatch(24_000, 5).map((r) => (r.type === 'period' ? { ...r, calendar: OFFICIAL_CALENDAR_2026 } : r));
}

describe('courtassist deadline on a large batch (two threads)', { timeout: 300_000 }, () => {
  it('answers exactly what one thread answers', () => {
    const input = JSON.stringify(bigBatch(), null, 1);
    expect(input.length).toBeGreaterThan(4 * 2 ** 20);
    const { code, stdout } = cli(input);
    expect(code).toBe(0);
    expect(stdout).toBe(runDeadlineCommand(input).stdout);
    expect(JSON.parse(stdout)).toHaveLength(24_000);
  });

  it('names an invalid item by its place in the whole batch, even in the second half', () => {
    const batch = bigBatch();
    batch[20_000] = { ...batch[20_000], type: 'period', from: '2026-02-30', days: 15, calendar: OFFICIAL_CALENDAR_2026 };
    delete batch[20_000].procedure;
    delete batch[20_000].filedOn;
    delete batch[20_000].extensions;
    delete batch[20_000].deductions;
    const input = JSON.stringify(batch);
    const { code, stdout } = cli(input);
    expect(code).toBe(2);
    expect(stdout).toBe(runDeadlineCommand(input).stdout);
    expect(JSON.parse(stdout).errors[0].field).toMatch(/^\[20000\]/);
  });

  it('asks for a calendar when a period of the second half has none and no database is configured', () => {
    const batch = bigBatch();
    batch[23_000] = { type: 'period', from: '2026-09-16', days: 15 };
    const input = JSON.stringify(batch);
    const { code, stdout } = cli(input);
    expect(code).toBe(2);
    expect(stdout).toBe(runDeadlineCommand(input).stdout);
    expect(JSON.parse(stdout)).toMatchObject({ code: 'CALENDAR_REQUIRED', errors: [{ field: '[23000].calendar' }] });
  });

  it('answers malformed text as one thread does', () => {
    const input = `${JSON.stringify(bigBatch()).slice(0, -1)},{]`;
    const { code, stdout } = cli(input);
    expect(code).toBe(2);
    expect(stdout).toBe(runDeadlineCommand(input).stdout);
  });
});

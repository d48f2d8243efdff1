/**
 * `courtassist deadline` as a real process: a period without a calendar of its own uses the
 * calendar stored in the DATA_DIR database; a request carrying its own calendar never opens (or
 * creates) a database. PGlite only: the command reads DATA_DIR, and the stored calendar on
 * PostgreSQL is covered by calendar.int.test.ts through storedCalendar.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db.js';
import { usePostgres } from './harness.js';

const cliPath = fileURLToPath(new URL('../../../bin/courtassist.mjs', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `stdin`; never throws on a non-zero exit. */
function cli(dataDir: string, args: string[], stdin = ''): CliResult {
  try {
    const stdout = execFileSync(process.execPath, [cliPath, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      input: stdin,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 240_000,
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number | null; stdout: string; stderr: string };
    return { code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const PERIOD = JSON.stringify({ type: 'period', from: '2026-09-30', days: 1 });

// Each run may first rebuild the API (bin/courtassist.mjs), which takes a while on a busy machine.
describe.skipIf(usePostgres)(
  'courtassist deadline with the stored calendar (command line, PGlite data folder)',
  { timeout: 240_000 },
  () => {
    let root: string;
    let dataDir: string;

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'courtassist-calendar-cli-'));
      dataDir = join(root, 'data');
      const migrated = cli(dataDir, ['migrate']);
      expect(migrated.code, migrated.stderr + migrated.stdout).toBe(0);
      expect(existsSync(join(dataDir, 'pgdata'))).toBe(true);
    }, 300_000);

    afterAll(() => {
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('uses the official 2026 schedule: 2026-09-30 + 1 day = 2026-10-08', () => {
      // Rule 1: the day of the event is not counted, so one day after Wed 2026-09-30 is Thu 10-01.
      // 10-01 is National Day; the 2026 notice gives Oct 1–7 (Thu–Wed) as rest days and makes
      // Sat Oct 10 a working day. Rule 4 moves the end past the rest days to the first working
      // day: Thu 2026-10-08, an ordinary weekday (2026 has no 8-day National Day: Mid-Autumn is
      // Sep 25–27 that year). The folder was only migrated: the command preloads the schedule.
      const result = cli(dataDir, ['deadline'], PERIOD);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      const answer = JSON.parse(result.stdout);
      expect(answer.deadline).toBe('2026-10-08');
      expect(answer.steps.at(-1).detail).toContain('2026-10-01至2026-10-07');
    });

    it('follows the administrator’s changes to the stored calendar: with Oct 8 a holiday too, 2026-10-09', async () => {
      const database = await openDatabase({ databaseUrl: null, dataDir });
      try {
        await database.db.execute(sql`INSERT INTO calendar_days (day, kind, name) VALUES ('2026-10-08', 'holiday', '测试')`);
      } finally {
        await database.close();
      }
      // Oct 1–8 are now rest days, so the first working day is Fri 2026-10-09.
      const result = cli(dataDir, ['deadline'], PERIOD);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      expect(JSON.parse(result.stdout).deadline).toBe('2026-10-09');
    });

    it('a request with its own calendar never opens the database, even when the folder has one', async () => {
      // This process holds the folder (PGlite allows one process): any attempt to open it fails.
      const database = await openDatabase({ databaseUrl: null, dataDir });
      try {
        // An empty calendar: 10-01 is a plain Thursday, so the deadline stays there.
        const own = cli(dataDir, ['deadline'], JSON.stringify({ type: 'period', from: '2026-09-30', days: 1, calendar: { holidays: [] } }));
        expect(own.code, own.stderr + own.stdout).toBe(0);
        expect(JSON.parse(own.stdout).deadline).toBe('2026-10-01');
        // A trial limit needs no calendar either.
        const trial = cli(dataDir, ['deadline'], JSON.stringify({ type: 'trial', procedure: 'civil-first-simple', filedOn: '2026-01-05' }));
        expect(trial.code, trial.stderr + trial.stdout).toBe(0);
        expect(JSON.parse(trial.stdout).deadline).toBe('2026-04-05');
        // The control: a period without a calendar does open the folder, and is refused while it is held.
        const stored = cli(dataDir, ['deadline'], PERIOD);
        expect(stored.code).toBe(1);
        expect(stored.stderr).toContain('in use');
      } finally {
        await database.close();
      }
    });

    it('with an explicit calendar and DATA_DIR pointing at a folder that does not exist: works, creates nothing', () => {
      const missing = join(root, 'does-not-exist');
      const request = { type: 'period', from: '2026-09-30', days: 1, calendar: { holidays: ['2026-10-01', '2026-10-02'], workdays: [] } };
      const result = cli(missing, ['deadline'], JSON.stringify(request));
      expect(result.code, result.stderr + result.stdout).toBe(0);
      // 10-01 and 10-02 are holidays, 10-03/04 a weekend: Monday 10-05.
      expect(JSON.parse(result.stdout).deadline).toBe('2026-10-05');
      expect(existsSync(missing)).toBe(false);
    });

    it('without a database, a period with no calendar is refused (CALENDAR_REQUIRED) and nothing is created', () => {
      const missing = join(root, 'still-missing');
      const result = cli(missing, ['deadline'], PERIOD);
      expect(result.code).toBe(2);
      expect(JSON.parse(result.stdout).code).toBe('CALENDAR_REQUIRED');
      expect(existsSync(missing)).toBe(false);
    });
  },
);

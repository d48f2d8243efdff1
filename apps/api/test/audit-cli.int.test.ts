/**
 * `courtassist audit verify` run as a real process against a PGlite data folder: exit 0 when the
 * chain is intact, exit 1 naming the first broken record after tampering. PGlite only: the command
 * reads DATA_DIR, and a PostgreSQL run is covered by audit.int.test.ts through verifyAuditChain.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows } from '../src/platform/db.js';
import { usePostgres } from './harness.js';

const cliPath = fileURLToPath(new URL('../../../bin/courtassist.mjs', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe.skipIf(usePostgres)('courtassist audit verify (command line, PGlite data folder)', () => {
  let dataDir: string;

  /** Runs the CLI on the temporary folder; never throws on a non-zero exit. */
  function cli(...args: string[]): CliResult {
    try {
      const stdout = execFileSync(process.execPath, [cliPath, ...args], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 240_000,
      });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const e = error as { status: number | null; stdout: string; stderr: string };
      return { code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  }

  /** Opens the folder in this process (the CLI must not be running), runs `work`, closes it. */
  async function withFolder<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
    const database = await openDatabase({ databaseUrl: null, dataDir });
    try {
      return await work(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'courtassist-audit-cli-'));
    const seeded = cli('seed');
    expect(seeded.code, seeded.stderr + seeded.stdout).toBe(0);
    expect(seeded.stdout).toContain('Seeded');
    // Two more records, so that the tampered one sits in the middle of the chain.
    for (const username of ['cli-user-1', 'cli-user-2']) {
      const created = cli(
        'user',
        'create',
        '--username',
        username,
        '--name',
        '命令行用户',
        '--court',
        '吉0102',
        '--roles',
        'clerk',
        '--password',
        'Cli-pass123',
      );
      expect(created.code, created.stderr + created.stdout).toBe(0);
    }
  }, 300_000);

  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits 0 and reports every record on an intact chain', async () => {
    const [{ n }] = await withFolder((db) => rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_log`));
    expect(n).toBeGreaterThanOrEqual(3);
    const result = cli('audit', 'verify');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^OK: ${n} records, chain intact\\.`, 'm'));
  });

  it('exits 1 naming the altered record after someone edits it behind the trigger’s back', async () => {
    const middle = await withFolder(async (db) => {
      const [{ id }] = await rows<{ id: number }>(db, sql`SELECT id::int AS id FROM audit_log ORDER BY id OFFSET 1 LIMIT 1`);
      // The trigger refuses the edit...
      await expect(db.execute(sql`UPDATE audit_log SET actor_name = 'intruder' WHERE id = ${id}`)).rejects.toThrow();
      // ...so the intruder disables it first.
      await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await db.execute(sql`UPDATE audit_log SET changes = '{"username":{"after":"someone-else"}}'::jsonb WHERE id = ${id}`);
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
      return id;
    });
    const result = cli('audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`BROKEN at record ${middle}`);
    expect(result.stdout).toContain('altered');
    expect(result.stdout).toContain('(1 records before it are intact)');
  });
});

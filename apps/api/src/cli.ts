import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig } from './platform/config.js';
import type { Database } from './platform/db.js';
import { DEFAULT_SEED } from './seed/defaults.js';

// Each command loads only the modules it uses, when it runs: loading them all (the database
// drivers, exceljs, docxtemplater …) costs seconds, which `courtassist deadline` would pay on
// every call for nothing.

/** Opens the configured database (DATA_DIR or DATABASE_URL), migrated, for one command. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('./platform/db.js');
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function passwordFrom(option: string | undefined): string {
  const password = option ?? process.env.COURTASSIST_PASSWORD;
  if (!password) throw new InvalidArgumentError('give --password or set COURTASSIST_PASSWORD');
  return password;
}

export function buildCli(): Command {
  const program = new Command('courtassist').description('CourtAssist 法院审判辅助事务管理系统 — command line');

  program
    .command('migrate')
    .description('apply database migrations')
    .action(() => withDatabase(async () => console.log('Migrations applied.')));

  program
    .command('seed')
    .description('load the demo province (courts, tribunals, departments, teams, staff) and optionally cases')
    .option('--seed <n>', 'random seed: the same seed gives the same data', positiveInt, DEFAULT_SEED)
    .option('--cases <n>', 'cases to generate over the last two years (added to a province loaded earlier)', positiveInt, 0)
    .action((opts: { seed: number; cases: number }) =>
      withDatabase(async ({ db }) => {
        const { demoAccountsTable, seedDemo } = await import('./seed/index.js');
        const started = Date.now();
        const summary = await seedDemo(db, { seed: opts.seed, cases: opts.cases, progress: (m) => process.stderr.write(`  ${m}\n`) });
        if (summary.courts === 0 && summary.cases === 0) {
          console.log('The demo province is loaded already; nothing to do. Use --cases N to add cases.');
          return;
        }
        console.log(`Seeded in ${Date.now() - started} ms: ${JSON.stringify(summary)}`);
        console.log(demoAccountsTable());
      }),
    );

  program
    .command('init')
    .description('create the root (higher) court of a new installation')
    .requiredOption('--court-name <name>', 'e.g. 吉林省高级人民法院')
    .requiredOption('--court-code <code>', 'province character, e.g. 吉')
    .action((opts: { courtName: string; courtCode: string }) =>
      withDatabase(async ({ db }) => {
        const { createRootCourt } = await import('./modules/org/index.js');
        const id = await createRootCourt(db, { name: opts.courtName, code: opts.courtCode });
        console.log(`Court ${opts.courtName} (${opts.courtCode}) created with id ${id}.`);
      }),
    );

  const user = program.command('user').description('manage user accounts');
  user
    .command('create')
    .description('create a user (e.g. the first administrator)')
    .requiredOption('--username <username>')
    .requiredOption('--name <displayName>', 'display name, e.g. 张三')
    .requiredOption('--court <code>', 'court code, e.g. 吉 or 吉0102')
    .option('--roles <codes>', 'comma-separated role codes', 'admin')
    .option('--password <password>', 'initial password (or COURTASSIST_PASSWORD)')
    .action((opts: { username: string; name: string; court: string; roles: string; password?: string }) =>
      withDatabase(async ({ db }) => {
        const { createUserFromCli } = await import('./modules/org/index.js');
        const id = await createUserFromCli(db, {
          username: opts.username,
          displayName: opts.name,
          courtCode: opts.court,
          roles: opts.roles
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean),
          password: passwordFrom(opts.password),
        });
        console.log(`User ${opts.username} created with id ${id}.`);
      }),
    );
  user
    .command('reset-password')
    .description("set a user's password; they must change it at next sign-in")
    .requiredOption('--username <username>')
    .option('--password <password>', 'new password (or COURTASSIST_PASSWORD)')
    .action((opts: { username: string; password?: string }) =>
      withDatabase(async ({ db }) => {
        const { resetPasswordFromCli } = await import('./modules/org/index.js');
        await resetPasswordFromCli(db, opts.username, passwordFrom(opts.password));
        console.log(`Password of ${opts.username} reset; all their sessions ended.`);
      }),
    );

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description('recompute the hash chain and report the first altered or missing record')
    .action(() =>
      withDatabase(async ({ db }) => {
        const { verifyAuditChain } = await import('./modules/audit/index.js');
        const result = await verifyAuditChain(db, (n) => process.stderr.write(`\r  checked ${n} records`));
        process.stderr.write('\n');
        if (result.ok) {
          const waiting = result.unsealed > 0 ? ` ${result.unsealed} newer records of transactions still running are not sealed yet.` : '';
          console.log(`OK: ${result.checked} records, chain intact.${waiting}`);
        } else {
          console.log(`BROKEN at record ${result.brokenAt}: ${result.reason} (${result.checked} records before it are intact).`);
          process.exitCode = 1;
        }
      }),
    );

  program
    .command('deadline')
    .description('compute trial limits and party periods: one JSON request or an array on stdin, the result(s) as JSON on stdout')
    .action(async () => {
      // A database is opened only for valid periods without a calendar of their own, and only if one is configured.
      const { answerDeadlineCommand, startDeadlineWorker } = await import('./modules/deadlines/deadline-batch.js');
      const worker = startDeadlineWorker(new URL('./modules/deadlines/deadline-worker.js', import.meta.url));
      const input = await readStdin();
      const config = loadConfig();
      const hasDatabase = !!config.databaseUrl || existsSync(join(config.dataDir, 'pgdata'));
      const storedCalendar = async () =>
        hasDatabase
          ? withDatabase(async ({ db }) => {
              const { ensureOfficialCalendar, storedCalendar } = await import('./modules/calendar/index.js');
              await ensureOfficialCalendar(db);
              return storedCalendar(db);
            })
          : undefined;
      const answer = await answerDeadlineCommand(input, storedCalendar, worker);
      for (const piece of answer.pieces) process.stdout.write(piece);
      process.exitCode = answer.exitCode;
    });

  const deadlines = program.command('deadlines').description('stored trial-limit deadlines of cases');
  deadlines
    .command('sweep')
    .description("set every open case's warning level for today and notify those that entered a new level")
    .action(() =>
      withDatabase(async ({ db }) => {
        const { sweepDeadlineWarnings } = await import('./modules/deadlines/index.js');
        const { caseDeadlineStore } = await import('./modules/cases/index.js');
        const result = await sweepDeadlineWarnings(db, caseDeadlineStore);
        console.log(
          `${result.changed} cases changed warning level (${result.refreshed} suspended deadlines refreshed, ${result.delivered} notifications delivered).`,
        );
      }),
    );

  const inspection = program.command('inspection').description('quality inspection (质检) of case data');
  inspection
    .command('run')
    .description('run every active inspection rule over the open cases and those closed this year: open new defects, close fixed ones')
    .action(() =>
      withDatabase(async ({ db }) => {
        const { ensureInspectionRules, runInspection } = await import('./modules/inspection/index.js');
        await ensureInspectionRules(db);
        const r = await runInspection(db);
        console.log(
          `${r.rules} rules: ${r.opened} defects opened, ${r.refreshed} still present, ${r.fixed} fixed; ${r.open} open in all (${r.ms} ms).`,
        );
      }),
    );

  const network = program.command('network').description('the grassroots judicial-assistance network (基层司法协助网络)');
  network
    .command('assess')
    .description(
      'run the monthly assessment and subsidy statements of a court (and the courts below it); a published month is left as it is',
    )
    .requiredOption('--court <code>', 'court code, e.g. 吉0102 (吉 for the whole province)')
    .requiredOption('--month <month>', 'YYYY-MM')
    .action((options: { court: string; month: string }) =>
      withDatabase(async ({ db }) => {
        if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.month)) throw new InvalidArgumentError('--month must be YYYY-MM');
        const { systemContext } = await import('./platform/context.js');
        const { runNetworkAssessmentOf } = await import('./modules/network/index.js');
        const r = await runNetworkAssessmentOf(db, systemContext('cli'), options.court, options.month);
        if (!r) throw new InvalidArgumentError(`no court ${options.court}`);
        for (const run of r.runs) {
          const g = run.grades;
          console.log(
            `${run.courtName} ${run.month}: ${run.assistants} assistants — 优秀 ${g.excellent}, 合格 ${g.qualified}, 基本合格 ${g.basic}, 不合格 ${g.unqualified}; ${run.replacements} replacement recommendation(s).`,
          );
        }
        console.log(`${r.runs.length} court(s) assessed for ${options.month} in ${r.ms} ms.`);
      }),
    );

  return program;
}

/** Whether some period in the input has no calendar of its own (input that is not JSON needs none: it is refused). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = process.exitCode || 1;
  }
}

import { buildApp } from './app.js';
import { countCourts } from './modules/org/index.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db.js';
import { demoAccountsTable, hasSeedRecord, seedDemo } from './seed/index.js';

/**
 * Server entry. On the embedded database the demo province is loaded the first time; on a
 * PostgreSQL server only with --demo (or DEMO=1), and only into an empty database.
 */
async function main() {
  const config = loadConfig(process.env, process.argv.includes('--demo') ? { demo: true } : {});
  const database = await openDatabase(config);
  await database.migrate();
  const wantsDemo = config.demo || database.kind === 'pglite';
  if (wantsDemo && (await countCourts(database.db)) === 0) {
    console.log('Loading demo data 正在加载演示数据 …');
    const cases = Number(process.env.DEMO_CASES ?? 3000);
    const summary = await seedDemo(database.db, { cases, progress: (m) => console.log(`  ${m}`) });
    console.log(`Demo province loaded: ${JSON.stringify(summary)}`);
  }
  const app = await buildApp(config, { database, scheduler: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      console.error('Forced exit.');
      process.exit(1);
    }
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    try {
      await app.close();
      await app.drain(10_000);
      await database.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\nCourtAssist 法院审判辅助事务管理系统 ${config.version} is running on ${url}`);
  console.log(
    `Database: ${database.kind === 'pglite' ? `embedded PGlite at ${config.dataDir}` : 'PostgreSQL server'}; API docs: ${url}/api/docs`,
  );
  if (await hasSeedRecord(database.db)) console.log(`\n${demoAccountsTable()}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

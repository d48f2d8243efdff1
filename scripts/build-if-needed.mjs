// Builds what is missing or out of date, so that `npm start` and `npx courtassist` work on a
// fresh clone without a separate build step.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** tsc -b is incremental: cheap when nothing changed. */
export function ensureApiBuilt({ quiet = false } = {}) {
  // Even a no-op `tsc -b` costs about a second, which every CLI call would pay: check the dates first.
  const api = join(root, 'apps', 'api');
  // tsc rewrites its build-info file on every build that changed anything.
  const built = newest(join(api, 'dist', '.tsbuildinfo'));
  const sources = Math.max(
    newest(join(api, 'src')),
    newest(join(api, 'tsconfig.json')),
    newest(join(root, 'packages', 'contracts', 'src')),
    newest(join(root, 'packages', 'contracts', 'tsconfig.json')),
  );
  if (built >= sources) return;
  execFileSync(process.execPath, [tsc, '-b', api], {
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    cwd: root,
  });
}

export function ensureWebBuilt() {
  const web = join(root, 'apps', 'web');
  const built = newest(join(web, 'dist', 'index.html'));
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'index.html')),
    newest(join(web, 'vite.config.ts')),
    newest(join(root, 'packages', 'contracts', 'src')),
  );
  if (built >= sources) return;
  console.log('Building the web app 正在构建前端 …');
  // Vite is installed in the web workspace, not at the root: let npm find it there.
  execFileSync('npm', ['run', 'build', '--silent', '-w', 'apps/web'], { stdio: 'inherit', cwd: root });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureApiBuilt();
  ensureWebBuilt();
}

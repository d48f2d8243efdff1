// `courtassist` as bin/courtassist.mjs runs it, without its build check (the harness has built
// the API already, and a build check in every run would be counted as the command's start-up).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { runCli } = await import(pathToFileURL(join(root, 'apps', 'api', 'dist', 'cli.js')).href);
await runCli(process.argv);

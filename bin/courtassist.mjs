#!/usr/bin/env node
// `npx courtassist …` from the repository root: builds the API once if needed, then runs the CLI.
import { ensureApiBuilt } from '../scripts/build-if-needed.mjs';

ensureApiBuilt({ quiet: true });
const { runCli } = await import('../apps/api/dist/cli.js');
await runCli(process.argv);

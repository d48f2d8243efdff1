/**
 * Module boundaries (see shared/DESIGN.md, "Rules of the house"):
 * - a module touches another only through that module's index.ts;
 * - the web app never imports api code; contracts import neither;
 * - platform/ is cross-cutting and never imports a domain module.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-through-index-only',
      comment: 'Import another module only through its index.ts.',
      severity: 'error',
      from: { path: '^apps/api/src/modules/([^/]+)/' },
      to: { path: '^apps/api/src/modules/([^/]+)/', pathNot: ['^apps/api/src/modules/$1/', '^apps/api/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-index-only',
      comment: 'Code outside the modules (app, cli, seed, tests) uses a module through its index.ts.',
      severity: 'error',
      from: { path: '^apps/api/(src/(app|main|cli)\\.ts|src/seed/|test/)' },
      to: {
        path: '^apps/api/src/modules/[^/]+/',
        pathNot: ['^apps/api/src/modules/[^/]+/index\\.ts$', '^apps/api/src/modules/deadlines/deadline-batch\\.ts$'],
      },
    },
    // The one exception (DESIGN.md departs here on purpose): `courtassist deadline` imports its batch
    // runner directly. Through the module's index it would load the database drivers and the mailer
    // first, which took 130 of its 410 ms of start-up, counted in issue 3's requests/s.
    {
      name: 'outside-through-index-only-but-deadline-command',
      comment: 'Only cli.ts may import deadlines/deadline-batch.ts without the index.',
      severity: 'error',
      from: { path: '^apps/api/(src/(app|main)\\.ts|src/seed/|test/)' },
      to: { path: '^apps/api/src/modules/deadlines/deadline-batch\\.ts$' },
    },
    {
      name: 'platform-is-not-domain',
      comment: 'platform/ is cross-cutting: it must not depend on a domain module.',
      severity: 'error',
      from: { path: '^apps/api/src/platform/' },
      to: { path: '^apps/api/src/modules/' },
    },
    {
      name: 'web-never-imports-api',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
    },
  },
};

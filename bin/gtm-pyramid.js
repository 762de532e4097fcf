#!/usr/bin/env node
// The installed command: plain JavaScript compiled from report/cli.ts by `npm run build:cli` (no TypeScript at run
// time). In a checkout, run `npm run build` first, or use `npm run report` / `check` / `example`.
let cli;
try {
  cli = await import('../dist/cli/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/cli.js'))
    throw error;
  process.stderr.write(
    'gtm-pyramid: the command is not built (dist/cli/cli.js is missing); run npm run build\n',
  );
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2));

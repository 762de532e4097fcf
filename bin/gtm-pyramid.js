#!/usr/bin/env node
// The installed command: runs the TypeScript CLI through tsx's loader, so the package ships one source of truth.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../report/cli.ts');
process.exitCode = await main(process.argv.slice(2));

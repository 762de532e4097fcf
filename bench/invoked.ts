import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `tsx bench/x.bench.ts 1000 5000`: runs a bench module's `run` with the sizes given on the command line (or its
 * defaults) when that module is the script being run; `npm run bench` imports the module and calls `run` itself.
 */
export function runWhenInvoked(
  moduleUrl: string,
  run: (sizes: number[]) => Promise<unknown>,
  defaultSizes: number[],
): void {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  run(sizes.length ? sizes : defaultSizes).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

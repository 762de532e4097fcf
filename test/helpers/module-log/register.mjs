// `node --import <this file> ...`: records the URL of every module the ES module loader loads, one per line, in
// the file named by GTM_MODULE_LOG (the hooks run in a loader thread; see hooks.mjs), each after the thread that
// loads it: `main` or `worker` (a worker thread runs this file too, as it inherits the process's --import). A
// package imported by ESM, whether the package is ESM or CommonJS, shows up here with its entry file.
// https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
//
// The installed command runs most of its code as one CommonJS file (dist/cli/gtm-pyramid.cjs, see
// report/compile-cache.ts), whose packages are loaded by require(), which those hooks do not see on Node.js 20:
// each module require() loads is recorded here too, the same way.
import { appendFileSync } from 'node:fs';
import process from 'node:process';
import Module, { register } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const thread = isMainThread ? 'main' : 'worker';
register('./hooks.mjs', import.meta.url, { data: { thread } });

const load = Module._load;
Module._load = function (request, parent, isMain) {
  const exports = load.apply(this, arguments);
  if (process.env.GTM_MODULE_LOG) {
    try {
      const file = Module._resolveFilename(request, parent, isMain);
      if (isAbsolute(file))
        appendFileSync(process.env.GTM_MODULE_LOG, `${thread} ${pathToFileURL(file).href}\n`);
    } catch {
      // Not a file (a built-in): nothing to record.
    }
  }
  return exports;
};

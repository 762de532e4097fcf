// `node --import <this file> ...`: records the URL of every module the ES module loader loads, one per line, in
// the file named by GTM_MODULE_LOG (the hooks run in a loader thread; see hooks.mjs), each after the thread that
// loads it: `main` or `worker` (a worker thread runs this file too, as it inherits the process's --import). A
// package imported by ESM, whether the package is ESM or CommonJS, shows up here with its entry file.
// https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

register('./hooks.mjs', import.meta.url, { data: { thread: isMainThread ? 'main' : 'worker' } });

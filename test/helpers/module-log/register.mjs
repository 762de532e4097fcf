// `node --import <this file> ...`: records the URL of every module the ES module loader loads, one per line, in
// the file named by GTM_MODULE_LOG (the hooks run in a loader thread; see hooks.mjs). A package imported by
// ESM, whether the package is ESM or CommonJS, shows up here with its entry file.
// https://nodejs.org/docs/latest-v20.x/api/module.html#customization-hooks
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

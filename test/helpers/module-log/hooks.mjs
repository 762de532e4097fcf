// Loader hook for register.mjs: append each loaded URL to GTM_MODULE_LOG after the thread loading it, then load it
// as usual.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

let thread = 'main';

export function initialize(data) {
  thread = data?.thread ?? thread;
}

export async function load(url, context, nextLoad) {
  if (process.env.GTM_MODULE_LOG) appendFileSync(process.env.GTM_MODULE_LOG, `${thread} ${url}\n`);
  return nextLoad(url, context);
}

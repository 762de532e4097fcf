// Loader hook for register.mjs: append each loaded URL to GTM_MODULE_LOG, then load it as usual.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

export async function load(url, context, nextLoad) {
  if (process.env.GTM_MODULE_LOG) appendFileSync(process.env.GTM_MODULE_LOG, `${url}\n`);
  return nextLoad(url, context);
}

/**
 * The one message catalogue: every word any surface shows (report, sidebar, add-on menus and help, custom
 * functions, CLI, sandbox, plan issues, the template's tab and column names) lives in one record per language
 * in this folder. English (en.ts) is the reference; the other records are typed by it, so a missing or extra key
 * is a type error. Adding a language: add its file, its code to LANGS, and its entry to CATALOGUES.
 *
 * Call sites pick a message with an accessor, `localized((m) => m.addon.menuHelp)`, and get it in every
 * language at once; `fill` puts {name} parameters in.
 */
import { en, type Messages } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { closeBidi } from '../bidi';

export type { Messages } from './en';

/** The languages the product speaks: English, Simplified Chinese (China), Traditional Chinese (Taiwan, Hong Kong). */
export type Lang = 'en' | 'zh-CN' | 'zh-TW';
export const LANGS: readonly Lang[] = ['en', 'zh-CN', 'zh-TW'];

/** One text in every language the product speaks. */
export type Localized = Record<Lang, string>;

export const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/** One message in every language, picked from the catalogue by the same accessor for each. */
export function localized(pick: (messages: Messages) => string): Localized {
  return { en: pick(en), 'zh-CN': pick(zhCN), 'zh-TW': pick(zhTW) };
}

export type Params = Record<string, string | number>;

const WORD = /^\w+$/;

/** A full stop, as English and Chinese end a sentence. */
const FULL_STOP = /[.。]$/;

/**
 * A message with its {name} parameters filled in; an unknown {name} stays as written, so a slip shows. A scan,
 * not a regular expression: plans with thousands of issues fill several texts each. A value that ends in a full
 * stop (1.5 Mio., Rs.) ends the sentence it closes: the sentence's own stop after it is left out, not doubled.
 */
export function fill(template: string, params: Params = {}): string {
  let out = '';
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
    const close = template.indexOf('}', open + 1);
    if (close < 0) break;
    const name = template.slice(open + 1, close);
    if (!WORD.test(name)) continue;
    const known = Object.prototype.hasOwnProperty.call(params, name);
    const value = known ? String(params[name]) : '';
    // A quoted cell's text acts only inside itself: a direction override it opens is closed (shared/bidi.ts).
    out += template.slice(from, open) + (known ? closeBidi(value) : `{${name}}`);
    from = close + 1;
    if (known && FULL_STOP.test(value) && FULL_STOP.test(template.charAt(from))) from++;
    open = close;
  }
  return out + template.slice(from);
}

/** True for both Chinese scripts: the languages that write without spaces and use full-width punctuation. */
export const isChinese = (lang: Lang): boolean => lang !== 'en';

/** A text made for each language by the same function (numbers formatted per language, lists joined per language). */
export function inEveryLanguage(make: (lang: Lang) => string): Localized {
  return { en: make('en'), 'zh-CN': make('zh-CN'), 'zh-TW': make('zh-TW') };
}

/** A list joined the way each language writes one: "a, b" or "a、b". */
export const joinList = (items: readonly string[], lang: Lang): string =>
  items.join(isChinese(lang) ? '、' : ', ');

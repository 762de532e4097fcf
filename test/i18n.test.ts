/**
 * The one message catalogue (shared/i18n): every key in every language with the same parameters, no key that
 * nothing uses, and the method's terms translated the same way on every surface.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { CATALOGUES, LANGS, fill, localized, type Lang } from '../shared/i18n';
import { ISSUE_CATALOG } from '../shared/issues';
import { langFromLocale } from '../shared/template';

type Tree = { [key: string]: Tree | string | ((...args: never[]) => string) };

/** Every leaf of a catalogue: its path and value. */
function leaves(tree: Tree, path: string[] = []): { path: string[]; value: Tree[string] }[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? leaves(value, [...path, key]) : [{ path: [...path, key], value }],
  );
}

const at = (tree: Tree, path: string[]): Tree[string] | undefined =>
  path.reduce<Tree[string] | undefined>(
    (node, key) => (typeof node === 'object' ? node[key] : undefined),
    tree,
  );

const catalogue = (lang: Lang) => CATALOGUES[lang] as unknown as Tree;
const english = leaves(catalogue('en'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogue', () => {
  it('has every key in every language, of the same kind, and nothing else', () => {
    for (const lang of LANGS) {
      const own = leaves(catalogue(lang));
      expect(own.map((l) => l.path.join('.'))).toEqual(english.map((l) => l.path.join('.')));
      for (const { path, value } of english) {
        const translated = at(catalogue(lang), path);
        expect(typeof translated, `${lang} ${path.join('.')}`).toBe(typeof value);
        if (typeof translated === 'string')
          expect(translated.trim(), `${lang} ${path.join('.')}`).not.toBe('');
        if (typeof translated === 'function' && typeof value === 'function') {
          expect(translated.length, `${lang} ${path.join('.')} arity`).toBe(value.length);
        }
      }
    }
  });

  it('uses the same {parameters} in every language', () => {
    for (const { path, value } of english) {
      if (typeof value !== 'string') continue;
      for (const lang of LANGS) {
        const translated = at(catalogue(lang), path) as string;
        expect(placeholders(translated), `${lang} ${path.join('.')}: ${translated}`).toEqual(
          placeholders(value),
        );
      }
    }
  });

  it("says row 列 and column 欄 in Traditional Chinese, as Taiwan and Google Sheets' zh-TW interface do", () => {
    // Simplified writes 第 3 行 (row 3) and the "Owner" 列 (column); in Taiwan those read as column 3 and a row.
    const mainlandRowsAndColumns = /\} 行|表頭行|權重行|每行|第一列/u;
    for (const { path } of english) {
      const text = at(catalogue('zh-TW'), path);
      const sample = typeof text === 'function' ? text.toString() : String(text);
      expect(mainlandRowsAndColumns.test(sample), `zh-TW ${path.join('.')}: ${sample}`).toBe(false);
    }
    expect(localized((m) => m.issues['missing-column'].fix)['zh-TW']).toBe(
      '在第 {row} 列新增表頭「{column}」。',
    );
  });

  it('writes Traditional Chinese with Traditional characters only', () => {
    // Characters whose Simplified form differs from the Traditional one, as a sample of the common ones.
    const simplifiedOnly = /[们个这为时来说计划对发关键结实际变记录门务标经营导应试户数据设项开检请并]/;
    for (const { path } of english) {
      const text = at(catalogue('zh-TW'), path);
      const sample = typeof text === 'function' ? text.toString() : String(text);
      expect(simplifiedOnly.test(sample), `zh-TW ${path.join('.')}: ${sample}`).toBe(false);
    }
  });
});

/** Source files of every surface that reads the catalogue (not the catalogue itself). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'node_modules' && name !== 'i18n') sources(file, out);
    } else if (/\.(ts|hbs|js)$/.test(name)) out.push(file);
  }
  return out;
}

describe('every key is used', () => {
  const root = join(__dirname, '..');
  const code = ['shared', 'report', 'apps-script', 'sandbox']
    .flatMap((dir) => sources(join(root, dir)))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  const accessor = (path: string[]) =>
    path.map((s) => (/^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `['${s}']`)).join('');

  it('by an accessor, a label, a phrase or a sidebar word', () => {
    const unused = english
      .map(({ path }) => path)
      .filter((path) => {
        const [section, ...rest] = path;
        const last = path[path.length - 1];
        const escaped = last.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
        switch (section) {
          case 'report': // labels.x in templates and view code, phrases p.x(…)
          case 'cli': // words.x(…) in report/cli.ts
            return !new RegExp(`[.]${escaped}\\b`).test(code);
          case 'sidebar': // say('x') / words().x
            return !new RegExp(`'${escaped}'|[.]${escaped}\\b`).test(code);
          case 'glossary': // the glossary is read by the test below
            return false;
          case 'issues': // issues.<code>.message / .fix (by code, shared/issues.ts), or an accessor
            return !(rest[0] in ISSUE_CATALOG) && !code.includes(accessor(path));
          default:
            return !code.includes(accessor(path));
        }
      })
      .map((path) => path.join('.'));
    expect(unused).toEqual([]);
  });
});

describe('the glossary', () => {
  /** A message that is just a term: "Tips", "Fix: ", "Objective" → tip, fix, objective. */
  const normalise = (text: string) =>
    text
      .toLowerCase()
      .replace(/[:：\s]+$/u, '')
      .replace(/^(.*[^s])s$/, '$1')
      .trim();

  /** Where an English word names something else than the term, with the reason. */
  const NOT_THE_TERM = new Map([
    ['template.tabs.targets.label', 'the tab of monthly targets: 目标分解, "target decomposition"'],
    ['template.enums.targetsRow.target', 'a row kind on that tab, the monthly targets'],
    ['template.tabs.keyResults.columns.objective.label', 'the objective a key result belongs to: 所属目标'],
  ]);

  it("translates each of the method's terms the same way wherever a message is just that term", () => {
    const glossary = leaves(catalogue('en')).filter((l) => l.path[0] === 'glossary');
    const terms = new Map(glossary.map((g) => [normalise(g.value as string), g.path]));
    const mismatches: string[] = [];
    for (const { path, value } of english) {
      if (path[0] === 'glossary' || typeof value !== 'string' || NOT_THE_TERM.has(path.join('.'))) continue;
      const term = terms.get(normalise(value));
      if (!term) continue;
      for (const lang of LANGS) {
        const want = at(catalogue(lang), term) as string;
        const got = at(catalogue(lang), path) as string;
        if (normalise(got) !== normalise(want))
          mismatches.push(`${lang} ${path.join('.')}: "${got}", glossary "${want}"`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('fill and localized', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(fill('{a} of {b}, {c}', { a: 1, b: 'two' })).toBe('1 of two, {c}');
  });

  it('picks the same message in every language', () => {
    const menu = localized((m) => m.addon.menuCheckPlan);
    expect(menu).toEqual({ en: 'Check plan', 'zh-CN': '检查计划', 'zh-TW': '檢查計畫' });
  });
});

describe('languages from locales', () => {
  it.each([
    ['en_US', 'en'],
    ['zh_CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh_TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['fr', 'en'],
  ] as const)('%s → %s', (locale, lang) => {
    expect(langFromLocale(locale)).toBe(lang);
  });
});

/**
 * The built add-on (dist/apps-script/) is what clasp pushes: a classic script whose top-level wrappers match the
 * bundle's exports, no module syntax, no Node-only code, no report libraries, the three narrow scopes, and the
 * sidebar HTML with nothing left to fetch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkCode, GLOBAL_NAME, wrapperNames } from '../apps-script/build';
import { LANGS } from '../shared/i18n';
import { ENUMS } from '../shared/template';
import { builtFile, DIST } from './helpers/addon';

const code = builtFile('Code.js');
const ROOT = path.resolve(DIST, '..', '..');

describe('dist/apps-script', () => {
  it('asks for exactly the three narrow scopes and runs on V8', () => {
    const manifest = JSON.parse(builtFile('appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
      // Session.getActiveUser().getEmail(): who made a logged change (docs/addon.md, "Scopes").
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    expect(typeof manifest.timeZone).toBe('string');
    expect(JSON.stringify(manifest)).not.toMatch(/auth\/drive|external_request|urlFetchWhitelist/i);
  });

  it('is a classic script: no import/export, no require, no import.meta', () => {
    expect(() => new vm.Script(code)).not.toThrow();
    expect(checkCode(code)).toEqual([]);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('has no Node-only code, handlebars or vega', () => {
    expect(code).not.toMatch(/["'`]node:/);
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bprocess\.(env|argv|cwd)|__dirname|__filename|\bBuffer\./);
    expect(code).not.toMatch(/handlebars|vega/i);
  });

  it('wraps every exported server function in a top-level function of the same name, and nothing else', () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    const exports = Object.keys(vm.runInContext(GLOBAL_NAME, context)).sort();
    const topLevel = Object.keys(context)
      .filter((k) => typeof context[k] === 'function')
      .sort();
    const wrappers = wrapperNames(readFileSync(path.join(ROOT, 'apps-script', 'entry.js'), 'utf8'));
    expect(topLevel).toEqual(exports);
    expect(wrappers.map((w) => w.name).sort()).toEqual(exports);
    for (const w of wrappers) expect(w.delegatesTo).toBe(w.name);
    expect(exports).toEqual(
      expect.arrayContaining([
        'onOpen',
        'onInstall',
        'onEdit',
        'insertTemplates',
        'insertExamplePlan',
        'decomposeTargets',
        'showCheckSidebar',
        'showHelp',
        'GTM_TARGET',
        'GTM_STATUS',
      ]),
    );
  });

  it('declares the custom functions with @customfunction and real parameters', () => {
    for (const [name, params] of [
      ['GTM_TARGET', 'target, start, due, month, type, phasing, baseline, decimals'],
      ['GTM_STATUS', 'actual, expected, baseline, target, direction'],
    ]) {
      const m = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(([^)]*)\\)`).exec(code);
      expect(m, name).not.toBeNull();
      expect(m![1]).toContain('@customfunction');
      expect(m![2]).toBe(params);
      for (const p of params.split(', ')) expect(m![1]).toMatch(new RegExp(`@param \\{\\w+\\} ${p} `));
    }
  });

  it("GTM_TARGET's help names each Type as the template does, in English and both Chinese scripts", () => {
    // Sheets shows the JSDoc as it is, in every spreadsheet's language: so it carries each language's words.
    const help = /@param \{string\} type ([^\n]*)/.exec(
      readFileSync(path.join(ROOT, 'apps-script', 'entry.js'), 'utf8'),
    );
    for (const lang of LANGS)
      for (const label of Object.values(ENUMS.type)) expect(help?.[1], lang).toContain(label[lang]);
  });

  it('ships the sidebar as one self-contained HTML file named "sidebar"', () => {
    const html = builtFile('sidebar.html');
    expect(html).toMatch(/<html/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=["'](?!https:)/i);
    expect(html).not.toMatch(/<link[^>]*rel=["']stylesheet["'][^>]*href=["'](?!https:)/i);
  });

  it('carries the licences of what it compiles in: the OpenCC character table, its MIT and Apache-2.0 texts', () => {
    for (const file of ['Code.js', 'sidebar.html']) {
      const text = builtFile(file);
      expect(text, file).toContain('opencc-js 1.4.2 (MIT AND Apache-2.0)');
      expect(text, file).toContain('Permission is hereby granted, free of charge');
      expect(text, file).toContain('Apache License');
      // The table itself is there (esbuild writes it in \u escapes): 銷 folds to 销 in the add-on as in the report.
      const escaped = (ch: string) => `\\u${ch.codePointAt(0)!.toString(16).toUpperCase()}`;
      expect(text, file).toContain(`${escaped('銷')} ${escaped('销')}`);
    }
  });

  it('is pushed from dist/apps-script by clasp', () => {
    const clasp = JSON.parse(readFileSync(path.join(ROOT, '.clasp.json'), 'utf8'));
    expect(clasp.rootDir).toBe('dist/apps-script');
    expect(typeof clasp.scriptId).toBe('string');
  });
});

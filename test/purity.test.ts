/**
 * shared/ is bundled into the Apps Script add-on (V8, no Node) and imported by the Node CLI: it must import only
 * its own modules and touch neither Node nor Apps Script globals. Two independent guards: a scan of the source
 * here, and the ESLint rules of eslint.config.js (run programmatically, and shown to bite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = join(ROOT, 'shared');
const files = readdirSync(SHARED, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|js|mjs|cjs)$/.test(f))
  .map((f) => join(SHARED, f));

const APPS_SCRIPT_GLOBALS = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'CacheService',
  'UrlFetchApp',
  'DriveApp',
  'DocumentApp',
  'CardService',
  'ContentService',
  'Session',
  'Utilities',
  'Logger',
  'Browser',
  'google.script',
];
const NODE_GLOBALS = ['process.', 'require(', '__dirname', '__filename', 'Buffer.', 'globalThis.process'];
/**
 * Packages shared/ may import: data only, no code that could reach for Node or Apps Script. OpenCC's table of
 * Traditional → Simplified characters is one string (shared/opencc-js.d.ts).
 */
const DATA_PACKAGES = ['opencc-js/dict/TSCharacters'];

/** Source without comments, so a comment may name what the code must not use. */
function code(file: string): string {
  const text = readFileSync(file, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  let out = '';
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia)
      out += ' ';
    else out += scanner.getTokenText();
  }
  return out;
}

describe('shared/ stays pure TypeScript', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    const name = relative(ROOT, file);

    it(`${name} imports only relative modules inside shared/`, () => {
      const imports = ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map((f) => f.fileName);
      for (const spec of imports.filter((s) => !DATA_PACKAGES.includes(s))) {
        expect(spec, `${name} imports ${spec}`).toMatch(/^\.\.?\//);
        // ...and never climbs out of shared/.
        expect(relative(SHARED, join(dirname(file), spec)).startsWith('..'), `${name} imports ${spec}`).toBe(
          false,
        );
      }
    });

    it(`${name} uses no Apps Script or Node globals`, () => {
      const source = code(file);
      for (const global of APPS_SCRIPT_GLOBALS) {
        expect(
          new RegExp(`\\b${global.replace('.', '\\.')}\\b`).test(source),
          `${name} mentions ${global}`,
        ).toBe(false);
      }
      for (const global of NODE_GLOBALS)
        expect(source.includes(global), `${name} mentions ${global}`).toBe(false);
    });
  }

  it('the scan sees through comments but not through code', () => {
    // A guard for the guard: the comment stripper must keep code and drop comments.
    const probe = join(ROOT, 'shared', 'index.ts');
    expect(code(probe)).toContain("export * from './calendar'");
    expect(code(probe)).not.toContain('Pure TypeScript');
  });
});

describe('ESLint on shared/', () => {
  const eslint = new ESLint({ cwd: ROOT });

  it('reports no errors', async () => {
    const results = await eslint.lintFiles(['shared/']);
    expect(results.length).toBe(files.length);
    const errors = results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${relative(ROOT, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
    );
    expect(errors).toEqual([]);
  });

  it('forbids Node imports and Apps Script globals in shared/ (the rule bites)', async () => {
    const probe =
      "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport const x = readFileSync(path.join('a')) && SpreadsheetApp.getActive() && process.env.HOME;\n";
    const [result] = await eslint.lintText(probe, { filePath: join(ROOT, 'shared', '__probe__.ts') });
    const rules = result.messages.map((m) => m.ruleId);
    expect(rules.filter((r) => r === 'no-restricted-imports')).toHaveLength(2);
    expect(rules.filter((r) => r === 'no-restricted-globals')).toHaveLength(2);
  });
});

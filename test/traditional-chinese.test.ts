/**
 * A plan written in Traditional Chinese, end to end through real .xlsx files: the same figures and the same issue
 * cells as its Simplified and English twins, and a check, a report and a sidebar that speak Traditional Chinese.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF, matchTab, tabDef, type Lang } from '../shared';
import { startSandbox } from '../sandbox/server';
import { launchChromium } from './helpers/browser';
import { runCli, tempDir } from './helpers/report';

/**
 * Characters that exist only in Simplified Chinese (their Traditional forms differ), common in this product's
 * words: one of them in a Traditional page means a string was not translated.
 */
const SIMPLIFIED_ONLY =
  /[们个这为时来说计划对发关键结实际变记录门务标经营导应试户数据设项开检请并归进险达态该须误题]/u;

interface Checked {
  counts: Record<string, number>;
  lang: string;
  issues: { code: string; sheet: string; cell: string | null; message: string; fix: string }[];
}

const LANGS_UNDER_TEST: Lang[] = ['en', 'zh-CN', 'zh-TW'];

describe('a plan in Traditional Chinese', () => {
  const dir = tempDir('zh-tw');
  const checked = new Map<Lang, Checked>();
  const planJson = new Map<Lang, { keyResults: unknown[]; objectives: unknown[] }>();
  const reportOutput = new Map<Lang, string[]>();

  beforeAll(async () => {
    for (const lang of LANGS_UNDER_TEST) {
      const file = join(dir, `plan-${lang}.xlsx`);
      expect((await runCli(['example', '--lang', lang, '--out', file], dir)).code).toBe(0);
      const check = await runCli(['check', '--json', '--as-of', EXAMPLE_AS_OF, file], dir);
      checked.set(lang, JSON.parse(check.stdout.join('\n')) as Checked);
      const out = join(dir, `report-${lang}`);
      const report = await runCli(['report', file, '--out', out, '--as-of', EXAMPLE_AS_OF], dir);
      expect(report.stderr).toEqual([]);
      reportOutput.set(lang, report.stdout);
      planJson.set(lang, JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')));
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read as Traditional Chinese from its Language cell and tab names', () => {
    expect(checked.get('zh-TW')!.lang).toBe('zh-TW');
  });

  it('finds the same issues at the same cells as its Simplified and English twins', () => {
    // As a set: each language lists its issues in the order of its own tab names.
    const located = (lang: Lang) =>
      checked
        .get(lang)!
        .issues.map((i) => `${i.code} ${matchTab(i.sheet)?.key}!${i.cell}`)
        .sort();
    expect(located('zh-TW')).toEqual(located('zh-CN'));
    expect(located('zh-TW')).toEqual(located('en'));
    expect(located('zh-TW').length).toBeGreaterThan(0);
    // The sheets are named as the plan names them.
    const funnel = checked.get('zh-TW')!.issues.find((i) => i.code === 'funnel-mismatch')!;
    expect(funnel.sheet).toBe(tabDef('objectives').label['zh-TW']);
  });

  it('gives the same figures and statuses in plan.json', () => {
    const figures = (lang: Lang) =>
      (planJson.get(lang)!.keyResults as Record<string, unknown>[]).map((kr) => {
        const { id, status, attainment, expected, current } = kr as Record<string, unknown>;
        return { id, status, attainment, expected, current };
      });
    expect(figures('zh-TW')).toEqual(figures('zh-CN'));
    expect(figures('zh-TW')).toEqual(figures('en'));
    expect(figures('zh-TW').map((f) => f.id)).toEqual(['KR1', 'KR2', 'KR3', 'KR4', 'KR5']);
    expect(
      figures('zh-TW').every((f) => typeof f.status === 'string' && typeof f.attainment === 'number'),
    ).toBe(true);
  });

  it('is told by the CLI what was written, in Traditional Chinese', () => {
    const said = reportOutput.get('zh-TW')!.join('\n');
    expect(said).toContain('報告已寫入');
    expect(said).toContain('個關鍵結果');
    expect(said).not.toMatch(SIMPLIFIED_ONLY);
  });

  it('explains every issue in Traditional characters', () => {
    for (const issue of checked.get('zh-TW')!.issues) {
      expect(issue.message, issue.code).not.toMatch(SIMPLIFIED_ONLY);
      expect(issue.fix, issue.code).not.toMatch(SIMPLIFIED_ONLY);
    }
  });

  it('gets its sidebar check in Traditional Chinese, with the same issue cells (the add-on in the emulator)', async () => {
    const sandbox = await startSandbox({ locale: 'zh_TW', port: 0, timeZone: 'Asia/Taipei' });
    try {
      const answer = (await fetch(`${sandbox.url}api/run`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fn: 'getPlanCheck', args: [] }),
      }).then((r) => r.json())) as {
        ok: boolean;
        result: {
          lang: string;
          groups: { issues: { code: string; a1: string; message: string; fix: string }[] }[];
        };
      };
      expect(answer.ok).toBe(true);
      expect(answer.result.lang).toBe('zh-TW');
      const listed = answer.result.groups.flatMap((g) => g.issues);
      expect(listed.length).toBeGreaterThan(0);
      for (const issue of listed) expect(`${issue.message} ${issue.fix}`).not.toMatch(SIMPLIFIED_ONLY);
      const cells = (lang: Lang) =>
        checked
          .get(lang)!
          .issues.map((i) => `${i.code} ${i.cell}`)
          .sort();
      expect(listed.map((i) => `${i.code} ${i.a1}`).sort()).toEqual(cells('zh-TW'));
    } finally {
      await sandbox.close();
    }
  });

  describe('its report in Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('says everything in Traditional Chinese, with a glyph for every character', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(join(dir, 'report-zh-TW', 'index.html')).href);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-TW');
      const text = await page.locator('body').innerText();
      const simplified = [...text].filter((c) => SIMPLIFIED_ONLY.test(c));
      expect(simplified, 'Simplified-only characters on the page').toEqual([]);
      // A character the fonts lack is drawn as the "missing glyph" box: draw each CJK character of the page and
      // compare it with a character no font has (a private-use code point).
      const missing = await page.evaluate(
        (chars) => {
          const canvas = document.createElement('canvas');
          canvas.width = 48;
          canvas.height = 48;
          const ctx = canvas.getContext('2d')!;
          ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`;
          const draw = (c: string) => {
            ctx.clearRect(0, 0, 48, 48);
            ctx.fillText(c, 4, 36);
            return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
          };
          const tofu = draw('\u{10FFFD}');
          return chars.filter((c) => draw(c) === tofu);
        },
        [...new Set([...text].filter((c) => /\p{Script=Han}/u.test(c)))],
      );
      expect(missing).toEqual([]);
      await page.close();
    });
  });
});

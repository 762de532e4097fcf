/**
 * The quick fixes that type a value, pressed in Chromium through the sandbox: a check-in's Metric one space or case
 * off a key result's ID (metric-id-near, "Use KR3") and a Weight typed with a unit (unit-in-plain-number, "Type 2").
 * A person sees the button on that issue, presses it, the cell in the (emulated) sheet holds the fixed value, no
 * other cell changed, and the issue is gone when the plan is checked again; and a Confidence typed as a score of 100
 * ("80分": "Type 80"), where a count ("80 pcs") has no button. In English and Simplified Chinese; a cell
 * holding markup is shown as its characters, and none of it runs.
 */
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateToIso, type Lang, type Workbook } from '../shared';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { examplePlan } from '../sandbox/plans';
import {
  blockExternalRequests,
  collectPageProblems,
  launchChromium,
  type PageProblems,
} from './helpers/browser';
import { allCells, changedCells, sharedIssues } from './helpers/sandbox';
import { setCell } from './helpers/edit';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Wait until no check or quick fix is running. */
async function idle(sidebar: FrameLocator): Promise<void> {
  await sidebar.locator('#results[aria-busy="false"]').waitFor({ state: 'attached' });
}

async function open(
  sandbox: Sandbox,
): Promise<{ page: Page; sidebar: FrameLocator; problems: PageProblems }> {
  const origin = sandbox.url.replace(/\/$/, '');
  const page = await browser.newPage({ viewport: { width: 1280, height: 820 } });
  const problems = collectPageProblems(page, origin);
  await blockExternalRequests(page, origin);
  await page.goto(sandbox.url);
  const sidebar = page.frameLocator('#sidebar');
  await idle(sidebar);
  return { page, sidebar, problems };
}

function issue(sidebar: FrameLocator, code: string, sheet: string, a1: string) {
  return sidebar.locator(`li.issue[data-code="${code}"][data-sheet="${sheet}"][data-cell="${a1}"]`);
}

/** The issues shown as "Sheet!A1 code", sorted, and the same of what shared/ finds now. */
async function shownAndShared(sidebar: FrameLocator, sandbox: Sandbox) {
  const shown = await sidebar
    .locator('li.issue')
    .evaluateAll((items) =>
      items.map(
        (li) =>
          `${(li as HTMLElement).dataset.sheet}!${(li as HTMLElement).dataset.cell} ${(li as HTMLElement).dataset.code}`,
      ),
    );
  const expected = sharedIssues(sandbox.ss, dateToIso(new Date(), 'Etc/UTC')!).map(
    (i) => `${i.sheet}!${i.a1} ${i.code}`,
  );
  return { shown: shown.sort(), expected: expected.sort() };
}

/** A markup Metric no ID is near: listed as its characters, never run. */
const HOSTILE_METRIC = '<img src=x onerror="window.__pwned=1">';

const LANGS = {
  en: {
    locale: 'en_US',
    KR: 'Key Results',
    actuals: 'Actuals',
    weight: 'Weight',
    confidence: 'Confidence',
    use: 'Use KR3',
    type: 'Type 2',
    score: 'Type 80',
    typedScore: 'Typed 80 in Key Results!N4.',
    typedId: 'Typed KR3 in Actuals!B17.',
    typedWeight: 'Typed 2 in Key Results!M3.',
  },
  'zh-CN': {
    locale: 'zh_CN',
    KR: '关键结果',
    actuals: '实际',
    weight: '权重',
    confidence: '信心',
    use: '改用 KR3',
    type: '改为输入 2',
    score: '改为输入 80',
    typedScore: '已在 关键结果!N4 输入 80。',
    typedId: '已在 实际!B17 输入 KR3。',
    typedWeight: '已在 关键结果!M3 输入 2。',
  },
} as const;

for (const lang of ['en', 'zh-CN'] as const satisfies readonly Lang[]) {
  const L = LANGS[lang];
  describe(`the quick fixes "${L.use}" and "${L.type}" in Chromium (${lang})`, () => {
    let sandbox: Sandbox;
    let opened: Awaited<ReturnType<typeof open>>;
    beforeAll(async () => {
      const wb: Workbook = examplePlan(lang);
      // Row 17 of Actuals is a check-in of KR3; row 18 another of KR3, typed as markup.
      wb[L.actuals][16][1] = 'KR 3';
      wb[L.actuals][17][1] = HOSTILE_METRIC;
      setCell(wb, L.KR, 'KR2', L.weight, '2x');
      // A confidence typed as a score of 100, and one that is a count (no button).
      setCell(wb, L.KR, 'KR3', L.confidence, '80分');
      setCell(wb, L.KR, 'KR4', L.confidence, '80 pcs');
      sandbox = await startSandbox({ port: 0, workbook: wb, locale: L.locale, planName: 'quick fixes' });
      opened = await open(sandbox);
    });
    afterAll(async () => {
      await opened?.page.close();
      await sandbox?.close();
    });

    /** Presses the button on one issue; returns the cells that changed in the emulated spreadsheet. */
    async function press(code: string, sheet: string, a1: string, label: string) {
      const { sidebar } = opened;
      const button = issue(sidebar, code, sheet, a1).locator('button.quick-fix');
      // Counted first: a button that is not there fails here, not after a wait for its text.
      await expect(button.count()).resolves.toBe(1);
      await expect(button.textContent()).resolves.toBe(label);
      await expect(button.getAttribute('data-kind')).resolves.toBe('type-value');
      const before = allCells(sandbox.ss);
      await button.click();
      await sidebar.locator('#changes:not([hidden])').waitFor();
      await idle(sidebar);
      const after = allCells(sandbox.ss);
      expect(after.sheets).toEqual(before.sheets);
      return { changed: changedCells(before, after), after };
    }

    it('offers them on their issues only, and lists a markup Metric as text', async () => {
      const { page, sidebar } = opened;
      const { shown, expected } = await shownAndShared(sidebar, sandbox);
      expect(shown).toEqual(expected);
      await expect(
        sidebar.locator('li.issue[data-code="metric-id-near"] button.quick-fix').allTextContents(),
      ).resolves.toEqual([L.use]);
      await expect(
        sidebar.locator('li.issue[data-code="unit-in-plain-number"] button.quick-fix').allTextContents(),
      ).resolves.toEqual([L.type, L.score]);
      await expect(
        issue(sidebar, 'unit-in-plain-number', L.KR, 'N5').locator('button.quick-fix').count(),
      ).resolves.toBe(0);
      // The markup Metric is near no ID: no button, its characters in the text, nothing of it run.
      const hostile = issue(sidebar, 'unknown-metric', L.actuals, 'B18');
      await expect(hostile.locator('.issue-text').textContent()).resolves.toContain(HOSTILE_METRIC);
      await expect(hostile.locator('button.quick-fix').count()).resolves.toBe(0);
      await expect(sidebar.locator('#issues img, #issues script').count()).resolves.toBe(0);
      expect(
        await page.frame({ url: /\/sidebar$/ })!.evaluate(() => (window as { __pwned?: unknown }).__pwned),
      ).toBeUndefined();
    });

    it(`"${L.use}" types KR3 into that Metric cell only, and the issue is gone when checked again`, async () => {
      const { page, sidebar } = opened;
      const { changed, after } = await press('metric-id-near', L.actuals, 'B17', L.use);
      expect(changed).toEqual([`${L.actuals}!B17`]);
      expect(after.cells.get(`${L.actuals}!B17`)).toBe('"KR3"');
      await expect(sidebar.locator('#changes').textContent()).resolves.toContain(L.typedId);
      await expect(sidebar.locator('#changes .change-list li').allTextContents()).resolves.toEqual([
        `${L.actuals}!B17`,
      ]);
      await expect(issue(sidebar, 'metric-id-near', L.actuals, 'B17').count()).resolves.toBe(0);
      // Checked again by hand too: still gone, and the list is what shared/ finds now.
      await sidebar.locator('#check').click();
      await idle(sidebar);
      await expect(sidebar.locator('li.issue[data-code="metric-id-near"]').count()).resolves.toBe(0);
      const { shown, expected } = await shownAndShared(sidebar, sandbox);
      expect(shown).toEqual(expected);
      await page
        .locator(`.panel[data-sheet="${L.actuals}"] td[data-cell="B17"]`, { hasText: 'KR3' })
        .waitFor({ state: 'attached' });
    });

    it(`"${L.type}" types 2 into that Weight cell only, and the issue is gone when checked again`, async () => {
      const { sidebar } = opened;
      const { changed, after } = await press('unit-in-plain-number', L.KR, 'M3', L.type);
      expect(changed).toEqual([`${L.KR}!M3`]);
      expect(after.cells.get(`${L.KR}!M3`)).toBe('2');
      await expect(sidebar.locator('#changes').textContent()).resolves.toContain(L.typedWeight);
      await sidebar.locator('#check').click();
      await idle(sidebar);
      await expect(issue(sidebar, 'unit-in-plain-number', L.KR, 'M3').count()).resolves.toBe(0);
      const { shown, expected } = await shownAndShared(sidebar, sandbox);
      expect(shown).toEqual(expected);
    });

    it(`"${L.score}" types 80 into that Confidence cell only, and the issue is gone when checked again`, async () => {
      const { sidebar } = opened;
      const { changed, after } = await press('unit-in-plain-number', L.KR, 'N4', L.score);
      expect(changed).toEqual([`${L.KR}!N4`]);
      expect(after.cells.get(`${L.KR}!N4`)).toBe('80');
      await expect(sidebar.locator('#changes').textContent()).resolves.toContain(L.typedScore);
      await sidebar.locator('#check').click();
      await idle(sidebar);
      await expect(issue(sidebar, 'unit-in-plain-number', L.KR, 'N4').count()).resolves.toBe(0);
      // The count beside it is still said, with no button.
      await expect(issue(sidebar, 'unit-in-plain-number', L.KR, 'N5').count()).resolves.toBe(1);
      const { shown, expected } = await shownAndShared(sidebar, sandbox);
      expect(shown).toEqual(expected);
    });

    it('has no console errors and makes no request beyond the sandbox', () => {
      expect(opened.problems.summary()).toBe('');
    });
  });
}

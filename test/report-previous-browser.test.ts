/**
 * "Since the last report" in a real browser (system Chromium): on the first screen of the company page, before
 * any scrolling, at desktop sizes (on a phone, after what is off track and who owns it, which comes first under the
 * headline counts and is on every first screen); the objectives' trends drawn; nothing requested, nothing run.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { blockExternalRequests, collectPageProblems, launchChromium } from './helpers/browser';
import { NOVEMBER, writeReviews } from './helpers/previous';
import { runCli, tempDir } from './helpers/report';

describe('since the last report, in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    dir = tempDir('previous-browser');
    await writeReviews(dir);
    const run = await runCli(
      ['report', 'november.xlsx', '--as-of', NOVEMBER, '--previous', 'october/plan.json', '--out', 'nov'],
      dir,
    );
    if (run.code !== 0) throw new Error(run.stderr.join('\n'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 1280, height: 800 },
    { width: 375, height: 812 },
  ]) {
    it(`is on the first screen at ${viewport.width}×${viewport.height}`, async () => {
      const page = await browser.newPage({ viewport });
      const problems = collectPageProblems(page);
      await blockExternalRequests(page);
      await page.goto(pathToFileURL(join(dir, 'nov', 'index.html')).href, { waitUntil: 'load' });
      const section = page.locator('section.since');
      expect(await section.isVisible()).toBe(true);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      const inWindow = async (part: ReturnType<typeof page.locator>) => {
        const box = (await part.boundingBox())!;
        return box.y + box.height <= viewport.height;
      };
      // What is off track, and who owns it, comes first, under the headline counts: its heading and first item (its
      // owner and figure with it) inside the window without scrolling; on a desktop, every item of it.
      const attention = page.locator('section.attention');
      const items = attention.locator('.attention-list li');
      const desktop = viewport.width >= 1280;
      for (const part of [attention.locator('h2'), items.first(), ...(desktop ? [items.last()] : [])])
        expect(await inWindow(part)).toBe(true);
      expect(await items.first().innerText()).toMatch(/KR1.*Sales.*Attainment \d+%/s);
      // Then what moved: on a desktop, its heading and the first status change are on the first screen too; a phone's
      // first screen holds the one list, and this one follows it.
      for (const part of [section.locator('h2'), section.locator('.since-list li').first()])
        expect(await inWindow(part)).toBe(desktop);
      const below = (await attention.boundingBox())!;
      expect((await section.boundingBox())!.y).toBeGreaterThanOrEqual(below.y + below.height);
      expect(await section.locator('.since-list li').first().innerText()).toMatch(/O1.*on track.*at risk/is);
      // The trends are drawn (a line with a size), on the objectives of the pyramid.
      const trend = page.locator('li.objective .trend svg').first();
      await trend.scrollIntoViewIfNeeded();
      const box = (await trend.boundingBox())!;
      expect(box.width).toBeGreaterThan(50);
      expect(box.height).toBeGreaterThan(10);
      expect(problems.summary()).toBe('');
      await page.close();
    });
  }
});

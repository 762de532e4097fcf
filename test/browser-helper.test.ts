import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  blockExternalRequests,
  collectPageProblems,
  isAllowedUrl,
  launchChromium,
} from './helpers/browser.js';

// Strict CSP, but images from example.com are allowed so the request really reaches
// the network layer (where page.route aborts it) instead of being refused by CSP.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: https://example.com">
<title>Helper test</title>
</head>
<body>
<button id="go" type="button">Load pixel</button>
<output id="out">ready</output>
<script>
  document.getElementById('go').addEventListener('click', () => {
    document.getElementById('out').textContent = 'clicked';
    const img = new Image();
    img.src = 'https://example.com/pixel.png';
    document.body.appendChild(img);
  });
</script>
</body>
</html>`;

describe('browser helper (system Chromium)', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'browser-helper-'));
    const file = join(dir, 'index.html');
    writeFileSync(file, PAGE);
    url = pathToFileURL(file).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads a local page cleanly, with its CSP enforced', async () => {
    const page = await browser.newPage();
    await blockExternalRequests(page);
    const problems = collectPageProblems(page);
    await page.goto(url);
    expect(await page.title()).toBe('Helper test');
    expect(await page.textContent('#out')).toBe('ready');
    expect(problems.summary()).toBe('');
    // The CSP really applies: connect-src falls back to default-src 'none', so fetch is refused
    // before any request is made, and the refusal is recorded as a console error.
    const result = await page.evaluate(() =>
      fetch('https://example.org/').then(
        () => 'fetched',
        (e: unknown) => String(e),
      ),
    );
    expect(result).toMatch(/TypeError/);
    await expect
      .poll(() => problems.consoleErrors.some((m) => /Content Security Policy/i.test(m)))
      .toBe(true);
    expect(problems.externalRequests).toEqual([]);
    await page.close();
  });

  it('records an external request as a problem, and aborts it', async () => {
    const page = await browser.newPage();
    await blockExternalRequests(page);
    const problems = collectPageProblems(page);
    const failed = page.waitForEvent('requestfailed');
    await page.goto(url);
    await page.click('#go');
    expect(await page.textContent('#out')).toBe('clicked');
    const req = await failed;
    expect(req.url()).toBe('https://example.com/pixel.png');
    expect(req.failure()?.errorText).toMatch(/ERR_BLOCKED_BY_CLIENT/);
    expect(problems.externalRequests).toEqual(['https://example.com/pixel.png']);
    expect(problems.problems.some((p) => p.kind === 'external-request')).toBe(true);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });

  it('records uncaught page errors and console errors', async () => {
    const page = await browser.newPage();
    await blockExternalRequests(page);
    const problems = collectPageProblems(page);
    await page.goto(url);
    await page.evaluate(() => {
      console.error('boom from console');
      setTimeout(() => {
        throw new Error('boom from page');
      });
    });
    await expect.poll(() => problems.pageErrors.length).toBe(1);
    expect(problems.pageErrors[0]).toContain('boom from page');
    expect(problems.consoleErrors.some((m) => m.includes('boom from console'))).toBe(true);
    await page.close();
  });
});

describe('isAllowedUrl', () => {
  it('allows local schemes and the allowed origin only', () => {
    expect(isAllowedUrl('file:///srv/report/x.html')).toBe(true);
    expect(isAllowedUrl('data:text/plain,hi')).toBe(true);
    expect(isAllowedUrl('about:blank')).toBe(true);
    expect(isAllowedUrl('https://example.com/x')).toBe(false);
    expect(isAllowedUrl('http://127.0.0.1:4173/a.js', ['http://127.0.0.1:4173'])).toBe(true);
    expect(isAllowedUrl('http://127.0.0.1:9999/a.js', ['http://127.0.0.1:4173'])).toBe(false);
  });
});

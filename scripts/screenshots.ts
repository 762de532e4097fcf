/**
 * `npm run screenshots`: renders the example report and saves the README's pictures of it,
 * docs/images/report-desktop.png and docs/images/report-phone.png, with the system Chromium
 * (CHROMIUM_PATH or /usr/bin/chromium; never downloaded). The top of the page only, to keep the files small.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { EXAMPLE_AS_OF, exampleWorkbook, type Lang } from '../shared';
import { buildReport, writeReportDir } from '../report/generate';
import { utcDate } from '../report/write-xlsx';
import { blockExternalRequests, collectPageProblems, launchChromium } from '../test/helpers/browser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const images = join(root, 'docs', 'images');

interface Shot {
  file: string;
  lang: Lang;
  width: number;
  height: number;
}

const SHOTS: Shot[] = [
  { file: 'report-desktop.png', lang: 'en', width: 1280, height: 1500 },
  { file: 'report-phone.png', lang: 'en', width: 375, height: 1100 },
];

async function main(): Promise<void> {
  const dir = join(tmpdir(), `gtm-pyramid-screenshots-${process.pid}`);
  mkdirSync(images, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const lang of new Set(SHOTS.map((s) => s.lang))) {
      const built = await buildReport(exampleWorkbook(lang, { date: utcDate }), {
        asOf: EXAMPLE_AS_OF,
        source: null,
        lang,
      });
      await writeReportDir(join(dir, lang), built.files);
    }
    for (const shot of SHOTS) {
      const page = await browser.newPage({
        viewport: { width: shot.width, height: shot.height },
        colorScheme: 'light',
      });
      const problems = collectPageProblems(page);
      await blockExternalRequests(page);
      await page.goto(pathToFileURL(join(dir, shot.lang, 'index.html')).href, { waitUntil: 'load' });
      const path = join(images, shot.file);
      await page.screenshot({ path, fullPage: false });
      if (problems.summary()) throw new Error(`The report page has problems:\n${problems.summary()}`);
      await page.close();
      console.log(`Saved ${path}`);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

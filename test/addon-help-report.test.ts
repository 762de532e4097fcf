/**
 * The add-on's Help names the report command for this very spreadsheet (`gtm-pyramid report --sheet ID`), and
 * warns that a public page shows the plan's targets, saying where to publish instead rather than pointing at a file
 * of the npm package, which someone in Sheets does not have; the ID it names is one the CLI accepts.
 */
import { describe, expect, it } from 'vitest';

import { spreadsheetIdOf } from '../report/read-sheets';
import { loadAddon } from './helpers/addon';

describe('Help names the report command', () => {
  for (const [locale, words] of [
    ['en_US', /only your company can open, such as an intranet/],
    ['zh_CN', /仅公司内部可访问的位置（如内网/],
    ['zh_TW', /僅公司內部可存取的位置（如內部網站/],
  ] as const) {
    it(locale, () => {
      const run = loadAddon({ userLocale: locale });
      const id = run.ss.getId();
      const { message } = run.run('showHelp') as { message: string };
      expect(message).toContain(`gtm-pyramid report --sheet ${id} --previous`);
      expect(message).toMatch(words);
      expect(message).not.toContain('docs/');
      expect(run.emulator.ui.alerts.at(-1)!.prompt).toContain(`--sheet ${id}`);
    });
  }

  it('the ID it names is the one in the address bar, which --sheet reads', () => {
    const run = loadAddon();
    expect(spreadsheetIdOf(run.ss.getUrl())).toBe(run.ss.getId());
  });
});

/**
 * onOpen / onInstall build the add-on menu in the person's language, in AuthMode.NONE too (where touching the
 * document throws, facts #53); Check plan opens the sidebar file; Help explains.
 */
import { describe, expect, it } from 'vitest';
import { loadAddon } from './helpers/addon';

const items = (run: ReturnType<typeof loadAddon>) =>
  run.emulator.ui.menus.at(-1)!.items.map((i) => (i.type === 'item' ? [i.caption, i.functionName] : ['—']));

describe('add-on menu', () => {
  it('is built by onOpen in AuthMode.NONE without touching anything that needs authorisation', () => {
    const run = loadAddon({ locale: 'en_US' });
    run.project.callAs('NONE', 'onOpen', run.emulator.openEvent('NONE'));
    expect(run.emulator.ui.menus).toHaveLength(1);
    expect(run.emulator.ui.menus[0].kind).toBe('addon');
    expect(items(run)).toEqual([
      ['Insert templates', 'insertTemplates'],
      ['Insert example plan', 'insertExamplePlan'],
      ['Decompose targets', 'decomposeTargets'],
      ['Check plan', 'showCheckSidebar'],
      ['—'],
      ['Help', 'showHelp'],
    ]);
    const services = Object.keys(run.emulator.calls.byService).sort();
    expect(services).toEqual(['Menu', 'Session', 'SpreadsheetApp', 'Ui']);
    // Every item names a top-level function of the project.
    for (const [, fn] of items(run)) if (fn) expect(run.project.has(fn), fn).toBe(true);
  });

  it('speaks the user locale (zh_CN) in NONE, LIMITED and FULL, and onInstall builds the same menu', () => {
    for (const mode of ['NONE', 'LIMITED', 'FULL'] as const) {
      const run = loadAddon({ locale: 'zh_CN', userLocale: 'zh_CN' });
      run.project.callAs(mode, 'onOpen', run.emulator.openEvent(mode));
      expect(items(run).map(([c]) => c)).toEqual([
        '插入模板',
        '插入示例计划',
        '分解目标值',
        '检查计划',
        '—',
        '帮助',
      ]);
    }
    const run = loadAddon({ userLocale: 'zh_CN' });
    run.project.callAs('FULL', 'onInstall', run.emulator.openEvent('FULL'));
    expect(items(run)[0]).toEqual(['插入模板', 'insertTemplates']);
  });

  it('speaks Traditional Chinese to a user in Taiwan or Hong Kong', () => {
    for (const userLocale of ['zh_TW', 'zh_HK']) {
      const run = loadAddon({ userLocale });
      run.project.callAs('NONE', 'onOpen', run.emulator.openEvent('NONE'));
      expect(items(run).map(([c]) => c)).toEqual([
        '插入範本',
        '插入範例計畫',
        '分解目標值',
        '檢查計畫',
        '—',
        '說明',
      ]);
    }
  });

  it('Check plan opens the sidebar file with a title', () => {
    const run = loadAddon();
    run.run('showCheckSidebar');
    expect(run.emulator.ui.sidebars).toHaveLength(1);
    expect(run.emulator.ui.sidebars[0].title).toMatch(/Check plan/);
    expect(run.emulator.ui.sidebars[0].html).toMatch(/<html/i);
  });

  it('Help shows what each item does, naming the tabs in the user language', () => {
    const run = loadAddon({ userLocale: 'zh_CN' });
    const result = run.run('showHelp') as { message: string };
    expect(run.emulator.ui.alerts).toHaveLength(1);
    expect(result.message).toContain('关键结果');
    expect(result.message).toContain('目标分解');
  });
});

/**
 * The sidebar's server functions, through the built bundle in node:vm and the google.script.run rules
 * (project.callFromClient): getPlanCheck returns plain JSON that lists exactly shared/'s issues, goToCell selects
 * the cell or says why not, and every quick fix writes only the cells it names, under the document lock.
 */
import { describe, expect, it } from 'vitest';
import { countBySeverity, dateToIso, planProgress, parsePlan, tabDef, type Lang } from '../shared';
import { readSpreadsheet } from '../apps-script/server/sheets-adapter';
import { checkInColumns } from '../shared/check-in-columns';
import { toWorkbook } from '../emulator/index';
import { brokenPlan, examplePlan, HOSTILE_OWNER } from '../sandbox/plans';
import type { PlanCheck, GoToCellResult } from '../apps-script/server/plan-check';
import type { QuickFixResult } from '../apps-script/server/quick-fix';
import { loadAddon, zonedMidnight, type ActionResult } from './helpers/addon';
import { setCell } from './helpers/edit';
import { allCells, changedCells, isNamed, isPlainJson, sharedIssues } from './helpers/sandbox';

function addon(workbook = examplePlan('en'), options: Parameters<typeof loadAddon>[0] = {}) {
  return loadAddon({ workbook, ...options });
}

const flat = (check: PlanCheck) => check.groups.flatMap((g) => g.issues);

describe('getPlanCheck', () => {
  it('returns only JSON-safe values (dates as strings), also before google.script.run copies them', () => {
    const run = addon(brokenPlan('en'));
    const raw = run.run('getPlanCheck');
    expect(isPlainJson(raw)).toEqual([]);
    const sent = run.project.callFromClient('getPlanCheck') as PlanCheck;
    expect(sent).toEqual(JSON.parse(JSON.stringify(sent)));
    expect(sent.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(sent.checkedAt).toISOString()).toBe(sent.checkedAt);
  });

  for (const [name, lang, make] of [
    ['the example plan', 'en', examplePlan],
    ['the broken plan', 'en', brokenPlan],
    ['the broken plan in Chinese', 'zh-CN', brokenPlan],
  ] as [string, Lang, typeof examplePlan][]) {
    it(`lists exactly shared/'s issues, grouped by tab in tab order: ${name}`, () => {
      const run = addon(make(lang), { locale: lang === 'zh-CN' ? 'zh_CN' : 'en_US' });
      const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
      expect(check.lang).toBe(lang); // the user's locale when no language is asked for
      const expected = sharedIssues(run.ss, check.asOf);
      expect(expected.length).toBeGreaterThan(0);
      const key = (i: { sheet: string; a1: string | null; code: string }) => `${i.sheet}|${i.a1}|${i.code}`;
      expect(flat(check).map(key).sort()).toEqual(expected.map(key).sort());
      expect(
        flat(check)
          .map((i) => i.message)
          .sort(),
      ).toEqual(expected.map((i) => i.message[lang]).sort());
      expect(
        flat(check)
          .map((i) => i.fix)
          .sort(),
      ).toEqual(expected.map((i) => i.fix[lang]).sort());

      // Groups follow the spreadsheet's tabs; within a tab, shared's order (errors first).
      const tabs = run.ss.getSheets().map((s) => s.getName());
      const present = check.groups.filter((g) => g.present).map((g) => tabs.indexOf(g.sheet));
      expect(present).toEqual([...present].sort((a, b) => a - b));
      for (const group of check.groups) {
        expect(group.issues.map(key)).toEqual(expected.filter((i) => i.sheet === group.sheet).map(key));
        expect(group.counts).toEqual(countBySeverity(expected.filter((i) => i.sheet === group.sheet)));
      }

      const counts = countBySeverity(expected);
      expect(check.summary).toMatchObject({
        errors: counts.error,
        warnings: counts.warning,
        tips: counts.tip,
      });
      const { plan } = parsePlan(toWorkbook(run.ss) as never, { timeZone: 'Etc/UTC' });
      const progress = planProgress(plan, check.asOf);
      for (const o of check.objectives) expect(o.status).toBe(progress.objectives[o.id].status);
      expect(check.summary.objectives.total).toBe(plan.objectives.length);
      // Key results and KPIs counted by status as progress judges them (the report's first screen counts the same).
      for (const level of ['keyResults', 'kpis'] as const) {
        const statuses = progress[level].map((m) => m.status);
        expect(check.summary[level].total).toBe(statuses.length);
        for (const status of new Set(statuses))
          expect(check.summary[level][status], `${level} ${status}`).toBe(
            statuses.filter((s) => s === status).length,
          );
      }
    });
  }

  it('shows the everyday mistakes at their cells, and the objective a left-out key result belongs to needs attention', () => {
    const wb = examplePlan('en');
    setCell(wb, 'Key Results', 'KR2', 'Target', 0);
    const actuals = wb['Actuals'];
    actuals.push([...actuals[3]]); // row 4 pasted again as row 56
    const check = addon(wb).project.callFromClient('getPlanCheck') as PlanCheck;
    const found = flat(check).map((i) => [i.code, i.severity, i.sheet, i.a1]);
    expect(found).toContainEqual(['target-equals-baseline', 'error', 'Key Results', 'I3']);
    expect(found).toContainEqual(['duplicate-check-in', 'warning', 'Actuals', 'C56']);
    expect(check.objectives.find((o) => o.id === 'O1')!.status).toBe('needs-attention');
    expect(check.summary.objectives['needs-attention']).toBe(1);
  });

  it('asks for a language: zh-CN messages for an English user, and back', () => {
    const run = addon(brokenPlan('en'));
    const zh = run.project.callFromClient('getPlanCheck', 'zh-CN') as PlanCheck;
    expect(zh.lang).toBe('zh-CN');
    expect(flat(zh).find((i) => i.code === 'missing-id')?.message).toMatch(/第 7 行有内容但没有编号/);
    expect(flat(zh).find((i) => i.code === 'missing-id')?.quickFix?.label).toBe('填入编号 KR6');
    const en = run.project.callFromClient('getPlanCheck', 'en') as PlanCheck;
    expect(flat(en).find((i) => i.code === 'missing-id')?.quickFix?.label).toBe('Fill in ID KR6');
  });

  it('judges progress as of today in the spreadsheet time zone', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const run = addon(examplePlan('en', timeZone), { timeZone });
      const before = dateToIso(new Date(), timeZone);
      const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
      const after = dateToIso(new Date(), timeZone);
      expect([before, after]).toContain(check.asOf);
      expect(check.timeZone).toBe(timeZone);
    }
  });

  it('offers quick fixes only for the mechanical codes, with the cell they will write', () => {
    const check = addon(brokenPlan('en')).project.callFromClient('getPlanCheck') as PlanCheck;
    const offered = flat(check).filter((i) => i.quickFix);
    expect(offered.map((i) => [i.code, i.sheet, i.a1, i.quickFix!.kind, i.quickFix!.label])).toEqual([
      ['missing-id', 'Key Results', 'A7', 'fill-id', 'Fill in ID KR6'],
      ['unknown-owner', 'KPIs', 'C5', 'add-department', 'Add "Finance" to Departments'],
    ]);
    // Markup in an Owner cell names no department: shown (escaped), never offered as one to add.
    expect(flat(check).find((i) => i.code === 'unknown-owner' && i.a1 === 'D10')?.quickFix).toBeNull();
    expect(flat(check).find((i) => i.code === 'unknown-key-result')?.quickFix).toBeNull();
  });

  it('offers no department to add where the owner cell could be read as a formula, or shows a formula error', () => {
    const wb = examplePlan('en');
    setCell(wb, 'Key Results', 'KR1', 'Owner', '+HYPERLINK("http://evil.example","x")');
    setCell(wb, 'Key Results', 'KR2', 'Owner', '@SUM(1+1)');
    setCell(wb, 'Key Results', 'KR3', 'Owner', '=1/0');
    const check = addon(wb).project.callFromClient('getPlanCheck') as PlanCheck;
    const owners = flat(check).filter((i) => i.code === 'unknown-owner' && i.sheet === 'Key Results');
    expect(owners.map((i) => i.a1).sort()).toEqual(['D2', 'D3', 'D4']);
    for (const issue of owners) expect(issue.quickFix, issue.a1 ?? '').toBeNull();
  });

  it('offers no department to add where the owner cell names two: it would be a department nobody has', () => {
    const wb = examplePlan('en');
    setCell(wb, 'Key Results', 'KR1', 'Owner', 'Sales, Finance');
    setCell(wb, 'Key Results', 'KR2', 'Owner', '銷售、財務');
    setCell(wb, 'Key Results', 'KR3', 'Owner', 'Finance\nLegal');
    setCell(wb, 'Key Results', 'KR4', 'Owner', 'Finance'); // one name: offered
    setCell(wb, 'Key Results', 'KR5', 'Owner', 'Sales & Finance'); // Sales is a department: a list
    const check = addon(wb).project.callFromClient('getPlanCheck') as PlanCheck;
    const owners = flat(check).filter((i) => i.code === 'unknown-owner' && i.sheet === 'Key Results');
    expect(owners.map((i) => [i.a1, i.quickFix?.label ?? null])).toEqual([
      ['D2', null],
      ['D3', null],
      ['D4', null],
      ['D5', 'Add "Finance" to Departments'],
      ['D6', null],
    ]);
  });

  it('fails through the failure handler with a readable message when the spreadsheet cannot be read', () => {
    const run = addon(examplePlan('en'));
    // Every Sheet method is on the prototype (the script sees a proxy): break getDataRange for this test only.
    const proto = Object.getPrototypeOf(run.ss.getSheets()[0]) as { getDataRange(): unknown };
    const original = proto.getDataRange;
    proto.getDataRange = () => {
      throw new Error('the service is down');
    };
    try {
      expect(() => run.project.callFromClient('getPlanCheck')).toThrow(
        'The plan could not be checked: the service is down',
      );
    } finally {
      proto.getDataRange = original;
    }
  });
});

describe('goToCell', () => {
  it('activates the tab and selects the cell', () => {
    const run = addon();
    const result = run.project.callFromClient('goToCell', 'Key Results', 'I4') as GoToCellResult;
    expect(result).toEqual({
      ok: true,
      stale: false,
      message: 'Selected Key Results!I4.',
      sheet: 'Key Results',
      a1: 'I4',
    });
    expect(run.ss.emu.selection()).toEqual({ sheet: 'Key Results', range: 'I4', currentCell: 'I4' });
    // Lower case and $ anchors are fine; the message follows the language asked for.
    const zh = run.project.callFromClient('goToCell', 'Objectives', '$b$3', 'zh-CN') as GoToCellResult;
    expect(zh).toMatchObject({ ok: true, message: '已选中 Objectives!B3。' });
    expect(run.ss.emu.selection()).toEqual({ sheet: 'Objectives', range: 'B3', currentCell: 'B3' });
  });

  it('says clearly when the tab is gone or the cell is outside it, and selects nothing', () => {
    const run = addon();
    run.project.callFromClient('goToCell', 'KPIs', 'B2');
    const missing = run.project.callFromClient('goToCell', 'Budget', 'A1') as GoToCellResult;
    expect(missing.ok).toBe(false);
    expect(missing.message).toBe(
      'There is no tab named "Budget" in this spreadsheet any more (renamed or deleted?). Nothing was selected.',
    );
    expect(missing.stale).toBe(true);
    const outside = run.project.callFromClient('goToCell', 'KPIs', 'A5000') as GoToCellResult;
    expect(outside).toMatchObject({
      ok: false,
      stale: true,
      message: 'Cell A5000 is outside the tab "KPIs". Nothing was selected.',
    });
    expect(run.ss.emu.selection()).toEqual({ sheet: 'KPIs', range: 'B2', currentCell: 'B2' });
  });

  it('selects the cell only while a fresh check still finds the issue there: not after rows were inserted above it', () => {
    const run = addon(brokenPlan('en'));
    const listed = flat(run.project.callFromClient('getPlanCheck', 'en') as PlanCheck);
    const issue = listed.find((i) => i.code === 'missing-id' && i.sheet === 'Key Results')!;
    expect(issue.a1).toBe('A7');
    const about = { code: issue.code, message: issue.message };
    const go = (a1: string, lang = 'en', what: unknown = about) =>
      run.project.callFromClient('goToCell', 'Key Results', a1, lang, what) as GoToCellResult;
    expect(go('A7')).toMatchObject({ ok: true, stale: false, message: 'Selected Key Results!A7.' });
    // The message in another language than the one asked for is the same issue.
    const zh = flat(run.project.callFromClient('getPlanCheck', 'zh-TW') as PlanCheck).find(
      (i) => i.code === 'missing-id' && i.sheet === 'Key Results',
    )!;
    expect(go('A7', 'en', { code: zh.code, message: zh.message }).ok).toBe(true);

    run.project.callFromClient('goToCell', 'KPIs', 'B2');
    const keyResults = run.ss.getSheetByName('Key Results')!;
    const kr4 = keyResults.getRange('A5:C5').getValues();
    keyResults.insertRowsBefore(2, 2);
    expect(keyResults.getRange('A7:C7').getValues()).toEqual(kr4);
    // A7 now holds KR4: Go to cell selects nothing and says the plan changed, in the language asked for.
    expect(go('A7')).toEqual({
      ok: false,
      stale: true,
      message:
        'The plan changed since it was checked: Key Results!A7 no longer has this problem (rows inserted or deleted above it, or it was fixed). Nothing was selected.',
      sheet: 'Key Results',
      a1: 'A7',
    });
    expect(go('A7', 'zh-TW').message).toBe(
      '檢查後計畫已有變化：Key Results!A7 已沒有這個問題（其上方可能插入或刪除了列，或問題已修正）。未選取任何儲存格。',
    );
    // Another issue's code or message at a cell is not this issue.
    expect(go('A9').ok).toBe(false);
    expect(go('A7', 'en', { code: 'duplicate-id', message: issue.message }).ok).toBe(false);
    expect(run.ss.emu.selection()).toEqual({ sheet: 'KPIs', range: 'B2', currentCell: 'B2' });

    // The fresh list has the issue at A9, and its button selects it.
    const fresh = flat(run.project.callFromClient('getPlanCheck', 'en') as PlanCheck).find(
      (i) => i.code === 'missing-id' && i.sheet === 'Key Results',
    )!;
    expect(fresh.a1).toBe('A9');
    expect(go('A9', 'en', { code: fresh.code, message: fresh.message })).toMatchObject({ ok: true });
    expect(run.ss.emu.selection()).toEqual({ sheet: 'Key Results', range: 'A9', currentCell: 'A9' });
  });

  it('refuses anything but a tab name and one cell', () => {
    const run = addon();
    for (const args of [
      [],
      [42, 'A1'],
      ['KPIs'],
      ['KPIs', 'A1:B2'],
      ['KPIs', '=A1'],
      ['KPIs', 'A0'],
      ['KPIs', { a1: 'A1' }],
      ['', 'A1'],
      ['x'.repeat(101), 'A1'],
      ['KPIs', 'A1', 'en', 'missing-id'],
      ['KPIs', 'A1', 'en', { code: 'missing-id' }],
      ['KPIs', 'A1', 'en', { code: '', message: 'Row 1 has content but no ID.' }],
    ]) {
      const result = run.project.callFromClient('goToCell', ...args) as GoToCellResult;
      expect(result, JSON.stringify(args)).toMatchObject({
        ok: false,
        message: 'Go to cell needs a tab name and one cell such as B7.',
      });
    }
    expect(run.ss.emu.selection().range).toBe('A1');
    // google.script.run itself refuses a Date argument: the request fails before the server runs.
    expect(() => run.project.callFromClient('goToCell', new Date(), 'A1')).toThrow(/Date/);
  });
});

describe('applyQuickFix', () => {
  const fix = (run: ReturnType<typeof addon>, code: string, sheet: string, a1: string, lang?: string) =>
    run.project.callFromClient(
      'applyQuickFix',
      { code, sheet, a1 },
      ...(lang ? [lang] : []),
    ) as QuickFixResult;

  it('fills a missing ID with the next free one, in that cell only, holding the document lock', () => {
    const run = addon(brokenPlan('en'));
    const before = allCells(run.ss);
    const result = fix(run, 'missing-id', 'Key Results', 'A7');
    expect(result).toEqual({
      ok: true,
      message: 'Wrote the ID KR6 in Key Results!A7.',
      changed: ['Key Results!A7'],
    });
    const after = allCells(run.ss);
    expect(changedCells(before, after)).toEqual(['Key Results!A7']);
    expect(after.cells.get('Key Results!A7')).toBe('"KR6"');
    expect(after.sheets).toEqual(before.sheets);
    expect(run.emulator.lock.writesWithoutLock).toBe(0);
    expect(run.emulator.lock.writesWhileHeld).toBe(1);
    expect(run.emulator.lock.held).toBe(false);
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    expect(flat(check).some((i) => i.code === 'missing-id')).toBe(false);
  });

  it('gives back an ID that was cleared and that other tabs still name, where its number fits the row', () => {
    // KR2's ID cleared: the KPIs, the Roadmap and the Actuals still name KR2, and KR2 fits between KR1 and KR3.
    const workbook = examplePlan('en');
    setCell(workbook, 'Key Results', 'KR2', 'ID', '');
    const run = addon(workbook);
    const missing = flat(run.project.callFromClient('getPlanCheck') as PlanCheck).find(
      (i) => i.code === 'missing-id',
    )!;
    expect(missing.quickFix?.label).toBe('Fill in ID KR2');
    expect(fix(run, 'missing-id', 'Key Results', missing.a1!)).toMatchObject({ ok: true });
    const after = flat(run.project.callFromClient('getPlanCheck') as PlanCheck);
    expect(after.filter((i) => /missing-id|unknown-key-result|unknown-metric/.test(i.code))).toEqual([]);
  });

  it('never fills in an ID another cell still names: a deleted KR6 keeps its check-ins and its Changes rows', () => {
    // KR6 was deleted, its check-ins are still on Actuals; KR7 is named on the Changes tab; a new row has no ID.
    const workbook = examplePlan('en');
    workbook['Actuals'].push([workbook['Actuals'][1][0], 'KR6', 5, '']);
    const changes = workbook['Changes'];
    changes.push([...changes[1]]);
    changes[2][changes[0].indexOf('ID')] = 'KR7';
    const keyResults = workbook['Key Results'];
    keyResults.push([...keyResults[2]]);
    keyResults[keyResults.length - 1][0] = '';
    const run = addon(workbook);
    const issues = () => flat(run.project.callFromClient('getPlanCheck') as PlanCheck);
    const missing = issues().find((i) => i.code === 'missing-id')!;
    expect(missing.quickFix?.label).toBe('Fill in ID KR8');
    expect(fix(run, 'missing-id', 'Key Results', missing.a1!)).toMatchObject({ ok: true });
    // The old KR6's check-ins still belong to no key result, and are still said to.
    expect(
      issues()
        .filter((i) => i.code === 'unknown-metric')
        .map((i) => i.message),
    ).toEqual([
      `Actuals row ${workbook['Actuals'].length} is for "KR6", which is neither a key result nor a KPI.`,
    ]);
  });

  it('gives no cleared ID back to a row added at the end: KR5 deleted, its KPIs and check-ins stay unclaimed', () => {
    // The last key result, KR5, deleted: the Roadmap and the Actuals still name it. A new row is added at the end.
    const workbook = examplePlan('en');
    const keyResults = workbook['Key Results'];
    const kr5 = keyResults.findIndex((row) => row[0] === 'KR5');
    keyResults[kr5] = [...keyResults[kr5]];
    keyResults[kr5][0] = '';
    keyResults[kr5][2] = 'A new key result';
    const run = addon(workbook);
    const missing = flat(run.project.callFromClient('getPlanCheck') as PlanCheck).find(
      (i) => i.code === 'missing-id',
    )!;
    expect(missing.quickFix?.label).toBe('Fill in ID KR6');
  });

  it("fills in a key result's ID under its own objective where IDs are numbered per objective (O2.3, not O1.4)", () => {
    const workbook = examplePlan('en');
    const keyResults = workbook['Key Results'];
    const ids = ['O1.1', 'O1.2', 'O1.3', 'O2.1', 'O2.2'];
    keyResults.slice(1).forEach((row, i) => {
      for (const kpi of workbook['KPIs']) if (kpi[3] === row[0]) kpi[3] = ids[i];
      for (const item of workbook['Roadmap'])
        item[6] = String(item[6]).replace(new RegExp(`\\b${row[0]}\\b`), ids[i]);
      for (const checkIn of workbook['Actuals']) if (checkIn[1] === row[0]) checkIn[1] = ids[i];
      row[0] = ids[i];
    });
    keyResults.push([...keyResults[4]]); // under O2
    keyResults[6][0] = '';
    const run = addon(workbook);
    const missing = flat(run.project.callFromClient('getPlanCheck') as PlanCheck).filter(
      (i) => i.code === 'missing-id',
    );
    expect(missing.map((i) => [i.a1, i.quickFix?.label])).toEqual([['A7', 'Fill in ID O2.3']]);
    expect(fix(run, 'missing-id', 'Key Results', 'A7')).toMatchObject({ ok: true });
    expect(run.ss.getSheetByName('Key Results')!.getRange('A7').getValue()).toBe('O2.3');
  });

  it('adds a missing department as a new row with just its name', () => {
    const run = addon(brokenPlan('en'));
    const before = allCells(run.ss);
    const result = fix(run, 'unknown-owner', 'KPIs', 'C5', 'zh-CN');
    expect(result).toEqual({
      ok: true,
      message: '已将“Finance”添加到 Departments!A7。可补充负责人和颜色。',
      changed: ['Departments!A7'],
    });
    expect(changedCells(before, allCells(run.ss))).toEqual(['Departments!A7']);
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    expect(
      flat(check)
        .filter((i) => i.code === 'unknown-owner')
        .map((i) => i.a1),
    ).toEqual(['D10']);
  });

  it("adds no department for a placeholder, a number, markup or a lead's name, and writes nothing if asked", () => {
    const wb = examplePlan('en');
    // Placeholders and people (Maria Chen leads Sales on the Departments tab) are no departments of their own.
    const owners = ['-', '+', 'N/A', 'TBD', '待定', '?', '0', 'Maria Chen', HOSTILE_OWNER];
    const ids = ['KR1', 'KR2', 'KR3', 'KR4', 'KR5'];
    owners.slice(0, 5).forEach((owner, i) => setCell(wb, 'Key Results', ids[i], 'Owner', owner));
    owners.slice(5, 8).forEach((owner, i) => setCell(wb, 'KPIs', `KPI${i + 1}`, 'Owner', owner));
    setCell(wb, 'Roadmap', 'R1', 'Owner', owners[8]);
    const run = addon(wb);
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    const unknown = flat(check).filter((i) => i.code === 'unknown-owner');
    expect(unknown).toHaveLength(owners.length);
    expect(unknown.filter((i) => i.quickFix)).toEqual([]);
    const before = allCells(run.ss);
    const result = fix(run, 'unknown-owner', 'Key Results', 'D2');
    expect(result.ok).toBe(false);
    expect(changedCells(before, allCells(run.ss))).toEqual([]);
  });

  it('types the department as Departments spells it over an owner that names it almost so (客服 for 客服部)', () => {
    // A Traditional Chinese plan whose Departments tab lists 客服部; KR3's Owner says 客服.
    const workbook = examplePlan('zh-TW');
    for (const grid of Object.values(workbook))
      for (const row of grid) for (let c = 0; c < row.length; c++) if (row[c] === '客服') row[c] = '客服部';
    setCell(workbook, '關鍵結果', 'KR3', '負責部門', '客服');
    const run = addon(workbook, { locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    const near = (check: PlanCheck) => flat(check).filter((i) => i.code === 'owner-near-department');
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    expect(near(check).map((i) => [i.sheet, i.a1, i.message, i.quickFix])).toEqual([
      [
        '關鍵結果',
        'D4',
        'KR3 的負責部門「客服」不在「部門」表中；最接近的是「客服部」。',
        { kind: 'type-value', label: '改為輸入 客服部' },
      ],
    ]);
    // Not a new department: no owner is left to add.
    expect(flat(check).filter((i) => i.code === 'unknown-owner')).toEqual([]);
    for (const [lang, label] of [
      ['en', 'Type 客服部'],
      ['zh-CN', '改为输入 客服部'],
    ])
      expect(near(run.project.callFromClient('getPlanCheck', lang) as PlanCheck)[0].quickFix?.label).toBe(
        label,
      );

    const before = allCells(run.ss);
    const result = fix(run, 'owner-near-department', '關鍵結果', 'D4');
    expect(result).toEqual({ ok: true, message: '已在 關鍵結果!D4 輸入 客服部。', changed: ['關鍵結果!D4'] });
    const after = allCells(run.ss);
    expect(changedCells(before, after)).toEqual(['關鍵結果!D4']);
    expect(after.cells.get('關鍵結果!D4')).toBe('"客服部"');
    expect(after.sheets).toEqual(before.sheets);
    expect(run.emulator.lock.writesWithoutLock).toBe(0);
    // The error is gone, and no other issue came or went: the plan is the example's, 客服部 owning KR3.
    const again = run.project.callFromClient('getPlanCheck') as PlanCheck;
    const key = (i: { code: string; sheet: string; a1: string | null }) => `${i.code}|${i.sheet}|${i.a1}`;
    expect(flat(again).map(key)).toEqual(
      flat(check)
        .filter((i) => i.code !== 'owner-near-department')
        .map(key),
    );
    expect(flat(again).filter((i) => /owner/.test(i.code))).toEqual([]);
  });

  // A one-character typo of a short department (銷隻 or 消售 for 銷售, 市埸 for 市場, Sale for Sales) was offered as a new
  // department: applied, KR1 rolled up under a department that does not exist, and the error went away.
  for (const [locale, lang, KR, owner, typos, label, brandNew, addLabel] of [
    [
      'zh_TW',
      'zh-TW',
      '關鍵結果',
      '負責部門',
      [
        ['銷隻', '銷售'],
        ['消售', '銷售'],
        ['市埸', '市場'],
      ],
      '改為輸入 {d}',
      '法務',
      '把「法務」新增到「部門」',
    ],
    [
      'en_US',
      'en',
      'Key Results',
      'Owner',
      [['Sale', 'Sales']],
      'Type {d}',
      'Legal',
      'Add "Legal" to Departments',
    ],
  ] as const)
    it(`types a short department over a one-character typo of it, never adds the typo as a department (${lang})`, () => {
      for (const [typo, department] of typos) {
        const workbook = examplePlan(lang);
        setCell(workbook, KR, 'KR1', owner, typo);
        const run = addon(workbook, { locale, timeZone: 'Asia/Taipei' });
        const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
        const at = flat(check).filter((i) => i.sheet === KR && i.a1 === 'D2');
        expect(at.map((i) => [i.code, i.quickFix])).toEqual([
          ['owner-near-department', { kind: 'type-value', label: label.replace('{d}', department) }],
        ]);
        const before = allCells(run.ss);
        expect(fix(run, 'owner-near-department', KR, 'D2').ok).toBe(true);
        const after = allCells(run.ss);
        expect(changedCells(before, after)).toEqual([`${KR}!D2`]);
        expect(after.cells.get(`${KR}!D2`)).toBe(JSON.stringify(department));
        const again = run.project.callFromClient('getPlanCheck') as PlanCheck;
        expect(flat(again).filter((i) => /owner/.test(i.code))).toEqual([]);
      }
      // A name no department is near is a new department: it is offered as one.
      const workbook = examplePlan(lang);
      setCell(workbook, KR, 'KR1', owner, brandNew);
      const run = addon(workbook, { locale, timeZone: 'Asia/Taipei' });
      const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
      expect(
        flat(check)
          .filter((i) => i.a1 === 'D2' && i.sheet === KR)
          .map((i) => [i.code, i.quickFix]),
      ).toEqual([['unknown-owner', { kind: 'add-department', label: addLabel }]]);
    });

  it('offers neither department nor a new one for an owner near two (Sale for Sales and Sals)', () => {
    const workbook = examplePlan('en');
    workbook['Departments'].push(['Sals', ...workbook['Departments'][1].slice(1).map(() => '')]);
    setCell(workbook, 'Key Results', 'KR1', 'Owner', 'Sale');
    const run = addon(workbook);
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    expect(
      flat(check)
        .filter((i) => i.a1 === 'D2' && i.sheet === 'Key Results')
        .map((i) => [i.code, i.message, i.quickFix]),
    ).toEqual([
      [
        'owner-near-departments',
        'Owner "Sale" of KR1 is not on the "Departments" tab; it is as close to "Sales" as to "Sals", so which one was meant is not guessed.',
        null,
      ],
    ]);
  });

  it('rebuilds Targets when it is out of date, changing nothing outside the range it names', () => {
    const run = addon(examplePlan('en'));
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const targets = run.ss.getSheetByName(tabDef('targets').label.en)!;
    targets.getRange(2, 7).setValue(123); // someone typed over a month's formula
    const check = run.project.callFromClient('getPlanCheck') as PlanCheck;
    const stale = flat(check).find((i) => i.code === 'targets-mismatch')!;
    expect(stale).toMatchObject({
      sheet: 'Targets',
      quickFix: { kind: 'rebuild-targets', label: 'Rebuild Targets, judged as of today' },
    });

    const before = allCells(run.ss);
    const writes = run.emulator.lock.writes.length;
    const result = fix(run, stale.code, stale.sheet, stale.a1!);
    expect(result.ok, result.message).toBe(true);
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]).toMatch(/^Targets!A1:[A-Z]+\d+$/);
    // Decompose from the menu keeps a figure typed over a month's formula; Rebuild on that cell's own warning asks
    // for the plan's figure there, and says what it replaced.
    expect(targets.getRange(2, 7).getFormula()).not.toBe('');
    expect(result.message).toContain(
      "As asked, the plan's figure replaced what was typed at Targets!G2 (KR1, 2026-03): 123.",
    );
    const changed = changedCells(before, allCells(run.ss));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((c) => !isNamed(c, result.changed))).toEqual([]);
    expect(run.emulator.lock.writes.slice(writes).every((w) => w.lockHeld)).toBe(true);
    const again = run.project.callFromClient('getPlanCheck') as PlanCheck;
    expect(flat(again).filter((i) => i.code.startsWith('targets-'))).toEqual([]);
  });

  it('says where a Targets formula shows #REF! after a key result row was deleted, and rebuilds the tab on request', () => {
    const run = addon(examplePlan('en'));
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    run.ss.getSheetByName('Key Results')!.deleteRow(6); // KR5
    const broken = flat(run.project.callFromClient('getPlanCheck') as PlanCheck).filter(
      (i) => i.code === 'targets-formula-error',
    );
    expect(broken.map((i) => [i.sheet, i.message])).toEqual([
      [
        'Targets',
        'The Targets tab shows #REF! for KR5: its formulas point at a plan cell that was moved or deleted.',
      ],
    ]);
    expect(broken[0].quickFix).toMatchObject({ kind: 'rebuild-targets' });
    expect(fix(run, broken[0].code, broken[0].sheet, broken[0].a1!).ok).toBe(true);
    const again = flat(run.project.callFromClient('getPlanCheck') as PlanCheck);
    expect(again.filter((i) => i.code.startsWith('targets-'))).toEqual([]);
  });

  it('says when the Targets tab judges as of another day than the sidebar, and types today there on request', () => {
    const run = addon(examplePlan('en'), { timeZone: 'Asia/Taipei' });
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const asOf = run.ss.getRangeByName('GTM_AS_OF')!;
    const a1 = asOf.getA1Notation();
    const today = dateToIso(new Date(), 'Asia/Taipei')!;
    const tips = (check: PlanCheck) => flat(check).filter((i) => i.code.startsWith('as-of-'));
    expect(tips(run.project.callFromClient('getPlanCheck') as PlanCheck)).toEqual([]);
    // A review date typed over it: the tab's statuses are as of that day, the sidebar's as of today.
    // A review date, never today (whatever day the test runs on).
    const reviewDay = today === '2026-06-30' ? '2026-06-29' : '2026-06-30';
    asOf.setValue(zonedMidnight(reviewDay, 'Asia/Taipei'));
    const [review] = tips(run.project.callFromClient('getPlanCheck') as PlanCheck);
    expect(review).toMatchObject({
      code: 'as-of-differs',
      sheet: 'Targets',
      a1,
      severity: 'tip',
      quickFix: { kind: 'type-value', label: `Type ${today}` },
    });
    expect(review.message).toBe(
      `The Targets tab judges progress as of ${reviewDay} (its As of cell); this check judges it as of ${today}, so their statuses may differ.`,
    );
    // Text typed there: every formula that reads it shows an error; the same fix types today.
    asOf.setValue('next week');
    const [text] = tips(run.project.callFromClient('getPlanCheck', 'zh-TW') as PlanCheck);
    expect(text).toMatchObject({ code: 'as-of-not-a-date', severity: 'warning', a1 });
    expect(text.message).toBe(
      '「目標分解」表的「評估日」儲存格為「next week」，不是日期：該表中引用它的公式都會顯示錯誤。',
    );
    const writes = run.emulator.lock.writes.length;
    const result = fix(run, 'as-of-not-a-date', 'Targets', a1);
    expect(result).toMatchObject({ ok: true, changed: [`Targets!${a1}`] });
    // One write, of that cell (the formulas that read it recalculate).
    expect(run.emulator.lock.writes.slice(writes)).toEqual([{ method: 'Range.setValue', lockHeld: true }]);
    expect(dateToIso(asOf.getValue() as Date, 'Asia/Taipei')).toBe(today);
    expect(tips(run.project.callFromClient('getPlanCheck') as PlanCheck)).toEqual([]);
  });

  it('types the value the plan reads over text the Targets formulas cannot use, and the tab then agrees with the plan', () => {
    // As people type: a target "1M", a phasing "Ramp up", a check-in "40k", a metric ID with a space after it.
    const workbook = examplePlan('en');
    setCell(workbook, 'Key Results', 'KR1', 'Target', '1M');
    setCell(workbook, 'Key Results', 'KR2', 'Phasing', 'Ramp up');
    workbook['Actuals'][1][2] = '40k';
    workbook['Actuals'][2][1] = 'KR1 ';
    const run = addon(workbook);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const timeZone = run.ss.getSpreadsheetTimeZone();
    /** KR1's current value as the Targets tab's formulas compute it, and as the plan core does. */
    const currentOfKr1 = () => {
      const targets = run.ss.getSheetByName('Targets')!.getDataRange().getValues();
      const kr1 = targets.find((row) => row[0] === 'KR1' && row[1] === 'target')!;
      const asOf = dateToIso(targets[1][targets[0].indexOf('As of')] as Date, timeZone)!;
      const plan = parsePlan(toWorkbook(run.ss), { timeZone }).plan;
      return {
        tab: kr1[targets[0].indexOf('Current value')],
        plan: planProgress(plan, asOf).keyResults.find((k) => k.id === 'KR1')!.current,
      };
    };
    // The formulas leave out the two check-ins the plan counts.
    expect(currentOfKr1().tab).not.toBe(currentOfKr1().plan);
    const unreadable = () =>
      flat(run.project.callFromClient('getPlanCheck') as PlanCheck).filter(
        (i) => i.code === 'unreadable-by-formulas',
      );
    expect(unreadable().map((i) => [i.sheet, i.a1, i.quickFix?.label])).toEqual([
      ['Key Results', 'I2', 'Type 1000000'],
      ['Key Results', 'L3', 'Type ramp-up'],
      ['Actuals', 'C2', 'Type 40000'],
      ['Actuals', 'B3', 'Type KR1'],
    ]);
    for (const issue of unreadable()) {
      const before = allCells(run.ss);
      const result = fix(run, issue.code, issue.sheet, issue.a1!);
      expect(result.ok, result.message).toBe(true);
      expect(result.changed).toEqual([`${issue.sheet}!${issue.a1}`]);
      // That cell, and on Targets only results its formulas recompute: every formula stays as it was.
      const after = allCells(run.ss);
      const changed = changedCells(before, after);
      expect(changed).toContain(result.changed[0]);
      expect(changed.filter((c) => c !== result.changed[0] && !c.startsWith('Targets!'))).toEqual([]);
      const formula = (cells: Map<string, string>, c: string) => cells.get(c)?.split(' → ')[0];
      for (const c of changed.filter((c) => c.startsWith('Targets!')))
        expect(formula(after.cells, c), c).toBe(formula(before.cells, c));
    }
    expect(unreadable()).toEqual([]);
    expect(allCells(run.ss).cells.get('Actuals!C2')).toBe('40000');
    expect(allCells(run.ss).cells.get('Key Results!L3')).toBe('"ramp-up"');
    // KR1's current value on the Targets tab is the plan's again: it counts the 40k and the KR1 row.
    expect(currentOfKr1().tab).toBe(currentOfKr1().plan);
  });

  it("reads numbers typed as text in the spreadsheet's locale: 1.250.000 is a million and a quarter in de_DE", () => {
    // Typed into cells formatted as plain text, as people paste figures from a German document.
    const typed = () => {
      const workbook = examplePlan('en');
      setCell(workbook, 'Key Results', 'KR1', 'Target', '1.250.000');
      workbook['Actuals'][1][2] = '12.500,5';
      return workbook;
    };
    const de = addon(typed(), { locale: 'de_DE', timeZone: 'Europe/Berlin' });
    expect((de.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const plan = parsePlan(toWorkbook(de.ss), { timeZone: 'Europe/Berlin', locale: 'de_DE' }).plan;
    expect(plan.keyResults.find((k) => k.id === 'KR1')?.target).toBe(1_250_000);
    const check = flat(de.project.callFromClient('getPlanCheck') as PlanCheck);
    // No error at either cell: the formulas cannot read the text, so each is a warning whose fix types the number.
    const at = (a1s: string[]) => check.filter((i) => a1s.includes(`${i.sheet}!${i.a1}`));
    expect(at(['Key Results!I2', 'Actuals!C2']).map((i) => [i.code, i.severity, i.quickFix?.label])).toEqual([
      ['unreadable-by-formulas', 'warning', 'Type 1250000'],
      ['unreadable-by-formulas', 'warning', 'Type 12500,5'], // as a de_DE spreadsheet writes it,
    ]);
    for (const a1 of ['I2', 'C2']) {
      const sheet = a1 === 'I2' ? 'Key Results' : 'Actuals';
      expect(fix(de, 'unreadable-by-formulas', sheet, a1).ok).toBe(true);
    }
    expect(allCells(de.ss).cells.get('Key Results!I2')).toBe('1250000');
    expect(allCells(de.ss).cells.get('Actuals!C2')).toBe('12500.5');

    // A Baseline of "0.05" in the de_DE sheet is a decimal-mark error, whose quick fix types 0,05; never also
    // "Type 0" (the Baseline the plan fell back on) for the Targets tab's formulas.
    const baseline = examplePlan('en');
    setCell(baseline, 'Key Results', 'KR3', 'Baseline', '0.05');
    const withTargets = addon(baseline, { locale: 'de_DE', timeZone: 'Europe/Berlin' });
    expect((withTargets.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const atH4 = flat(withTargets.project.callFromClient('getPlanCheck') as PlanCheck).filter(
      (i) => `${i.sheet}!${i.a1}` === 'Key Results!H4',
    );
    expect(atH4.map((i) => [i.code, i.quickFix?.label])).toEqual([['decimal-mark', 'Type 0,05']]);

    // The same text in an en_US spreadsheet is refused at each cell, with the number as that spreadsheet writes it;
    // the quick fix types it as a number.
    const us = flat(addon(typed()).project.callFromClient('getPlanCheck') as PlanCheck);
    expect(
      us.filter((i) => i.code === 'decimal-mark').map((i) => [i.sheet, i.a1, i.severity, i.fix]),
    ).toEqual([
      ['Key Results', 'I2', 'error', 'Type 1250000.'],
      ['Actuals', 'C2', 'error', 'Type 12500.5.'],
    ]);
    const english = addon(typed());
    const offered = flat(english.project.callFromClient('getPlanCheck') as PlanCheck).filter(
      (i) => i.code === 'decimal-mark',
    );
    expect(offered.map((i) => i.quickFix?.label)).toEqual(['Type 1250000', 'Type 12500.5']);
    for (const issue of offered) expect(fix(english, issue.code, issue.sheet, issue.a1!).ok).toBe(true);
    // With a currency in the text, the issue's advice stands and nothing is typed for the person (a unit such as
    // 萬 would change what the number means).
    const withCurrency = examplePlan('en');
    setCell(withCurrency, 'Key Results', 'KR1', 'Target', '2,5 USD');
    const priced = flat(addon(withCurrency).project.callFromClient('getPlanCheck') as PlanCheck);
    expect(priced.filter((i) => i.code === 'decimal-mark').map((i) => [i.a1, i.quickFix])).toEqual([
      ['I2', null],
    ]);
    expect(allCells(english.ss).cells.get('Key Results!I2')).toBe('1250000');
    expect(allCells(english.ss).cells.get('Actuals!C2')).toBe('12500.5');
    expect(
      flat(english.project.callFromClient('getPlanCheck') as PlanCheck).filter(
        (i) => i.code === 'decimal-mark',
      ),
    ).toEqual([]);
  });

  it('types the day a compact date writes, and the number digits grouped in fours write, and nothing when unsure', () => {
    const plan = examplePlan('en');
    setCell(plan, 'Key Results', 'KR2', 'Due', 1151231); // Minguo 115/12/31, typed without separators
    setCell(plan, 'Key Results', 'KR1', 'Due', 202608); // a month without its day: the 1st or the 31st?
    setCell(plan, 'Key Results', 'KR2', 'Target', '5,0000'); // 50,000 grouped as 萬 groups it
    setCell(plan, 'Key Results', 'KR4', 'Target', '1,2345'); // 12,345, or 1.2345 with a decimal comma?
    const run = addon(plan);
    const offers = (code: string) =>
      flat(run.project.callFromClient('getPlanCheck') as PlanCheck)
        .filter((i) => i.code === code)
        .map((i) => [i.a1, i.quickFix?.label ?? null]);
    expect(offers('compact-date')).toEqual([
      ['K2', null],
      ['K3', 'Type 2026-12-31'],
    ]);
    expect(offers('grouped-in-fours')).toEqual([
      ['I3', 'Type 50000'],
      ['I5', null],
    ]);
    expect(fix(run, 'compact-date', 'Key Results', 'K3').ok).toBe(true);
    expect(fix(run, 'grouped-in-fours', 'Key Results', 'I3').ok).toBe(true);
    expect(offers('compact-date')).toEqual([['K2', null]]);
    expect(offers('grouped-in-fours')).toEqual([['I5', null]]);
    const { plan: read } = parsePlan(toWorkbook(run.ss), { timeZone: 'Etc/UTC' });
    const kr2 = read.keyResults.find((k) => k.id === 'KR2')!;
    expect([kr2.due, kr2.target]).toEqual(['2026-12-31', 50000]);
  });

  it('never types a number its cell\'s format would show as another (1,200萬 typed as 12000000 in #,##0"萬")', () => {
    // zh_TW, figures typed as text into cells formatted to show 萬 (ten thousands) or a percent.
    const KR = tabDef('keyResults').label['zh-TW'];
    const AC = tabDef('actuals').label['zh-TW'];
    const plan = () => {
      const workbook = examplePlan('zh-TW', 'Asia/Taipei');
      workbook[KR][1][5] = '元'; // KR1 counted in 元
      workbook[KR][1][8] = '1,200萬'; // 12,000,000 元
      workbook[KR][2][8] = '5,0000'; // 50,000 grouped in fours
      workbook[AC][1][2] = '12萬'; // a KR1 check-in of 120,000 元
      workbook[AC][2][2] = '12'; // a KR1 check-in of 12 元
      const kr3 = workbook[AC].findIndex((row) => row[1] === 'KR3');
      workbook[AC][kr3][2] = '12%'; // a KR3 reading of 12%
      return { workbook, kr3: `C${kr3 + 1}` };
    };
    const { workbook, kr3 } = plan();
    const run = addon(workbook, { locale: 'zh_TW', timeZone: 'Asia/Taipei' });
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const offers = () =>
      flat(run.project.callFromClient('getPlanCheck', 'zh-TW') as PlanCheck)
        .filter((i) => ['grouped-in-fours', 'unreadable-by-formulas'].includes(i.code))
        .map((i) => [i.code, `${i.sheet}!${i.a1}`, i.quickFix?.label ?? null]);
    // Without formats, each is typed as the plan reads it.
    expect(offers()).toEqual([
      ['grouped-in-fours', `${KR}!I3`, '改為輸入 50000'],
      ['unreadable-by-formulas', `${KR}!I2`, '改為輸入 12000000'],
      ['unreadable-by-formulas', `${AC}!C2`, '改為輸入 120000'],
      ['unreadable-by-formulas', `${AC}!C3`, '改為輸入 12'],
      ['unreadable-by-formulas', `${AC}!${kr3}`, '改為輸入 0.12'],
    ]);
    run.ss.getSheetByName(KR)!.getRange('I2:I3').setNumberFormat('#,##0"萬"');
    run.ss.getSheetByName(AC)!.getRange('C2:C3').setNumberFormat('#,##0"萬"');
    run.ss.getSheetByName(AC)!.getRange(kr3).setNumberFormat('0%');
    // 12000000 in a 萬 cell shows 12,000,000萬 and reads as 120,000,000,000; 12 shows 12萬 (120,000): none is offered.
    // In a percent cell 0.12 shows 12%, as typed: offered, as the cell will show it.
    expect(offers()).toEqual([
      ['grouped-in-fours', `${KR}!I3`, null],
      ['unreadable-by-formulas', `${KR}!I2`, null],
      ['unreadable-by-formulas', `${AC}!C2`, null],
      ['unreadable-by-formulas', `${AC}!C3`, null],
      ['unreadable-by-formulas', `${AC}!${kr3}`, '改為輸入 12%'],
    ]);
    const before = allCells(run.ss);
    // A request the sidebar never showed is refused as well: the server checks the value the same way.
    for (const [code, a1] of [
      ['unreadable-by-formulas', 'I2'],
      ['grouped-in-fours', 'I3'],
    ])
      expect(fix(run, code, KR, a1)).toMatchObject({ ok: false, changed: [] });
    expect(changedCells(before, allCells(run.ss))).toEqual([]);
    expect(fix(run, 'unreadable-by-formulas', AC, kr3, 'zh-TW')).toEqual({
      ok: true,
      message: `已在 ${AC}!${kr3} 輸入 12%。`,
      changed: [`${AC}!${kr3}`],
    });
    expect(run.ss.getSheetByName(AC)!.getRange(kr3).getValue()).toBe(0.12);
    // Read back through the add-on's own reader (values and formats): the check-in is the 12% promised.
    const read = parsePlan(readSpreadsheet(run.ss as unknown as GAS.Spreadsheet).workbook, {
      timeZone: 'Asia/Taipei',
      locale: 'zh_TW',
    });
    const columns = checkInColumns(read.plan);
    expect(columns.values[columns.rows.indexOf(Number(kr3.slice(1)))]).toBe(0.12);
    expect(read.plan.keyResults.find((k) => k.id === 'KR1')?.target).toBe(12_000_000);
  });

  it('never types a value another error at the cell says is wrong: 12 for a percentage, 2,5 for a rate', () => {
    const workbook = examplePlan('en');
    const row = workbook['Actuals'].findIndex((r) => r[1] === 'KR3');
    workbook['Actuals'][row][2] = '12'; // 12% typed as 12, as text
    setCell(workbook, 'Key Results', 'KR5', 'Target', '2,5'); // 2.5% or 250%?
    setCell(workbook, 'KPIs', 'KPI1', 'Target', '0,05'); // 5%, with a decimal comma
    const run = addon(workbook);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const at = (sheet: string, a1: string) =>
      flat(run.project.callFromClient('getPlanCheck') as PlanCheck)
        .filter((i) => i.sheet === sheet && i.a1 === a1)
        .map((i) => [i.code, i.quickFix?.label ?? null]);
    expect(at('Actuals', `C${row + 1}`)).toEqual([
      ['percent-as-whole-number', null],
      ['unreadable-by-formulas', null],
    ]);
    expect(at('Key Results', 'I6')).toEqual([['decimal-mark', null]]);
    expect(at('KPIs', 'G2')).toEqual([['decimal-mark', 'Type 0.05']]);
    expect(fix(run, 'unreadable-by-formulas', 'Actuals', `C${row + 1}`)).toMatchObject({ ok: false });
    expect(fix(run, 'decimal-mark', 'Key Results', 'I6')).toMatchObject({ ok: false });
    expect(
      run.ss
        .getSheetByName('Actuals')!
        .getRange(row + 1, 3)
        .getValue(),
    ).toBe('12');
    expect(run.ss.getSheetByName('Key Results')!.getRange('I6').getValue()).toBe('2,5');
  });

  it('never types the value read where it may mean another: "50,000" and "3,800" in a de_DE spreadsheet', () => {
    // Figures typed as English and Chinese write them, in a spreadsheet set to German: the comma is the decimal sign
    // there, so 50,000 reads as 50, and said; typing 50 over it would make a reading the person may not have meant
    // for good.
    const workbook = examplePlan('en');
    setCell(workbook, 'Key Results', 'KR2', 'Target', '50,000');
    const row = workbook['Actuals'].findIndex((r) => r[1] === 'KR2');
    workbook['Actuals'][row][2] = '3,800';
    const run = addon(workbook, { locale: 'de_DE', timeZone: 'Europe/Berlin' });
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    const at = (sheet: string, a1: string) =>
      flat(run.project.callFromClient('getPlanCheck') as PlanCheck)
        .filter((i) => i.sheet === sheet && i.a1 === a1)
        .map((i) => [i.code, i.quickFix?.label ?? null]);
    expect(at('Key Results', 'I3')).toEqual([
      ['comma-decimal-ambiguous', null],
      ['unreadable-by-formulas', null],
    ]);
    expect(at('Actuals', `C${row + 1}`)).toEqual([
      ['comma-decimal-ambiguous', null],
      ['unreadable-by-formulas', null],
    ]);
    expect(fix(run, 'unreadable-by-formulas', 'Key Results', 'I3')).toMatchObject({ ok: false });
    expect(run.ss.getSheetByName('Key Results')!.getRange('I3').getValue()).toBe('50,000');
  });

  it('never types over a formula: the cell and its formula stay, and the message says to fix its source', () => {
    const workbook = examplePlan('en');
    workbook['Notes'] = [
      ['What', 'Value'],
      ['KR1 target', '1M'],
      ['KR2 phasing', 'Ramp up'],
    ];
    const run = addon(workbook);
    const keyResults = run.ss.getSheetByName('Key Results')!;
    keyResults.getRange('I2').setFormula('=Notes!B2');
    keyResults.getRange('L3').setFormula('=Notes!B3');
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    run.ss.getRangeByName('GTM_AS_OF')!.setFormula('=DATE(2026,5,31)');
    const asOf = run.ss.getRangeByName('GTM_AS_OF')!.getA1Notation();
    const check = flat(run.project.callFromClient('getPlanCheck') as PlanCheck);
    const at = (sheet: string, a1: string) =>
      check.filter((i) => i.sheet === sheet && i.a1 === a1).map((i) => [i.code, i.quickFix]);
    expect(at('Key Results', 'I2')).toEqual([['unreadable-by-formulas', null]]);
    expect(at('Key Results', 'L3')).toEqual([['unreadable-by-formulas', null]]);
    expect(at('Targets', asOf)).toEqual([['as-of-differs', null]]);
    const before = allCells(run.ss);
    expect(fix(run, 'unreadable-by-formulas', 'Key Results', 'I2')).toEqual({
      ok: false,
      message:
        'Key Results!I2 holds a formula, =Notes!B2, which a quick fix would overwrite. Nothing was written: fix the value where the formula takes it from.',
      changed: [],
    });
    expect(fix(run, 'unreadable-by-formulas', 'Key Results', 'L3', 'zh-CN').message).toBe(
      '单元格 Key Results!L3 中是公式 =Notes!B3，快速修复会覆盖它。未写入任何内容：请在公式引用的来源处修改。',
    );
    expect(fix(run, 'as-of-differs', 'Targets', asOf, 'zh-TW').message).toBe(
      `儲存格 Targets!${asOf} 中是公式 =DATE(2026,5,31)，快速修正會覆蓋它。未寫入任何內容：請在公式引用的來源處修改。`,
    );
    expect(changedCells(before, allCells(run.ss))).toEqual([]);
    expect(keyResults.getRange('I2').getFormula()).toBe('=Notes!B2');

    // An ID cell whose formula shows nothing is no blank cell to fill either.
    const broken = addon(brokenPlan('en'));
    broken.ss.getSheetByName('Key Results')!.getRange('A7').setFormula('=IF(FALSE,"KR9","")');
    const missing = flat(broken.project.callFromClient('getPlanCheck') as PlanCheck).find(
      (i) => i.code === 'missing-id',
    )!;
    expect([missing.a1, missing.quickFix]).toEqual(['A7', null]);
    expect(fix(broken, 'missing-id', 'Key Results', 'A7').message).toMatch(/^Key Results!A7 holds a formula/);
  });

  it('types a value into a merged block at its top-left cell, the one Sheets keeps, and says that cell', () => {
    const workbook = examplePlan('en');
    setCell(workbook, 'Key Results', 'KR1', 'Phasing', 'Ramp up');
    const run = addon(workbook);
    expect((run.run('decomposeTargets') as ActionResult).ok).toBe(true);
    run.ss.getSheetByName('Key Results')!.getRange('L2:L3').merge(); // KR1 and KR2: Ramp up
    const unreadable = () =>
      flat(run.project.callFromClient('getPlanCheck') as PlanCheck)
        .filter((i) => i.code === 'unreadable-by-formulas')
        .map((i) => [i.a1, i.quickFix?.label]);
    expect(unreadable()).toEqual([
      ['L2', 'Type ramp-up'],
      ['L3', 'Type ramp-up in L2'],
    ]);
    const before = allCells(run.ss);
    expect(fix(run, 'unreadable-by-formulas', 'Key Results', 'L3')).toEqual({
      ok: true,
      message: 'Typed ramp-up in Key Results!L2.',
      changed: ['Key Results!L2'],
    });
    expect(changedCells(before, allCells(run.ss)).filter((c) => !c.startsWith('Targets!'))).toEqual([
      'Key Results!L2',
    ]);
    expect(unreadable()).toEqual([]);
    expect(run.ss.getSheetByName('Key Results')!.getRange('L3').isPartOfMerge()).toBe(true);
  });

  it('acts only on an issue that is still in the plan, and changes nothing otherwise', () => {
    const run = addon(brokenPlan('en'));
    const before = allCells(run.ss);
    expect(fix(run, 'missing-id', 'Key Results', 'A2')).toMatchObject({ ok: false, changed: [] });
    expect(fix(run, 'unknown-owner', 'KPIs', 'C2')).toMatchObject({ ok: false, changed: [] });
    expect(fix(run, 'missing-id', 'Key Results', 'A7').ok).toBe(true);
    const once = allCells(run.ss);
    // A second click on the same (now fixed) issue: nothing more.
    expect(fix(run, 'missing-id', 'Key Results', 'A7')).toMatchObject({
      ok: false,
      message:
        'That problem is no longer in the plan (fixed already, or the sheet changed). Nothing was written.',
    });
    expect(changedCells(once, allCells(run.ss))).toEqual([]);
    expect(changedCells(before, once)).toEqual(['Key Results!A7']);
  });

  it('writes nothing when the sheet changed since the button was shown: the fix would not be the one it promised', () => {
    const run = addon(brokenPlan('en'));
    const shown = flat(run.project.callFromClient('getPlanCheck') as PlanCheck).find(
      (i) => i.code === 'missing-id',
    )!;
    expect(shown.quickFix!.label).toBe('Fill in ID KR6');
    // Meanwhile a colleague adds KR6 on another row: the fix would now write KR7.
    const krs = run.ss.getSheetByName('Key Results')!;
    krs.getRange(krs.getLastRow() + 1, 1).setValue('KR6');
    const before = allCells(run.ss);
    const result = run.project.callFromClient(
      'applyQuickFix',
      { code: shown.code, sheet: shown.sheet, a1: shown.a1, label: shown.quickFix!.label },
      'en',
    ) as QuickFixResult;
    expect(result).toEqual({
      ok: false,
      message:
        'The sheet changed since this fix was offered; it would now be "Fill in ID KR7". Nothing was written.',
      changed: [],
    });
    expect(changedCells(before, allCells(run.ss))).toEqual([]);
  });

  it('refuses requests that are not one issue with a quick fix', () => {
    const run = addon(brokenPlan('en'));
    const before = allCells(run.ss);
    for (const request of [
      null,
      'missing-id',
      [],
      { code: 'unknown-key-result', sheet: 'KPIs', a1: 'D6' },
      { code: 'missing-id', sheet: 'Key Results' },
      { code: 'missing-id', sheet: 'Key Results', a1: 'A7:A8' },
      { code: 'toString', sheet: 'Key Results', a1: 'A7' },
    ]) {
      const result = run.project.callFromClient('applyQuickFix', request) as QuickFixResult;
      expect(result, JSON.stringify(request)).toEqual({
        ok: false,
        message: 'This quick fix request is not valid.',
        changed: [],
      });
    }
    expect(changedCells(before, allCells(run.ss))).toEqual([]);
    expect(run.emulator.lock.writes).toEqual([]);
  });

  it('says the spreadsheet is busy when another run holds the lock, and writes nothing', () => {
    const run = addon(brokenPlan('en'), { lockContention: true });
    const before = allCells(run.ss);
    expect(fix(run, 'missing-id', 'Key Results', 'A7')).toEqual({
      ok: false,
      message: 'Someone else is updating this spreadsheet. Try again in a moment.',
      changed: [],
    });
    expect(changedCells(before, allCells(run.ss))).toEqual([]);
  });
});

describe('a tab named close to a plan tab', () => {
  it('is named in the check, as it is for a file: "2. Key Results" is not read, rename it', () => {
    const workbook = examplePlan('en');
    const renamed: typeof workbook = {};
    for (const [name, grid] of Object.entries(workbook))
      renamed[name === 'Key Results' ? '2. Key Results' : name] = grid;
    const check = flat(addon(renamed).project.callFromClient('getPlanCheck') as PlanCheck);
    expect(check.filter((i) => i.code === 'tab-name-near').map((i) => [i.sheet, i.a1, i.fix])).toEqual([
      ['2. Key Results', 'A1', 'Rename it to "Key Results".'],
    ]);
    expect(check.some((i) => i.code === 'missing-tab')).toBe(true);
  });
});

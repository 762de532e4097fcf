/**
 * Decompose targets: (re)builds the Targets tab from shared/targets-sheet.ts. Every month cell is a formula over
 * the plan tabs, so the sheet recalculates when a target, a date or the phasing changes; the to-date, attainment
 * and status columns are formulas over Actuals. Custom weights typed in the weights rows are read back by the
 * parser and written again. The grid goes out in one setValues, its formats in one setNumberFormats: the number
 * of calls does not depend on the number of key results.
 */
import { precisionFor } from '../../shared/decompose';
import type { PlanIssue } from '../../shared/issues';
import { parsePlan } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { STATUS_LABELS, type Status } from '../../shared/progress';
import { buildTargetsSheet } from '../../shared/targets-sheet';
import { TARGETS_SUMMARY_COLUMNS, tabDef, type Lang, type MetricType } from '../../shared/template';
import { runAction, type ActionResult } from './action';
import { list, t } from './i18n';
import {
  ensureSize,
  findTab,
  hasPlanTabs,
  readSpreadsheet,
  sheetDate,
  writeBlock,
  type SpreadsheetSnapshot,
} from './sheets-adapter';
import { HEADER_BACKGROUND, HEADER_PROTECTION, STATUS_COLORS } from './templates';

export const WEIGHTS_BACKGROUND = '#fff8e1';
const MONTH_HEADER_FORMAT = 'yyyy-mm';
const WEIGHTS_FORMAT = '0.00';

const STATUS_COLOR: Record<Status, string> = {
  'not-started': STATUS_COLORS.neutral,
  'on-track': STATUS_COLORS.good,
  'at-risk': STATUS_COLORS.warn,
  'off-track': STATUS_COLORS.bad,
  missed: STATUS_COLORS.bad,
  'needs-attention': STATUS_COLORS.warn,
  done: STATUS_COLORS.progress,
  'no-data': STATUS_COLORS.neutral,
};

/** What stops decomposition: the tabs, columns and period the formulas point at. */
const BLOCKING = new Set<PlanIssue['code']>([
  'missing-tab',
  'empty-sheet',
  'missing-column',
  'period-missing',
  'period-reversed',
]);

/** How a metric's numbers are shown: percent units as percents, money with cents, counts whole. */
export function numberFormatFor(type: MetricType, unit: string, precision: number): string {
  if (type === 'milestone') return '0';
  if (unit.trim() === '%') return '0.0%';
  if (precision === 0) return '#,##0';
  if (precision === 2) return '#,##0.00';
  return '#,##0.00##';
}

function metricFormats(plan: Plan): Map<string, string> {
  const formats = new Map<string, string>();
  const currency = plan.strategy.values.currency;
  for (const kr of plan.keyResults) {
    formats.set(
      kr.id,
      numberFormatFor(
        kr.type,
        kr.unit,
        precisionFor(kr.type, kr.unit, kr.target ?? 0, kr.baseline, currency),
      ),
    );
  }
  for (const kpi of plan.kpis) formats.set(kpi.id, numberFormatFor('threshold', kpi.unit, 4));
  return formats;
}

export interface DecomposeDetails {
  sheet: string;
  keyResults: number;
  kpis: number;
  months: string[];
  rows: number;
  weightsKept: string[];
  planErrors: number;
}

/** Rebuilds the Targets tab from a snapshot. Returns a message, never throws on plan content. */
export function rebuildTargets(snapshot: SpreadsheetSnapshot, lang: Lang): ActionResult {
  const { plan, issues } = parsePlan(snapshot.workbook, { timeZone: snapshot.timeZone });
  if (!hasPlanTabs(snapshot))
    return { ok: false, message: `${t('decomposeBlocked', lang)}\n${t('decomposeNoTabs', lang)}` };
  const targets = buildTargetsSheet(plan, {
    lang: plan.lang,
    date: (iso) => sheetDate(iso, snapshot.timeZone),
  });
  if (!targets) {
    const strategySheet = plan.layout.strategy?.sheet;
    const blocking = issues
      .filter(
        (i) =>
          i.severity === 'error' &&
          (BLOCKING.has(i.code) ||
            (i.sheet === strategySheet && (i.code === 'not-a-date' || i.code === 'formula-error'))),
      )
      .slice(0, 5);
    const lines = blocking.length
      ? blocking.map((i) => `• ${i.message[lang]} ${i.fix[lang]}`)
      : [`• ${t('decomposeNoTabs', lang)}`];
    return {
      ok: false,
      message: [t('decomposeBlocked', lang), ...lines].join('\n'),
      details: { issues: blocking.map((i) => i.code) },
    };
  }

  const ss = snapshot.ss;
  const def = tabDef('targets');
  const found = findTab(snapshot, 'targets');
  const name = found?.name ?? def.label[plan.lang];
  const sheet = found?.sheet ?? ss.insertSheet(name, snapshot.sheets.length);
  if (found) {
    // The tab is generated: its old content goes, except the weights, which the parser has read and the grid repeats.
    sheet.clear();
    for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      if (protection.getDescription() === HEADER_PROTECTION) protection.remove();
    }
  }

  const rows = targets.rows;
  const width = rows[0].length;
  const firstMonth = targets.firstMonthColumn;
  const months = targets.months.length;
  ensureSize(sheet, rows.length, width);
  writeBlock(sheet, 1, 1, rows);

  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold');
  header.setBackground(HEADER_BACKGROUND);
  header.setNotes([
    [
      ...def.columns.map((c) => c.note[plan.lang]),
      ...targets.months.map(() => null),
      ...TARGETS_SUMMARY_COLUMNS.map((c) => c.note[plan.lang]),
    ],
  ]);
  header.protect().setWarningOnly(true).setDescription(HEADER_PROTECTION);
  sheet.getRange(1, firstMonth, 1, months).setNumberFormat(MONTH_HEADER_FORMAT);
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(def.columns.length);

  const bodyRows = rows.length - 1;
  const attainmentColumn =
    firstMonth + months + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === 'attainment');
  const statusColumn = firstMonth + months + TARGETS_SUMMARY_COLUMNS.findIndex((c) => c.key === 'status');
  if (bodyRows > 0) {
    const formats = metricFormats(plan);
    const weightRows = new Set(targets.weightRows);
    const numberFormats: string[][] = [];
    const backgrounds: (string | null)[][] = [];
    for (let r = 2; r <= rows.length; r++) {
      const weights = weightRows.has(r);
      const format = weights ? WEIGHTS_FORMAT : (formats.get(String(rows[r - 1][0])) ?? '#,##0.00##');
      numberFormats.push(
        Array.from({ length: width - firstMonth + 1 }, (_, i) =>
          firstMonth + i === attainmentColumn && !weights ? '0%' : format,
        ),
      );
      backgrounds.push(Array.from({ length: width }, () => (weights ? WEIGHTS_BACKGROUND : null)));
    }
    sheet.getRange(2, firstMonth, bodyRows, width - firstMonth + 1).setNumberFormats(numberFormats);
    sheet.getRange(2, 1, bodyRows, width).setBackgrounds(backgrounds);
  }
  // The tab is generated, so its rules are all ours: replaced, not appended.
  const statusRange = sheet.getRange(2, statusColumn, Math.max(1, bodyRows), 1);
  sheet.setConditionalFormatRules(
    (Object.keys(STATUS_LABELS) as Status[]).map((status) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(STATUS_LABELS[status][plan.lang])
        .setBackground(STATUS_COLOR[status])
        .setRanges([statusRange])
        .build(),
    ),
  );

  const kpiCount = Object.keys(targets.targetRows).length - plan.keyResults.length;
  const weightsKept = plan.keyResults
    .filter((kr) => kr.phasing === 'custom' && Object.keys(plan.targets?.weights[kr.id] ?? {}).length > 0)
    .map((kr) => kr.id);
  const planErrors = issues.filter((i) => i.severity === 'error').length;
  const lines = [
    t('decomposeDone', lang, {
      tab: name,
      krs: plan.keyResults.length,
      kpis: kpiCount,
      months,
      from: targets.months[0] ?? '',
      to: targets.months[months - 1] ?? '',
    }),
  ];
  if (weightsKept.length) lines.push(t('decomposeWeightsKept', lang, { list: list(weightsKept, lang) }));
  if (planErrors) lines.push(t('decomposeIssues', lang, { count: planErrors }));
  const details: DecomposeDetails = {
    sheet: name,
    keyResults: plan.keyResults.length,
    kpis: kpiCount,
    months: targets.months,
    rows: rows.length,
    weightsKept,
    planErrors,
  };
  return { ok: true, message: lines.join('\n'), details: { ...details } };
}

/** Menu: Decompose targets. */
export function decomposeTargets(): ActionResult {
  return runAction('decomposeTitle', (lang) =>
    rebuildTargets(readSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()), lang),
  );
}

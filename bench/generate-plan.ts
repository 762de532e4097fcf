/**
 * A generated plan of any size, shaped like a real one and written with the template's own labels: teams of
 * departments that each own one objective with up to three key results of every type and phasing, a KPI per key
 * result, a roadmap in pre-launch / launch / growth phases, and check-ins for ten months (January–October 2026),
 * a few of them missing. Deterministic (a seeded generator), so runs compare.
 *
 * Used by every benchmark (core, report, add-on): `generatePlanWorkbook(10_000)` is a plan with 10,000 key results.
 *
 * `npm run generate-plan -- --key-results N --out plan.xlsx [--lang zh-CN|zh-TW]` writes the plan the report bench reads,
 * with its Targets tab of formulas as the add-on leaves it, so anyone can time the CLI on it:
 * `time npm run report -- plan.xlsx --out report-1000`.
 */
import { pathToFileURL } from 'node:url';

import {
  enumValue as e,
  PHASES,
  planWorkbook,
  type Localized,
  type Cell,
  type Lang,
  type PlanRows,
  type PlanValue as Value,
  type StrategyFieldKey,
  type Workbook,
} from '../shared';
import { createRequire } from 'node:module';

/** The day generated plans are judged on: October's check-ins are in. */
export const GENERATED_AS_OF = '2026-11-15';

export interface GenerateOptions {
  lang?: Lang;
  /** Seed of the generator; the same seed gives the same workbook. */
  seed?: number;
  /** Turns an ISO date into a cell (a Date for exceljs, a serial for HyperFormula); ISO strings by default. */
  date?: (iso: string) => Cell;
}

/** Mulberry32: small, fast, good enough to vary a benchmark plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (month: number, day: number) => `2026-${pad(month, 2)}-${pad(day, 2)}`;
const lastDayOf = (month: number) => new Date(Date.UTC(2026, month, 0)).getUTCDate();

const FUNCTIONS = [
  ['Sales', '销售'],
  ['Marketing', '市场'],
  ['Operations', '运营'],
  ['R&D', '研发'],
  ['Support', '客服'],
  ['Partnerships', '渠道'],
] as const;

/** The shape of one generated key result: what it measures and how it is split. */
const KINDS = [
  {
    type: 'cumulative',
    phasing: 'ramp-up',
    unit: 'USD',
    title: ['USD {n} in new sales', '新增销售额 {n} 美元'],
    target: () => 50_000,
  },
  {
    type: 'cumulative',
    phasing: 'even',
    unit: 'sign-ups',
    title: ['{n} trial sign-ups', '{n} 个试用注册'],
    target: () => 1_000,
  },
  {
    type: 'cumulative',
    phasing: 'front-loaded',
    unit: 'leads',
    title: ['{n} qualified leads', '{n} 条合格线索'],
    target: () => 600,
  },
  {
    type: 'level',
    phasing: 'even',
    unit: '%',
    title: ['Trial-to-paid conversion of {n}', '试用转付费率达到 {n}'],
    target: () => 0.2,
  },
  {
    type: 'level',
    phasing: 'ramp-up',
    unit: '%',
    title: ['Answer accuracy of {n}', '回答准确率达到 {n}'],
    target: () => 0.9,
  },
  {
    type: 'threshold',
    phasing: 'even',
    unit: 'hours',
    title: ['First response under {n} hours', '首次响应低于 {n} 小时'],
    target: () => 2,
  },
  {
    type: 'milestone',
    phasing: 'even',
    unit: '',
    title: ['Launch in market {n}', '在第 {n} 个市场上线'],
    target: () => 1,
  },
] as const;

/**
 * A plan workbook with `keyResults` key results (at least 1), in the template's tabs and headers. Departments
 * own one objective each with up to three key results, so the method's "few and key" limits hold at any size.
 */
export function generatePlanWorkbook(keyResults: number, options: GenerateOptions = {}): Workbook {
  const lang = options.lang ?? 'en';
  const rand = random(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
  const count = Math.max(1, Math.floor(keyResults));
  const objectiveCount = Math.ceil(count / 3);
  const width = String(Math.max(count, objectiveCount)).length;

  const rows: PlanRows = {
    departments: [],
    objectives: [],
    keyResults: [],
    kpis: [],
    roadmap: [],
    actuals: [],
    changes: [],
  };

  const departmentOf = (o: number): Localized => {
    const [en, zh] = FUNCTIONS[o % FUNCTIONS.length];
    const team = Math.floor(o / FUNCTIONS.length) + 1;
    return {
      en: `${en} ${pad(team, width)}`,
      'zh-CN': `${zh}${pad(team, width)}组`,
      'zh-TW': `${zh}${pad(team, width)}组`,
    };
  };

  let kr = 0;
  for (let o = 0; o < objectiveCount; o++) {
    const department = departmentOf(o);
    const objectiveId = `O${pad(o + 1, width)}`;
    rows.departments.push({
      name: department,
      lead: `Lead ${o + 1}`,
      color: `#${(((o + 1) * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(-6)}`,
    });
    // Every tenth objective cascades into the one before it.
    rows.objectives.push({
      id: objectiveId,
      title: {
        // Numbered as teams number them; the number is a label, which the funnel check leaves out.
        en: `Objective ${o + 1}: win a new segment`,
        'zh-CN': `目标 ${o + 1}：赢得第 ${o + 1} 个细分市场`,
        'zh-TW': `目标 ${o + 1}：赢得第 ${o + 1} 个细分市场`,
      },
      owner: department,
      parent: o > 0 && o % 10 === 0 ? `O${pad(o, width)}` : null,
      start: iso(1, 1),
      end: iso(12, 31),
      notes: null,
    });
    const krIds: string[] = [];
    for (let j = 0; j < 3 && kr < count; j++, kr++) {
      const id = `KR${pad(kr + 1, width)}`;
      krIds.push(id);
      const kind = KINDS[kr % KINDS.length];
      const startMonth = 1 + Math.floor(rand() * 3); // January–March
      const dueMonth =
        kind.type === 'milestone' ? startMonth + 2 + Math.floor(rand() * 4) : 6 + Math.floor(rand() * 7); // June–December
      const baseline = kind.type === 'level' ? Math.round(kind.target() * 0.3 * 100) / 100 : 0;
      const target =
        kind.type === 'cumulative' ? kind.target() * (1 + Math.floor(rand() * 10)) : kind.target();
      const direction = kind.type === 'threshold' ? 'decrease' : 'increase';
      rows.keyResults.push({
        id,
        objective: objectiveId,
        title: {
          en: kind.title[0].replace('{n}', String(target)),
          'zh-CN': kind.title[1].replace('{n}', String(target)),
          'zh-TW': kind.title[1].replace('{n}', String(target)),
        },
        owner: department,
        type: e('type', kind.type),
        unit: kind.unit,
        direction: e('direction', direction),
        baseline,
        target,
        start: iso(startMonth, 1),
        due: iso(dueMonth, lastDayOf(dueMonth)),
        phasing: kind.type === 'milestone' ? null : e('phasing', kind.phasing),
        weight: 1 + Math.floor(rand() * 3),
        confidence: Math.round((0.5 + rand() * 0.5) * 10) / 10,
      });
      // One KPI per key result: a monthly bar (the key result's own monthly pace, or its threshold).
      const kpiId = `KPI${pad(kr + 1, width)}`;
      const months = dueMonth - startMonth + 1;
      const bar =
        kind.type === 'cumulative'
          ? Math.round(target / months)
          : kind.type === 'level'
            ? Math.round((baseline + target) * 50) / 100
            : target;
      if (kind.type !== 'milestone') {
        rows.kpis.push({
          id: kpiId,
          name: { en: `Monthly pace of ${id}`, 'zh-CN': `${id} 月度进度`, 'zh-TW': `${id} 月度进度` },
          owner: department,
          keyResult: id,
          unit: kind.unit,
          direction: e('direction', direction),
          target: bar,
          cadence: e('cadence', 'monthly'),
        });
      }
      // Check-ins for the active months through October; performance varies around the plan, a few are missing.
      // Teams deliver roughly along their own plan's shape (a ramp-up team starts slow), some ahead, some behind.
      const skill = 0.8 + rand() * 0.35;
      const share = (x: number) =>
        kind.phasing === 'ramp-up'
          ? (x * (x + 1)) / (months * (months + 1))
          : kind.phasing === 'front-loaded'
            ? (x * (2 * months + 1 - x)) / (months * (months + 1))
            : x / months;
      let milestoneDone = false;
      for (let m = startMonth; m <= Math.min(dueMonth, 10); m++) {
        if (rand() < 0.03) continue;
        const k = m - startMonth + 1;
        let value: number;
        let kpiValue: number | null = null;
        if (kind.type === 'cumulative') {
          value = Math.round(target * (share(k) - share(k - 1)) * skill * (0.9 + rand() * 0.2) * 100) / 100;
          kpiValue = value;
        } else if (kind.type === 'level') {
          value = Math.round((baseline + (target - baseline) * share(k) * skill) * 10_000) / 10_000;
          kpiValue = value;
        } else if (kind.type === 'threshold') {
          value = Math.round(target * (0.5 + rand() * 0.6) * 100) / 100;
          kpiValue = value;
        } else {
          if (milestoneDone || m < dueMonth || rand() > skill) continue;
          milestoneDone = true;
          value = 1;
        }
        rows.actuals.push({ date: iso(m, 28), metric: id, value, note: null });
        if (kpiValue !== null)
          rows.actuals.push({ date: iso(m, 28), metric: kpiId, value: kpiValue, note: null });
      }
    }
    // Roadmap: a launch item per objective serving its key results, and a growth item per department.
    rows.roadmap.push({
      id: `R${pad(2 * o + 1, width + 1)}`,
      item: {
        en: `Launch plan for ${objectiveId}`,
        'zh-CN': `${objectiveId} 发布计划`,
        'zh-TW': `${objectiveId} 发布计划`,
      },
      // The template's own phase words (Traditional ones pass OpenCC unchanged), as a plan made from it has them.
      phase: PHASES.launch,
      owner: department,
      start: iso(2, 2),
      end: iso(3, 31),
      keyResults: krIds.join(', '),
      status: e('roadmapStatus', 'done'),
    });
    rows.roadmap.push({
      id: `R${pad(2 * o + 2, width + 1)}`,
      item: { en: `Growth programme ${o + 1}`, 'zh-CN': `增长计划 ${o + 1}`, 'zh-TW': `增长计划 ${o + 1}` },
      phase: PHASES.growth,
      owner: department,
      start: iso(4, 1),
      end: iso(12, 18),
      keyResults: krIds[0],
      status: e('roadmapStatus', pick(['planned', 'in-progress', 'blocked'] as const)),
    });
  }
  rows.changes.push({
    timestamp: '2026-06-02 10:15',
    sheet: { en: 'Key Results', 'zh-CN': '关键结果', 'zh-TW': '关键结果' },
    cell: 'I2',
    id: `KR${pad(1, width)}`,
    field: { en: 'Target', 'zh-CN': '目标值', 'zh-TW': '目标值' },
    oldValue: '60000',
    newValue: '50000',
    reason: {
      en: 'Agreed at the June review.',
      'zh-CN': '6 月复盘会上一致同意。',
      'zh-TW': '6 月复盘会上一致同意。',
    },
  });

  const strategy: Record<StrategyFieldKey, Value> = {
    product: { en: 'Generated product', 'zh-CN': '生成的产品', 'zh-TW': '生成的产品' },
    vision: {
      en: 'A generated plan for benchmarks.',
      'zh-CN': '用于基准测试的生成计划。',
      'zh-TW': '用于基准测试的生成计划。',
    },
    strategy: { en: 'Land and expand.', 'zh-CN': '先切入，再扩展。', 'zh-TW': '先切入，再扩展。' },
    targetUsers: { en: 'Marketing teams.', 'zh-CN': '市场团队。', 'zh-TW': '市场团队。' },
    problem: { en: 'Hard to measure.', 'zh-CN': '难以衡量。', 'zh-TW': '难以衡量。' },
    category: { en: 'Monitoring software.', 'zh-CN': '监测软件。', 'zh-TW': '监测软件。' },
    businessGoal: {
      en: `${count} key results met.`,
      'zh-CN': `达成 ${count} 个关键结果。`,
      'zh-TW': `达成 ${count} 个关键结果。`,
    },
    periodStart: iso(1, 1),
    periodEnd: iso(12, 31),
    currency: 'USD',
    language: { en: 'en', 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW' },
  };

  const workbook = planWorkbook(strategy, rows, lang, { date: options.date });
  return lang === 'zh-TW' ? traditional(workbook) : workbook;
}

/**
 * The generator's Chinese is written once, in Simplified characters; a Traditional plan is that text through
 * OpenCC's Simplified → Taiwan table (opencc-js, already a dependency), as a Taiwanese team would type it. The
 * template's own tab names and headers are Traditional already, and pass through unchanged.
 */
function traditional(workbook: Workbook): Workbook {
  const convert = (
    createRequire(import.meta.url)('opencc-js/cn2t') as {
      Converter(options: { from: string; to: string }): (text: string) => string;
    }
  ).Converter({ from: 'cn', to: 'tw' });
  return Object.fromEntries(
    Object.entries(workbook).map(([name, grid]) => [
      convert(name),
      grid.map((row) => row.map((cell) => (typeof cell === 'string' ? convert(cell) : cell))),
    ]),
  );
}

/**
 * Writes the generated plan of `keyResults` key results as the report bench reads it: dates as UTC-midnight Dates,
 * the Targets tab of formulas, in the streaming writer (the only one that holds 10,000 key results).
 */
export async function writeGeneratedPlan(keyResults: number, file: string, lang: Lang = 'en'): Promise<void> {
  const { writePlanXlsxStreamed, utcDate } = await import('../report/write-xlsx');
  await writePlanXlsxStreamed(generatePlanWorkbook(keyResults, { lang, date: utcDate }), file, { lang });
}

// Run as a script (not imported, nor bundled into another script): the command line.
if (
  process.argv[1] &&
  /generate-plan\.ts$/.test(process.argv[1]) &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const keyResults = Number(value('--key-results'));
  const out = value('--out');
  const lang = (value('--lang') ?? 'en') as Lang;
  if (!Number.isInteger(keyResults) || keyResults < 1 || !out || !['en', 'zh-CN', 'zh-TW'].includes(lang)) {
    console.error('usage: npm run generate-plan -- --key-results N --out plan.xlsx [--lang en|zh-CN|zh-TW]');
    process.exit(2);
  }
  const started = performance.now();
  await writeGeneratedPlan(keyResults, out, lang);
  console.log(
    `${out}: a generated plan of ${keyResults} key results with its Targets tab, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

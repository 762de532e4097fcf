/**
 * The docs stay true to the code: docs/template.md is exactly what scripts/docs-template.ts generates from the
 * template contract, and docs/method.md quotes the constants and the example's statuses the code has.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderTemplateDoc, TEMPLATE_DOC_PATH } from '../scripts/docs-template';
import { CHECKS_DOC_PATH, renderChecksDoc } from '../scripts/docs-checks';
import {
  AT_RISK_PACE,
  EXAMPLE_AS_OF,
  ENUMS,
  exampleWorkbook,
  FORECAST_MONTHS,
  MAX_PERIOD_MONTHS,
  ON_TRACK_PACE,
  parsePlan,
  planProgress,
  SCORE_SUCCESS,
  STATUS_LABELS,
  STRATEGY_FIELDS,
  TABS,
  TARGETS_SUMMARY_COLUMNS,
} from '../shared';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');

describe('docs/checks.md', () => {
  it('is up to date with the issue catalogue (run `npx tsx scripts/docs-checks.ts` to regenerate)', () => {
    expect(readFileSync(CHECKS_DOC_PATH, 'utf8')).toBe(renderChecksDoc());
  });
});

describe('docs/template.md', () => {
  const committed = readFileSync(TEMPLATE_DOC_PATH, 'utf8');

  it('is up to date with shared/template.ts (run `npx tsx scripts/docs-template.ts` to regenerate)', () => {
    expect(committed).toBe(renderTemplateDoc());
  });

  it('names every tab, column, strategy field and allowed value in both languages', () => {
    const labels = [
      ...TABS.flatMap((t) => [t.label, ...t.columns.map((c) => c.label)]),
      ...TARGETS_SUMMARY_COLUMNS.map((c) => c.label),
      ...STRATEGY_FIELDS.map((f) => f.label),
      ...Object.values(ENUMS).flatMap((values) => Object.values(values)),
    ];
    for (const label of labels) {
      expect(committed).toContain(`\`${label.en}\``);
      expect(committed).toContain(`\`${label['zh-CN']}\``);
    }
  });
});

describe('docs/method.md', () => {
  const method = readFileSync(join(DOCS, 'method.md'), 'utf8');

  it('quotes the constants the code uses', () => {
    const constants = { ON_TRACK_PACE, AT_RISK_PACE, SCORE_SUCCESS, FORECAST_MONTHS, MAX_PERIOD_MONTHS };
    for (const [name, value] of Object.entries(constants))
      expect(method).toContain(`| \`${name}\` | ${value} |`);
  });

  it(`shows the example's statuses as of ${EXAMPLE_AS_OF} as the code computes them`, () => {
    expect(method).toContain(`as of ${EXAMPLE_AS_OF}`);
    const progress = planProgress(parsePlan(exampleWorkbook('en')).plan, EXAMPLE_AS_OF);
    const rows = new Map(
      method
        .split('\n')
        .filter((line) => /^\| (KR|KPI)\d+ \|/.test(line))
        .map((line) => {
          const cells = line.split('|').map((c) => c.trim());
          return [cells[1], { through: cells[3], status: cells[8], score: cells[10] }] as const;
        }),
    );
    for (const m of [...progress.keyResults, ...progress.kpis]) {
      const row = rows.get(m.id);
      expect(row, m.id).toBeDefined();
      expect(row!.through, m.id).toBe(m.throughMonth);
      expect(row!.status, m.id).toBe(STATUS_LABELS[m.status].en);
      expect(row!.score.replace(' (final)', ''), m.id).toBe(String(m.score));
      expect(row!.score.endsWith('(final)'), m.id).toBe(m.scoreFinal);
    }
  });
});

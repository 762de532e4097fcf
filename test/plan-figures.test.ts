/**
 * A figure the plan states (a Target, a Baseline, a KPI's bar) is shown with the decimals it was typed with, on the
 * report's cards and in the checks' messages: a target of 12.5% showed as 13%, 1,234.5 萬元 as 1,235 萬元, and
 * $1,234.50 as $1,235, a plan shown as another plan. Measured figures (attainment, check-ins) keep their rounding.
 */
import { describe, expect, it } from 'vitest';

import { EXAMPLE_AS_OF, planValueText, valueText } from '../shared';
import { buildReport, type BuiltReport } from '../report/generate';
import { Formatter } from '../report/format';
import { loggedValue } from '../report/view/issues';
import { cloneWorkbook, setCell } from './helpers/edit';
import { exampleGrid, header, parse, tabName } from './helpers/report';

const file = (report: BuiltReport, name: string) => report.files.find((f) => f.name === name)!.data;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('a plan figure keeps the decimals it was typed with', () => {
  it.each([
    [0.125, '%', '13%', '12.5%'],
    [0.12345, '%', '12%', '12.345%'],
    [1234.5, '萬元', '1,235 萬元', '1,234.5 萬元'],
    [12.35, 'USD M', '12.4 USD M', '12.35 USD M'],
    [1234.5, 'USD', '$1,235', '$1,234.50'],
    [1_000_000, 'USD', '$1,000,000', '$1,000,000'],
    [50_000, 'sign-ups', '50,000 sign-ups', '50,000 sign-ups'],
    [0.2, '%', '20%', '20%'],
  ])('%d in %j: measured %s, planned %s', (x, unit, measured, planned) => {
    expect(valueText(x, unit, 'en')).toBe(measured);
    expect(planValueText(x, unit, 'en')).toBe(planned);
  });

  it('a target change the Changes tab logged shows as the card shows the target: 12.4% → 12.45%, not 12% → 12%', () => {
    const f = new Formatter('en');
    expect(loggedValue(f, '0.1245', 'Target', 'keyResults', '%')).toBe('12.45%');
    expect(loggedValue(f, '1234.5', 'Target', undefined, 'USD')).toBe('$1,234.50');
  });

  it('a third is shown to four decimals, not as many as the double has', () => {
    expect(planValueText(1 / 3, 'hours', 'en')).toBe('0.3333 hours');
  });

  it("KR3's card shows its Baseline and Target as typed: 5% → 12.5%, not 5% → 13%", async () => {
    const wb = cloneWorkbook(exampleGrid('en'));
    setCell(wb, tabName('keyResults'), 'KR3', header('keyResults', 'target'), 0.125);
    const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
    const card = parse(file(report, 'index.html')).querySelector('#kr-kr3');
    const target = Array.from(card?.querySelectorAll('.facts div') ?? []).find(
      (d) => text(d.querySelector('dt')) === 'Target',
    );
    expect(text(target?.querySelector('dd'))).toMatch(/^5% → 12\.5%/);
  });
});

/**
 * Direction overrides typed in cells act only inside the cell's own text: on the report's pages, in the sidebar's
 * messages and in the command's JSON, the words around them read as they should (shared/bidi.ts).
 */
import { describe, expect, it } from 'vitest';
import { closeBidi } from '../shared/bidi';
import { EXAMPLE_AS_OF, analyzeWorkbook, tabDef } from '../shared';
import { buildReport } from '../report/generate';
import { terminalJson } from '../report/terminal';
import { exampleGrid, parse } from './helpers/report';
import { setCell } from './helpers/edit';

const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';

describe('closeBidi', () => {
  it('closes at the end what the text opens, innermost first, and leaves other text as it is', () => {
    expect(closeBidi('Conversion')).toBe('Conversion');
    expect(closeBidi('عربى')).toBe('عربى'); // right-to-left letters need nothing closed
    expect(closeBidi(`a${RLO}b`)).toBe(`a${RLO}b${PDF}`);
    expect(closeBidi(`a${RLO}b${PDF}c`)).toBe(`a${RLO}b${PDF}c`); // closed already
    expect(closeBidi(`${RLI}x${RLO}y`)).toBe(`${RLI}x${RLO}y${PDF}${PDI}`);
    expect(closeBidi(`${RLI}x${RLO}y${PDI}z`)).toBe(`${RLI}x${RLO}y${PDI}z`); // a PDI closes what is inside
    expect(closeBidi(`${PDF}${PDI}x`)).toBe(`${PDF}${PDI}x`); // a stray closer opens nothing
  });
});

describe('on the report and in messages', () => {
  it('a title and a check-in value with an override do not reverse the words after them', async () => {
    const wb = exampleGrid('en');
    const kr = tabDef('keyResults').label.en;
    setCell(wb, kr, 'KR3', 'Key result', `Conversion ${RLO}etad-ot-no`);
    setCell(wb, kr, 'KR1', 'Target', `1000000${RLO} gninraw`);
    const { issues } = analyzeWorkbook(wb, { asOf: EXAMPLE_AS_OF });
    const quoted = issues.find((i) => i.code === 'not-a-number')!;
    // The value is closed before the message's own words go on.
    expect(quoted.message.en).toContain(`"1000000${RLO} gninraw${PDF}"`);
    const report = await buildReport(wb, { asOf: EXAMPLE_AS_OF, source: null });
    const html = String(report.files.find((f) => f.name === 'index.html')!.data);
    const doc = parse(html);
    const texts = Array.from(doc.querySelectorAll('body *'))
      .filter((el) => el.children.length === 0)
      .map((el) => el.textContent ?? '')
      .filter((text) => text.includes(RLO));
    expect(texts.length).toBeGreaterThan(0);
    // Every element's text that holds an override closes it.
    for (const text of texts) expect(closeBidi(text), text).toBe(text);
  });

  it('the JSON for a terminal writes them as escapes, which read back as the same text', () => {
    const json = JSON.stringify({ title: `a${RLO}b${RLI}c` });
    const shown = terminalJson(json);
    expect(shown).toBe('{"title":"a\\u202eb\\u2067c"}');
    expect(JSON.parse(shown)).toEqual(JSON.parse(json));
  });
});

/**
 * The fast path of read-xlsx.ts: the cells of a standard SpreadsheetML package (as Google Sheets, Excel,
 * LibreOffice and exceljs write it) scanned straight from the XML, with exceljs's own rules for what a cell
 * holds: shared and inline strings (rich text joined), numbers, booleans, error text, cached results of
 * formulas, dates by the cell's number format (exceljs's isDateFmt and built-in formats), 1900 and 1904 date
 * systems, merged ranges (value in the top-left cell only).
 *
 * Why: exceljs builds a full object model of every cell and style; for a 10,000-key-result plan (about
 * 750,000 cells) that alone took 4.4 s and 730 MB here, over the report's whole budget. Scanning gives the
 * same cells in a fraction of both. Anything this scanner does not recognise returns null, and read-xlsx.ts
 * reads the package with exceljs instead; the tests check that both give identical workbooks.
 */
import type { Cell, Workbook } from '../shared/cells';

export type Parts = Map<string, Buffer>;

const text = (parts: Parts, name: string) => parts.get(name)?.toString('utf8');

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
    name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
}

const ATTRS = new Map<string, RegExp>();

/** An attribute's value (either quote), decoded; undefined when absent. */
function attr(tag: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRS.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXml(m[1] ?? m[2]) : undefined;
}

/** The text of a string item (<si> or <is>): every <t>, phonetic runs (<rPh>) left out. */
function runsText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1];
  return decodeXml(out);
}

/** exceljs: a number format shows a date when, outside quotes and [..], it has y, m, d, h, s or b. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** The built-in formats exceljs knows (ids without a format code here are read as numbers, as exceljs does). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Which cell styles (xf index) show dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = attr(m[0], 'numFmtId');
    const code = attr(m[0], 'formatCode');
    if (id !== undefined && code !== undefined) custom.set(Number(id), code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    return isDateFormat(custom.get(id) ?? BUILT_IN[id]);
  });
}

/** exceljs's serial → Date (UTC), for both date systems. */
const excelToDate = (v: number, date1904: boolean) =>
  new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** "AB12" → [12, 28]. */
function decodeRef(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

function scanSheet(xml: string, strings: string[], dates: boolean[], date1904: boolean): Cell[][] | null {
  const grid: Cell[][] = [];
  for (const m of xml.matchAll(CELL)) {
    const attrs = m[1];
    const inner = m[2] ?? '';
    const ref = attr(attrs, 'r');
    const at = ref ? decodeRef(ref) : null;
    if (!at) return null; // cells without addresses: leave it to exceljs
    const type = attr(attrs, 't') ?? 'n';
    let value: Cell = '';
    if (type === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
      value = is ? runsText(is[1]) : '';
    } else {
      const v = VALUE.exec(inner);
      if (!v) continue;
      const raw = v[1];
      switch (type) {
        case 's': {
          const s = strings[Number(raw)];
          if (s === undefined) return null;
          value = s;
          break;
        }
        case 'str':
          value = decodeXml(raw);
          break;
        case 'e':
          value = decodeXml(raw);
          break;
        case 'b':
          value = Number(raw) !== 0;
          break;
        case 'd':
          return null; // ISO dates in cells: rare; exceljs knows them
        default: {
          const n = parseFloat(raw);
          if (Number.isNaN(n)) return null;
          const style = Number(attr(attrs, 's') ?? 0);
          value = dates[style] ? excelToDate(n, date1904) : n;
        }
      }
    }
    if (value === '') continue;
    const [r, c] = at;
    let row = grid[r - 1];
    if (!row) {
      while (grid.length < r - 1) grid.push([]);
      row = grid[r - 1] = [];
    }
    while (row.length < c - 1) row.push('');
    row[c - 1] = value;
  }
  // Merged ranges: only the top-left cell keeps a value.
  for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
    const [from, to] = (attr(m[0], 'ref') ?? '').split(':');
    const a = decodeRef(from ?? '');
    const b = decodeRef(to ?? '');
    if (!a || !b) return null;
    for (let r = a[0]; r <= b[0]; r++) {
      for (let c = a[1]; c <= b[1]; c++) {
        if ((r !== a[0] || c !== a[1]) && grid[r - 1] && c - 1 < grid[r - 1].length) grid[r - 1][c - 1] = '';
      }
    }
  }
  // Rows emptied by merges or holding only blanks are as if absent; trailing blanks trimmed.
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!row) {
      grid[r] = [];
      continue;
    }
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    row.length = end;
  }
  while (grid.length && grid[grid.length - 1].length === 0) grid.pop();
  return grid;
}

/**
 * The workbook's tabs in tab order, or null when the package is not the plain SpreadsheetML this scanner
 * knows (the caller then uses exceljs).
 */
export function scanWorkbook(parts: Parts): Workbook | null {
  const workbookXml = text(parts, 'xl/workbook.xml');
  const relsXml = text(parts, 'xl/_rels/workbook.xml.rels');
  if (!workbookXml || !relsXml) return null;
  const rels = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, resolveTarget(target));
  }
  const pr = /<workbookPr\b[^>]*>/.exec(workbookXml)?.[0] ?? '';
  const date1904 = /^(1|true)$/i.test(attr(pr, 'date1904') ?? '');
  const strings: string[] = [];
  const sst = text(parts, 'xl/sharedStrings.xml');
  if (sst)
    for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(m[1] ? runsText(m[1]) : '');
  const dates = dateStyles(text(parts, 'xl/styles.xml'));
  const out: Workbook = {};
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const path = rid ? rels.get(rid) : undefined;
    const xml = path ? text(parts, path) : undefined;
    if (name === undefined || xml === undefined) return null;
    const grid = scanSheet(xml, strings, dates, date1904);
    if (!grid) return null;
    out[name] = grid;
  }
  return Object.keys(out).length ? out : null;
}

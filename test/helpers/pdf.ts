/**
 * Just enough of a PDF reader to measure what Chromium printed: each page's size and every run of text drawn on it,
 * with its effective font size in points (the font size times every scale the page applied: an SVG chart drawn
 * smaller prints smaller text) and where it is. Reads the uncompressed object layout Chromium's Skia writes (no
 * object streams), Flate-compressed content streams, and form XObjects drawn with Do.
 */
import { inflateSync } from 'node:zlib';

export interface PdfText {
  /** Effective font size in pt. */
  size: number;
  /** Baseline position in pt from the page's bottom-left corner. */
  x: number;
  y: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts: PdfText[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** m1 then m2 (PDF's row-vector convention: [x y 1] × m1 × m2). */
function mul(m1: Matrix, m2: Matrix): Matrix {
  const [a, b, c, d, e, f] = m1;
  const [A, B, C, D, E, F] = m2;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.search(/stream\r?\n/);
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dataStart = start + s + (body[s + 6] === '\r' ? 8 : 7);
    const dataEnd = text.lastIndexOf('endstream', end);
    let data = pdf.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(body.slice(0, s))) data = inflateSync(data);
    objects.set(Number(m[1]), { dict: body.slice(0, s), stream: data });
    re.lastIndex = end;
  }
  return objects;
}

const refs = (s: string): number[] => [...s.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The named XObjects of a resources dictionary (inline or a reference), name → object number. */
function xObjects(dict: string, objects: Map<number, PdfObject>): Map<string, number> {
  let resources = /\/Resources\s*(\d+) 0 R/.exec(dict)
    ? objects.get(Number(/\/Resources\s*(\d+) 0 R/.exec(dict)![1]))!.dict
    : dict;
  const ref = /\/XObject\s*(\d+) 0 R/.exec(resources);
  if (ref) resources = objects.get(Number(ref[1]))!.dict;
  const inline = /\/XObject\s*<<([^>]*)>>/.exec(resources)?.[1] ?? (ref ? resources : '');
  return new Map([...inline.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));
}

/** Tokens of a content stream: numbers, names, operators; strings, arrays and dictionaries as opaque tokens. */
function* tokens(src: string): Generator<string> {
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) i++;
    else if (ch === '%') while (i < src.length && src[i] !== '\n') i++;
    else if (ch === '(') {
      let depth = 0;
      const s = i;
      for (; i < src.length; i++) {
        if (src[i] === '\\') i++;
        else if (src[i] === '(') depth++;
        else if (src[i] === ')' && --depth === 0) break;
      }
      i++;
      yield src.slice(s, i);
    } else if (ch === '[' || (ch === '<' && src[i + 1] === '<')) {
      const [open, close] = ch === '[' ? ['[', ']'] : ['<<', '>>'];
      let depth = 0;
      const s = i;
      while (i < src.length) {
        if (src[i] === '(') {
          for (let d = 0; i < src.length; i++) {
            if (src[i] === '\\') i++;
            else if (src[i] === '(') d++;
            else if (src[i] === ')' && --d === 0) break;
          }
          i++;
        } else if (src.startsWith(open, i)) {
          depth++;
          i += open.length;
        } else if (src.startsWith(close, i)) {
          depth--;
          i += close.length;
          if (depth === 0) break;
        } else i++;
      }
      yield src.slice(s, i);
    } else if (ch === '<') {
      const e = src.indexOf('>', i);
      yield src.slice(i, e + 1);
      i = e + 1;
    } else {
      const m = /^[^\s()<>[\]{}/%]+|^\/[^\s()<>[\]{}/%]*/.exec(src.slice(i, i + 200))!;
      yield m[0] || src[i];
      i += m[0].length || 1;
    }
  }
}

function runContent(
  content: Buffer,
  dict: string,
  ctm0: Matrix,
  objects: Map<number, PdfObject>,
  out: PdfText[],
  depth = 0,
): void {
  const xobjs = xObjects(dict, objects);
  const stack: Matrix[] = [];
  let ctm = ctm0;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let size = 0;
  let leading = 0;
  const ops: string[] = [];
  const num = (k: number) => Number(ops[ops.length - k]);
  for (const tok of tokens(content.toString('latin1'))) {
    if (/^[A-Za-z'"*]+$/.test(tok) && tok !== 'true' && tok !== 'false' && tok !== 'null') {
      switch (tok) {
        case 'q':
          stack.push(ctm);
          break;
        case 'Q':
          ctm = stack.pop() ?? ctm0;
          break;
        case 'cm':
          ctm = mul([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
          break;
        case 'BT':
          tm = tlm = IDENTITY;
          break;
        case 'Tf':
          size = num(1);
          break;
        case 'TL':
          leading = num(1);
          break;
        case 'Tm':
          tm = tlm = [num(6), num(5), num(4), num(3), num(2), num(1)];
          break;
        case 'Td':
        case 'TD':
          if (tok === 'TD') leading = -num(1);
          tm = tlm = mul([1, 0, 0, 1, num(2), num(1)], tlm);
          break;
        case 'T*':
        case "'":
        case '"':
          tm = tlm = mul([1, 0, 0, 1, 0, -leading], tlm);
          break;
        case 'Do': {
          const n = xobjs.get(ops[ops.length - 1].slice(1));
          const form = n === undefined ? undefined : objects.get(n);
          if (form?.stream && /\/Subtype\s*\/Form/.test(form.dict) && depth < 20) {
            const m = /\/Matrix\s*\[([^\]]*)\]/.exec(form.dict)?.[1].trim().split(/\s+/).map(Number);
            runContent(form.stream, form.dict, mul((m as Matrix) ?? IDENTITY, ctm), objects, out, depth + 1);
          }
          break;
        }
        default:
          break;
      }
      if (tok === 'Tj' || tok === 'TJ' || tok === "'" || tok === '"') {
        const m = mul(tm, ctm);
        out.push({ size: size * Math.hypot(m[2], m[3]), x: m[4], y: m[5] });
      }
      ops.length = 0;
    } else ops.push(tok);
  }
}

/** The pages of a PDF in order, each with the text drawn on it. */
export function readPdfPages(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
  const pages: PdfPage[] = [];
  const walk = (n: number, inherited: string) => {
    const { dict } = objects.get(n)!;
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? inherited;
    if (/\/Type\s*\/Pages/.test(dict)) {
      for (const kid of refs(/\/Kids\s*\[([^\]]*)\]/.exec(dict)![1])) walk(kid, box);
      return;
    }
    const [x0, y0, x1, y1] = box.trim().split(/\s+/).map(Number);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    const texts: PdfText[] = [];
    for (const c of refs(contents)) runContent(objects.get(c)!.stream!, dict, IDENTITY, objects, texts);
    pages.push({ width: x1 - x0, height: y1 - y0, texts });
  };
  walk(Number(/\/Pages\s*(\d+) 0 R/.exec(catalog.dict)![1]), '0 0 0 0');
  return pages;
}

/**
 * What the chart specs (report/charts.ts) and the renderer (./charts.ts) agree on, without loading Vega: the
 * CJK-aware text width estimate that lays out labels and replaces Vega's own, and the name of the expression
 * function that writes compact amounts. The specs are built in the main thread while Vega may be loaded only in
 * the chart worker (./chart-thread.ts), so this module must not import it.
 */

/** The expression function axis labels call to write amounts as people do (installCompactNumbers in ./charts.ts). */
export const COMPACT_NUMBER = 'compactNumber';

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    // Geometric shapes (the roadmap's ▲ before a delayed item's label): a CJK font draws them a full em wide.
    (cp >= 0x25a0 && cp <= 0x25ff) ||
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, CJK symbols & punctuation
    (cp >= 0x3041 && cp <= 0x33ff) || // Hiragana, Katakana, Bopomofo, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK Ext A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // Fullwidth forms
    (cp >= 0xffe0 && cp <= 0xffe6) || // Fullwidth signs
    (cp >= 0x1f300 && cp <= 0x1faff) || // Emoji & pictographs
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK Ext B+ (SIP, TIP)
  );
}

const NARROW = new Set([...`iljtfrI!.,:;'|\`()[]{}/\\"`]);
const WIDE_LATIN = new Set([...'mwMW@%']);

/** Width of one character in em (average proportional sans-serif). */
export function charWidthEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (isWide(cp)) return 1.0;
  // Zero-width: combining marks, variation selectors, ZW(N)J, BOM.
  if (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    cp === 0xfeff
  ) {
    return 0;
  }
  if (ch === ' ' || cp === 0xa0) return 0.28;
  if (ch >= '0' && ch <= '9') return 0.52;
  if (NARROW.has(ch)) return 0.3;
  if (WIDE_LATIN.has(ch)) return 0.83;
  if (ch >= 'A' && ch <= 'Z') return 0.64;
  if (ch >= 'a' && ch <= 'z') return 0.52;
  if (cp < 0x80) return 0.45; // other ASCII punctuation/symbols (-, +, $, #, …)
  return 0.58; // other scripts (accented Latin, Greek, Cyrillic, …)
}

/** Estimated rendered width in px of `text` at `fontSize` px (CJK ≈ 1 em, Latin ≈ 0.55 em average). */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch);
  return em * fontSize;
}

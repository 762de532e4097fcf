/**
 * Cell text is untrusted, also in the direction it is read. The explicit bidirectional formatting characters (an
 * embedding, override or isolate that is opened: U+202A–U+202E, U+2066–U+2068) act until they are closed (U+202C,
 * U+2069) or the paragraph ends, so one opened in a cell and never closed reverses the words that follow it: the
 * report's and the sidebar's own ("45%" read as "%54"). Unicode Standard Annex #9, "Explicit Directional
 * Embeddings/Overrides/Isolates" (https://www.unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters).
 *
 * closeBidi closes, at the end of the text, whatever the text opened: what was typed stays as typed, but acts only
 * inside it. Text without such characters (nearly all) comes back as it is.
 */

const OPENERS_OR_CLOSERS = /[\u202A-\u202E\u2066-\u2069]/;
const PDF = '\u202C'; // closes an embedding or an override
const PDI = '\u2069'; // closes an isolate, and the embeddings opened inside it

/** Whether the text holds an embedding, override or isolate, or the end of one. */
export const hasBidiControls = (text: string): boolean => OPENERS_OR_CLOSERS.test(text);

/** The text with every embedding, override and isolate it opens closed at its end. */
export function closeBidi(text: string): string {
  if (!hasBidiControls(text)) return text;
  // What is open, innermost last: 'e' an embedding or override, 'i' an isolate.
  const open: ('e' | 'i')[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code >= 0x202a && code <= 0x202e && code !== 0x202c) open.push('e');
    else if (code === 0x202c) {
      if (open.at(-1) === 'e') open.pop();
    } else if (code >= 0x2066 && code <= 0x2068) open.push('i');
    else if (code === 0x2069 && open.includes('i')) {
      while (open.pop() !== 'i');
    }
  }
  let closers = '';
  for (let k = open.length - 1; k >= 0; k--) closers += open[k] === 'e' ? PDF : PDI;
  return text + closers;
}

/**
 * A view's strings with closeBidi applied, deep (plain objects and arrays); the same object where nothing changes,
 * so a page without such characters is not copied.
 */
export function closeBidiDeep<T>(value: T): T {
  if (typeof value === 'string') return closeBidi(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = closeBidiDeep(value[i]);
      if (item !== value[i]) (out ??= value.slice())[i] = item;
    }
    return (out ?? value) as T;
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(record)) {
      const closed = closeBidiDeep(item);
      if (closed !== item) (out ??= { ...record })[key] = closed;
    }
    return (out ?? value) as T;
  }
  return value;
}

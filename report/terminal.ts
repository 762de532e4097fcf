/**
 * Text for a terminal or a CI job's log, where cell text is untrusted: a cell can hold escape sequences (Excel
 * keeps them as `_x001B_`, which the reader turns back into the character) that clear the screen, retitle the
 * window, hide what follows or forge a link, and line breaks that forge whole lines (a line beginning `::error::`
 * is a GitHub Actions workflow command). The command's own output is one item per line; what it quotes from
 * cells is shown, never obeyed.
 */

/** Control characters but the line feed (the output's own lines), and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029]/g;

/** A control character as a visible sign: C0 and DEL as Unicode's control pictures (␛, ␇, ␡); a tab, a space. */
function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code === 0x09) return ' ';
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code === 0x2028 || code === 0x2029) return '\u23ce';
  return '\ufffd'; // C1 controls (U+0080–U+009F): no picture of their own
}

/** Output for a terminal: every control character shown as a sign; the text's own line breaks kept. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, picture);
}

/** Quoted text on one line: its line breaks shown as ⏎, so that it cannot start a line of its own. */
export function oneLine(text: string): string {
  return terminalText(text.replace(LINE_BREAKS, '\u23ce'));
}

/**
 * JSON for a terminal: the characters JSON.stringify leaves raw that a terminal may obey (C1 controls, U+2028 and
 * U+2029, the bidirectional embeddings, overrides and isolates) written as \u escapes, which read back as the same
 * text.
 */
export function terminalJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Colours shared by the report's charts and its HTML.
 *
 * The values are fixed hex codes, not CSS variables: inline SVG attributes
 * (`fill="..."`, `stroke="..."`) do not resolve `var(--x)` reliably across
 * browsers and SVG viewers, and the charts are rendered to static SVG.
 *
 * Sources: ColorBrewer (PRGn, RdBu, RdGy) and Okabe–Ito. The set was checked
 * with simulated deuteranopia, protanopia and tritanopia (Machado 2009): every
 * pair stays apart (minimum CIELAB ΔE ≈ 12, the closest pair being on-track vs
 * off-track for deuteranopes, which differ mostly in lightness). Colour must
 * still never be the only cue: always pair a status colour with its label or
 * an icon.
 */

import type { Status } from '../../shared/progress';
export type { Status };

export const STATUS_COLORS: Readonly<Record<Status, string>> = Object.freeze({
  /** ColorBrewer RdGy mid grey. */
  'not-started': '#8c8c8c',
  /** ColorBrewer PRGn dark green. */
  'on-track': '#1b7837',
  /** Okabe–Ito orange. */
  'at-risk': '#e69f00',
  /** ColorBrewer RdBu dark red. */
  'off-track': '#b2182b',
  /** ColorBrewer RdBu darkest red: over, and short of the target. */
  missed: '#67001f',
  /** ColorBrewer PRGn dark purple: left out because of an error, unlike any pace colour. */
  'needs-attention': '#762a83',
  /** ColorBrewer RdBu mid blue. */
  done: '#4393c3',
  /** Light grey: "nothing to show", lighter than not-started. */
  'no-data': '#d0d0d0',
});

/** Human-readable labels, to go next to the colour (never colour alone). */
export const STATUS_LABELS: Readonly<Record<Status, string>> = Object.freeze({
  'not-started': 'Not started',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  missed: 'Missed',
  'needs-attention': 'Needs attention',
  done: 'Done',
  'no-data': 'No data',
});

/**
 * Neutral greys that keep enough contrast on both a white and a near-black
 * (#1e1e1e) page, so the same inline SVG works in light and dark mode.
 */
export const NEUTRALS = Object.freeze({
  /** Axis labels, legend labels: ≈4.5:1 on white, ≈4:1 on #1e1e1e. */
  text: '#767676',
  /** Titles: slightly stronger on light pages, still readable on dark. */
  title: '#6e6e6e',
  /** Axis domain lines and ticks. */
  line: '#8c8c8c',
  /** Grid lines (drawn with reduced opacity). */
  grid: '#8c8c8c',
});

/**
 * What the charts' text colours become on a dark screen, where the greys above fall under 4.5:1 on the dark
 * surface (#767676 on #171d24 is 3.7:1) and the red as-of label under 3:1. The SVG keeps its attributes; the
 * stylesheet overrides them (a CSS fill wins over the attribute), on screens only: print is light.
 */
export const DARK_CHART_TEXT: Readonly<Record<string, string>> = Object.freeze({
  [NEUTRALS.text]: '#aab4be',
  [NEUTRALS.title]: '#c3cbd3',
  [STATUS_COLORS['off-track']]: '#ff8a80',
});

/** Okabe–Ito categorical palette (black replaced by grey so it shows on dark pages). */
export const CATEGORY_COLORS: readonly string[] = Object.freeze([
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#8c8c8c',
]);

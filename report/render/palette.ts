/**
 * Colours shared by the report's charts and its HTML.
 *
 * The values are fixed hex codes, not CSS variables: inline SVG attributes
 * (`fill="..."`, `stroke="..."`) do not resolve `var(--x)` reliably across
 * browsers and SVG viewers, and the charts are rendered to static SVG.
 *
 * Each status has a colour for light pages (STATUS_COLORS: the charts'
 * attributes, the stylesheet, print) and one for dark screens
 * (DARK_STATUS_COLORS), so that every status mark stands at least 3:1 against
 * what is around it in both (WCAG 2.2, 1.4.11 Non-text Contrast). The closest
 * colour around a mark is the progress bar's track: #e3e7eb printed, #e9edf1
 * on a light screen, #242d37 on a dark one. A status colour also keeps the word
 * on its pill at 4.5:1 (1.4.3) in white or near-black ink, which rules out
 * luminances between 0.18 and 0.20, where neither ink reaches it.
 * test/report-contrast-browser.test.ts measures both on the page.
 *
 * Sources: ColorBrewer (PRGn, RdBu, OrRd) and Okabe–Ito, darkened or lightened
 * where a colour fell under 3:1. Each set was checked with simulated
 * deuteranopia, protanopia and tritanopia (Machado 2009): every pair stays
 * apart (minimum CIELAB ΔE ≈ 12: on track vs off track for deuteranopes on
 * light pages, on track vs missed on dark ones). Colour must still never be the
 * only cue: always pair a status colour with its label or an icon.
 */

import type { Status } from '../../shared/progress';
import type { PhaseKey } from '../../shared/template';
export type { Status };

export const STATUS_COLORS: Readonly<Record<Status, string>> = Object.freeze({
  /** Dark grey, apart from no-data's lighter grey. */
  'not-started': '#5c5c5c',
  /** ColorBrewer PRGn dark green. */
  'on-track': '#1b7837',
  /** Okabe–Ito orange darkened to an amber (#e69f00 was 2.2:1 on white). */
  'at-risk': '#b57200',
  /** ColorBrewer RdBu dark red. */
  'off-track': '#b2182b',
  /** ColorBrewer RdBu darkest red: over, and short of the target. */
  missed: '#67001f',
  /** ColorBrewer PRGn dark purple: left out because of an error, unlike any pace colour. */
  'needs-attention': '#762a83',
  /** ColorBrewer RdBu dark blue. */
  done: '#2166ac',
  /** Mid grey: "nothing to show", lighter than not-started, and still 3:1 on the bar's track. */
  'no-data': '#808080',
});

/**
 * The status colours on a dark screen: the same hues, light enough for the dark surfaces (the light set's
 * missed was 1.3:1 there, off track 2.5:1). The stylesheet swaps them in, for the HTML and the charts' marks alike
 * (report/render/html.ts), on screens only: print is light.
 */
export const DARK_STATUS_COLORS: Readonly<Record<Status, string>> = Object.freeze({
  /** Lighter than the grey of an item without a phase (CATEGORY_COLORS), whose bar it may sit on. */
  'not-started': '#a3a3a3',
  /** ColorBrewer PRGn light green. */
  'on-track': '#7fbf7b',
  /**
   * A lighter amber than Okabe–Ito's orange, which is the Launch phase's bar colour (CATEGORY_COLORS): an at-risk
   * diamond on a Launch bar was the bar's own colour on a dark screen.
   */
  'at-risk': '#f2b53a',
  /** ColorBrewer OrRd red. */
  'off-track': '#ef6548',
  /** A rose red, apart from off track's orange-red as the light set's darkest red is from its red. */
  missed: '#f43f5e',
  /** ColorBrewer PRGn light purple. */
  'needs-attention': '#c2a5cf',
  /** ColorBrewer RdBu mid blue. */
  done: '#4393c3',
  'no-data': '#d0d0d0',
});

/** The outline of a roadmap diamond: the page's colour, so that diamonds side by side stay apart. */
export const MILESTONE_HALO = '#ffffff';
/**
 * The halo of a roadmap label, drawn under its letters: the page's colour, so that the as-of line and the grid pass
 * behind a name, not through it. On a dark screen the stylesheet gives it the dark page's colour (render/html.ts).
 */
export const LABEL_HALO = '#ffffff';

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
 * stylesheet overrides them (a CSS fill wins over the attribute), on screens only: print is light. The as-of
 * label takes the dark off-track colour of its rule and legend swatch (5.4:1).
 */
export const DARK_CHART_TEXT: Readonly<Record<string, string>> = Object.freeze({
  [NEUTRALS.text]: '#aab4be',
  [NEUTRALS.title]: '#c3cbd3',
  [STATUS_COLORS['off-track']]: DARK_STATUS_COLORS['off-track'],
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

/**
 * Phase colours are fixed by the phase alone, never by which phases a plan has or their order, so that two reports
 * (two plans, or this month's and last month's) can be compared at a glance (report/view/roadmap.ts, phaseColor).
 * The template's phases, as indices into CATEGORY_COLORS in the order a launch goes through them, whatever the
 * plan's language: 預熱期 is the blue of Pre-launch.
 */
export const PHASE_COLORS: Readonly<Record<PhaseKey, number>> = Object.freeze({
  'pre-launch': 0,
  launch: 1,
  growth: 2,
});
/** Items without a phase: the grey, which says "nothing chosen" rather than a phase. */
export const NO_PHASE_COLOR = 7;
/** A plan's own phases share the colours the template's phases and "no phase" leave. */
export const OWN_PHASE_COLORS: readonly number[] = Object.freeze([3, 4, 5, 6]);

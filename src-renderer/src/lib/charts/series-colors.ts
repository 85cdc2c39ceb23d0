// Colours of the Dashboard's series (one per explanation, and the p sweep's lines), per theme. No two
// may look alike in one chart: the palette once had two blues and two orange-browns, and lrp could
// not be told from p = 0.7. Eight hues of GitHub's Primer palette, pairwise far apart (CIELAB ΔE ≥ 20,
// a unit test holds this) and readable on the theme's background; a run with more explanations
// repeats them, in the same order.
import type { Settings } from '../../../../src-main/shared/studio-types';

export type Theme = Settings['theme'];

export const SERIES_COLORS: Record<Theme, readonly string[]> = {
  // blue, red, green, purple, orange, teal, pink, ochre
  light: ['#0969da', '#cf222e', '#1a7f37', '#8250df', '#bc4c00', '#1b7c83', '#bf3989', '#9a6700'],
  dark: ['#4493f8', '#ff7b72', '#3fb950', '#bc8cff', '#f0883e', '#39c5cf', '#f778ba', '#d29922'],
};

/** The colour of the i-th series (explanations in run order) in a theme. */
export function seriesColor(i: number, theme: Theme): string {
  const colors = SERIES_COLORS[theme];
  return colors[i % colors.length];
}

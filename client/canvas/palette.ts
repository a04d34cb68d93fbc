/**
 * Colours of regions by the step they are tied to, shared by the canvas and the region list.
 * Dark enough for white "S{n}" labels on them (contrast ≥ 4.5 against white).
 */
export const STEP_COLOURS = ['#c2410c', '#1d4ed8', '#047857', '#a21caf', '#b45309', '#0e7490', '#6d28d9', '#be123c'] as const;
/** A region tied to no step. */
export const NO_STEP_COLOUR = '#5b6475';

/** `stepIndex` is 0-based; the palette repeats after eight steps. */
export function stepColour(stepIndex: number | undefined): string {
  if (stepIndex === undefined || stepIndex < 0) return NO_STEP_COLOUR;
  return STEP_COLOURS[stepIndex % STEP_COLOURS.length] as string;
}

/** The label drawn on a region: "S1" for step index 0; none without a step. */
export const stepLabel = (stepIndex: number | undefined): string | null =>
  stepIndex === undefined || stepIndex < 0 ? null : `S${stepIndex + 1}`;

/** `#rrggbb` with an alpha, for fills. */
export const withAlpha = (hex: string, alpha: number) =>
  `${hex}${Math.round(Math.max(0, Math.min(1, alpha)) * 255).toString(16).padStart(2, '0')}`;

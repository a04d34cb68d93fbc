import type { JudgmentFields, Region } from '../../../shared/schemas/annotation';
import type { AnnotationDto, ReviewReason } from '../../../shared/schemas/api';

/** Pure helpers of the review pages: wording, colours, the gold form's starting points, region geometry. */

export const REASON_LABELS: Record<ReviewReason, string> = {
  split_verdict: 'Split verdict',
  split_step: 'Different first wrong step',
  against_orm_verdict: 'Consensus against ORM verdict',
  against_orm_step: 'Consensus against ORM step',
  unsure: 'Unsure flag',
  orm_step_unclear: 'ORM step unclear',
};

/**
 * One colour per annotator on the diagram and in the legend, distinct from each other and from
 * the step palette's orange; dark enough for white text. Repeats after eight annotators.
 */
export const ANNOTATOR_COLOURS = ['#1d4ed8', '#047857', '#a21caf', '#b45309', '#0e7490', '#be123c', '#4d7c0f', '#6d28d9'] as const;

export function annotatorColour(index: number): string {
  return ANNOTATOR_COLOURS[((index % ANNOTATOR_COLOURS.length) + ANNOTATOR_COLOURS.length) % ANNOTATOR_COLOURS.length] as string;
}

export const EMPTY_JUDGMENT: JudgmentFields = {
  verdict: null,
  firstErrorStep: null,
  stepRatings: null,
  errorType: null,
  errorAnalysis: '',
  improvementSuggestion: '',
  correctedSolution: null,
  regions: [],
  flags: { badProblem: false, unsure: false },
};

/** The judgment fields of an annotation or a gold (copies: the form edits them freely). */
export function judgmentOf(source: JudgmentFields | AnnotationDto): JudgmentFields {
  return {
    verdict: source.verdict,
    firstErrorStep: source.firstErrorStep,
    stepRatings: source.stepRatings ? [...source.stepRatings] : null,
    errorType: source.errorType,
    errorAnalysis: source.errorAnalysis,
    improvementSuggestion: source.improvementSuggestion,
    correctedSolution: source.correctedSolution ? [...source.correctedSolution] : null,
    regions: source.regions.map((r) => ({ ...r, points: r.points.map(([x, y]) => [x, y] as [number, number]) })),
    flags: { ...source.flags },
  };
}

/** A judgment in one line: "Incorrect at step 3 · calculation" (steps numbered from 1). */
export function summariseJudgment(j: Pick<JudgmentFields, 'verdict' | 'firstErrorStep' | 'errorType' | 'flags'>): string {
  const parts: string[] = [];
  if (j.verdict === 'correct') parts.push('Correct');
  else if (j.verdict === 'incorrect') parts.push(j.firstErrorStep === null ? 'Incorrect' : `Incorrect at step ${j.firstErrorStep + 1}`);
  else parts.push('No verdict');
  if (j.errorType) parts.push(j.errorType);
  if (j.flags.badProblem) parts.push('bad problem');
  if (j.flags.unsure) parts.push('unsure');
  return parts.join(' · ');
}

/** Who called each step the first wrong one: step index → annotator names. */
export function firstWrongMarks(annotations: readonly { annotator: string; verdict: string | null; firstErrorStep: number | null }[]): Map<number, string[]> {
  const marks = new Map<number, string[]>();
  for (const a of annotations) {
    if (a.verdict !== 'incorrect' || a.firstErrorStep === null) continue;
    marks.set(a.firstErrorStep, [...(marks.get(a.firstErrorStep) ?? []), a.annotator]);
  }
  return marks;
}

/** PRM800K ratings on screen. */
export function ratingText(rating: -1 | 0 | 1 | null | undefined): string {
  if (rating === 1) return '+1';
  if (rating === 0) return '0';
  if (rating === -1) return '−1';
  return '·';
}

/**
 * A region as SVG in the image's pixel space (points are 0..1 of its natural size, so the
 * overlay's viewBox is `0 0 width height` and it scales with the <img>).
 */
export type RegionSvg =
  | { tag: 'rect'; x: number; y: number; width: number; height: number }
  | { tag: 'polygon'; points: string }
  | { tag: 'polyline'; points: string }
  | { tag: 'path'; d: string };

export function regionSvg(region: Pick<Region, 'kind' | 'points'>, width: number, height: number): RegionSvg {
  const px = region.points.map(([x, y]) => [x * width, y * height] as const);
  const list = px.map(([x, y]) => `${round(x)},${round(y)}`).join(' ');
  const [first = [0, 0] as const, second = first] = px;
  switch (region.kind) {
    case 'box':
      return {
        tag: 'rect', x: round(Math.min(first[0], second[0])), y: round(Math.min(first[1], second[1])),
        width: round(Math.abs(second[0] - first[0])), height: round(Math.abs(second[1] - first[1])),
      };
    case 'polygon':
      return { tag: 'polygon', points: list };
    case 'arrow': {
      const [tx, ty] = first;
      const [hx, hy] = second;
      const angle = Math.atan2(hy - ty, hx - tx);
      const head = Math.min(Math.max(width, height) * 0.03, Math.hypot(hx - tx, hy - ty) * 0.5);
      const barb = (side: number) => `${round(hx - head * Math.cos(angle + side * 0.45))} ${round(hy - head * Math.sin(angle + side * 0.45))}`;
      return { tag: 'path', d: `M ${round(tx)} ${round(ty)} L ${round(hx)} ${round(hy)} M ${barb(1)} L ${round(hx)} ${round(hy)} L ${barb(-1)}` };
    }
    default:
      return { tag: 'polyline', points: list };
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

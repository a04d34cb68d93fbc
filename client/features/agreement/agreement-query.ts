import type { TRANSITION_NAMES } from '../../../shared/schemas/agreement';

/**
 * The dashboard's filters ↔ the page URL's query string (so a view can be shared) ↔ the query
 * strings of the report and drill-down calls (the server's names, shared/schemas/agreement.ts).
 * Pure. Unreadable values in a pasted URL are dropped, never guessed.
 */

export interface AgreementFilters {
  round: number | null;
  subject: string | null;
  annotator: string | null;
  /** 95% bootstrap intervals: slower on big projects, so it can be switched off. */
  bootstrap: boolean;
}

export const DEFAULT_FILTERS: AgreementFilters = { round: null, subject: null, annotator: null, bootstrap: true };

export type HumanOrOrm = 'correct' | 'incorrect';
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** One dashboard cell whose solutions can be listed (the drill-down endpoint's `cell`). */
export type DrillTarget =
  | { cell: 'confusion'; human: HumanOrOrm; orm: HumanOrOrm; round?: number }
  | { cell: 'pair'; a: string; b: string }
  | { cell: 'errorType'; errorType: string }
  | { cell: 'transition'; from: number; to: number; transition: TransitionName }
  | { cell: 'annotator'; name: string }
  | { cell: 'qc'; name: string };

const ROUND = /^(0|[1-9]\d{0,8})$/;

/** Reads the filters from a location.search ("?round=1&…" or ""). */
export function parseFilters(search: string): AgreementFilters {
  const params = new URLSearchParams(search);
  const text = (key: string) => {
    const value = params.get(key)?.trim();
    return value ? value : null;
  };
  const round = text('round');
  return {
    round: round !== null && ROUND.test(round) ? Number(round) : null,
    subject: text('subject'),
    annotator: text('annotator'),
    bootstrap: params.get('bootstrap') !== 'false',
  };
}

function filterParams(filters: AgreementFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.round !== null) params.set('round', String(filters.round));
  if (filters.subject !== null) params.set('subject', filters.subject);
  if (filters.annotator !== null) params.set('annotator', filters.annotator);
  return params;
}

/** The page URL's query (no "?"): only what differs from the defaults, so the plain page URL stays plain. */
export function pageQuery(filters: AgreementFilters): string {
  const params = filterParams(filters);
  if (!filters.bootstrap) params.set('bootstrap', 'false');
  return params.toString();
}

/** The report call's query: the filters, and bootstrap always explicit. */
export function reportQuery(filters: AgreementFilters): string {
  const params = filterParams(filters);
  params.set('bootstrap', String(filters.bootstrap));
  return params.toString();
}

/** The drill-down call's query: the cell, its coordinates and the report's filters (a cell's own round wins). */
export function drillQuery(target: DrillTarget, filters: AgreementFilters): string {
  const params = filterParams(filters);
  params.set('cell', target.cell);
  switch (target.cell) {
    case 'confusion':
      params.set('human', target.human);
      params.set('orm', target.orm);
      if (target.round !== undefined) params.set('round', String(target.round));
      break;
    case 'pair':
      params.set('a', target.a);
      params.set('b', target.b);
      break;
    case 'errorType':
      params.set('errorType', target.errorType);
      break;
    case 'transition':
      params.set('from', String(target.from));
      params.set('to', String(target.to));
      params.set('transition', target.transition);
      break;
    case 'annotator':
    case 'qc':
      params.set('name', target.name);
      break;
  }
  return params.toString();
}

const TRANSITION_WORDS: Record<TransitionName, string> = {
  correctToCorrect: 'correct → correct',
  correctToIncorrect: 'correct → incorrect',
  incorrectToCorrect: 'incorrect → correct',
  incorrectToIncorrect: 'incorrect → incorrect',
};

export function transitionWords(name: TransitionName): string {
  return TRANSITION_WORDS[name];
}

/** What the drill-down panel's heading says it lists. */
export function describeTarget(target: DrillTarget): string {
  switch (target.cell) {
    case 'confusion':
      return `Human ${target.human}, ORM ${target.orm}${target.round === undefined ? '' : ` (round ${target.round})`}`;
    case 'pair':
      return `Rated by both ${target.a} and ${target.b}`;
    case 'errorType':
      return `Error type ${target.errorType}`;
    case 'transition':
      return `Problems ${transitionWords(target.transition)} from round ${target.from} to round ${target.to}`;
    case 'annotator':
      return `Submitted by ${target.name}`;
    case 'qc':
      return `QC items of ${target.name}`;
  }
}

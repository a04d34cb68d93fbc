import { diffArrays, diffWords } from 'diff';

/**
 * What changed from the model's steps to a corrected solution, step by step and word by word.
 * Pure (no DOM, no React): the view renders the parts as text inside `<ins>`/`<del>`.
 * Indices are 0-based, as in the data; the view adds 1.
 *
 * Steps are matched in two passes: identical steps by an array diff (so removing step 3 does
 * not make every later step look edited), then, within each run of differing steps, edited
 * steps are paired in order with the originals they most resemble by word overlap. A step
 * rewritten so much that it shares under MIN_SIMILARITY of its words (numbers included) shows
 * as removed and added: its word diff would be noise.
 */

export type DiffPart = { kind: 'same' | 'inserted' | 'deleted'; text: string };

export type StepChange =
  | { kind: 'unchanged'; originalIndex: number; correctedIndex: number; text: string }
  | { kind: 'changed'; originalIndex: number; correctedIndex: number; parts: DiffPart[] }
  | { kind: 'added'; correctedIndex: number; text: string }
  | { kind: 'removed'; originalIndex: number; text: string };

/** A changed step must share at least this much with its original (Dice over words, 0..1). */
export const MIN_SIMILARITY = 0.5;
/** Beyond this many word edits in one step, the step is shown as wholly replaced. */
const MAX_WORD_EDITS = 2000;

export function diffWordParts(original: string, corrected: string): DiffPart[] {
  const changes = diffWords(original, corrected, { maxEditLength: MAX_WORD_EDITS });
  if (!changes) {
    return [
      { kind: 'deleted', text: original },
      { kind: 'inserted', text: corrected },
    ].filter((part) => part.text !== '') as DiffPart[];
  }
  return changes.map((change) => ({
    kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
    text: change.value,
  }));
}

/** Words and numbers only: LaTeX's `$`, `\`, braces and operators would make any two formulas alike. */
const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Dice coefficient of the two texts' word multisets: 1 the same words, 0 none in common. */
export function similarity(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  if (left.length + right.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of left) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of right) {
    const n = counts.get(token) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(token, n - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** Order-preserving pairs (i, j) of removed[i] with added[j] maximising total similarity. */
function pairRun(removed: string[], added: string[]): [number, number][] {
  const rows = removed.length + 1;
  const cols = added.length + 1;
  const best = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  const sim = (i: number, j: number) => similarity(removed[i] as string, added[j] as string);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const s = sim(i - 1, j - 1);
      const row = best[i] as number[];
      const up = (best[i - 1] as number[])[j] as number;
      const diagonal = s >= MIN_SIMILARITY ? ((best[i - 1] as number[])[j - 1] as number) + s : -1;
      row[j] = Math.max(up, row[j - 1] as number, diagonal);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = rows - 1, j = cols - 1; i > 0 && j > 0; ) {
    const here = (best[i] as number[])[j] as number;
    if (here === (best[i - 1] as number[])[j]) i -= 1;
    else if (here === (best[i] as number[])[j - 1]) j -= 1;
    else {
      pairs.unshift([i - 1, j - 1]);
      i -= 1;
      j -= 1;
    }
  }
  return pairs;
}

function stepChange(original: string, corrected: string, originalIndex: number, correctedIndex: number): StepChange {
  const parts = diffWordParts(original, corrected);
  return parts.every((part) => part.kind === 'same')
    ? { kind: 'unchanged', originalIndex, correctedIndex, text: corrected }
    : { kind: 'changed', originalIndex, correctedIndex, parts };
}

/** One run of differing steps, starting at these indices. */
function diffRun(removed: string[], added: string[], o0: number, c0: number): StepChange[] {
  const out: StepChange[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairRun(removed, added), [removed.length, added.length] as [number, number]]) {
    for (; i < pi; i++) out.push({ kind: 'removed', originalIndex: o0 + i, text: removed[i] as string });
    for (; j < pj; j++) out.push({ kind: 'added', correctedIndex: c0 + j, text: added[j] as string });
    if (pi < removed.length && pj < added.length) {
      out.push(stepChange(removed[pi] as string, added[pj] as string, o0 + pi, c0 + pj));
      i = pi + 1;
      j = pj + 1;
    }
  }
  return out;
}

export function diffSteps(original: readonly string[], corrected: readonly string[]): StepChange[] {
  const out: StepChange[] = [];
  let o = 0;
  let c = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    out.push(...diffRun(removed, added, o - removed.length, c - added.length));
    removed = [];
    added = [];
  };
  for (const chunk of diffArrays([...original], [...corrected])) {
    if (chunk.removed) {
      removed.push(...chunk.value);
      o += chunk.value.length;
    } else if (chunk.added) {
      added.push(...chunk.value);
      c += chunk.value.length;
    } else {
      flush();
      for (const text of chunk.value) out.push({ kind: 'unchanged', originalIndex: o++, correctedIndex: c++, text });
    }
  }
  flush();
  return out;
}

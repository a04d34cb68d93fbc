/**
 * Writes demo/demo-audit.jsonl: every line of demo.jsonl with labels from three synthetic
 * reviewers, for the demo's second project `demo-audit` (overlap 3), so a lead trying Redline sees
 * the Agreement dashboard and the review queue with something in them. `npx tsx demo/make-audit.ts`
 * regenerates it; check-demo.ts fails when the file is not what this writes.
 *
 * The labels are written for the demo from the README's truth table, with fixed departures (no
 * randomness): demo-rater-a is careful (the truth; now and then one step late), demo-rater-b is
 * swayed by the ORM on half of its false accepts and false rejects and names another error type
 * now and then, demo-rater-c labels two lines in three, now and then gives the opposite verdict
 * and flags some as unsure. Step ratings (first-error mode: before it 1, at it −1, after 0; a
 * correct solution all 1) come from a and b on every fourth line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseErrorStep } from '../server/domain/steps/parse-error-step';
import type { NativeAnnotation, NativeLine, NativeOrm } from '../shared/schemas/native-import';
import { readTruthTable, type TruthRow } from './readme-table';

const DIR = dirname(fileURLToPath(import.meta.url));
export const AUDIT_FILE = join(DIR, 'demo-audit.jsonl');
const OTHER_TYPE: Record<string, string> = {
  vision_recognition: 'reasoning', reasoning: 'calculation', calculation: 'reasoning', knowledge: 'reasoning',
};

interface Judgment {
  verdict: 'correct' | 'incorrect';
  step: number | null;
  type: string | null;
}

function ratings(j: Judgment, steps: number): Array<1 | 0 | -1> {
  return Array.from({ length: steps }, (_, k) => (j.step === null ? 1 : k < j.step ? 1 : k === j.step ? -1 : 0));
}

function label(annotator: string, j: Judgment, steps: number, extra: Partial<NativeAnnotation>, seconds: number): NativeAnnotation {
  return {
    annotator,
    verdict: j.verdict,
    ...(j.verdict === 'incorrect' ? { firstErrorStep: j.step, errorType: j.type } : {}),
    timeSpentMs: seconds * 1000,
    ...extra,
  };
}

/** The three reviewers' labels of line i (0-based) of demo.jsonl. */
function reviewers(i: number, row: TruthRow, orm: NativeOrm, steps: number): NativeAnnotation[] {
  const truth: Judgment = row.truth === null
    ? { verdict: 'correct', step: null, type: null }
    : { verdict: 'incorrect', step: row.truth, type: row.errorType ?? 'reasoning' };
  const rated = i % 4 === 0;
  const out: NativeAnnotation[] = [];

  const a = truth.step !== null && i % 11 === 5 && truth.step + 1 < steps ? { ...truth, step: truth.step + 1 } : truth;
  out.push(label('demo-rater-a', a, steps, rated ? { stepRatings: ratings(a, steps) } : {}, 45 + ((i * 37) % 110)));

  let b = truth;
  if ((row.situation === 'false-accept' || row.situation === 'false-reject') && i % 2 === 0) {
    b = orm.status === 'CORRECT'
      ? { verdict: 'correct', step: null, type: null }
      : { verdict: 'incorrect', step: parseErrorStep(orm.error_step, steps).index ?? 0, type: 'reasoning' };
  } else if (b.type !== null && i % 5 === 0) {
    b = { ...b, type: OTHER_TYPE[b.type] ?? 'reasoning' };
  }
  out.push(label('demo-rater-b', b, steps, rated ? { stepRatings: ratings(b, steps) } : {}, 30 + ((i * 53) % 95)));

  if (i % 3 !== 2) {
    const c: Judgment = i % 10 === 3
      ? truth.verdict === 'correct' ? { verdict: 'incorrect', step: Math.min(1, steps - 1), type: 'calculation' } : { verdict: 'correct', step: null, type: null }
      : truth;
    out.push(label('demo-rater-c', c, steps, i % 13 === 7 ? { flags: { unsure: true } } : {}, 60 + ((i * 29) % 140)));
  }
  return out;
}

/** demo-audit.jsonl's text. */
export function auditText(): string {
  const rows = readTruthTable(DIR);
  const lines = readFileSync(join(DIR, 'demo.jsonl'), 'utf8').replace(/\n$/, '').split('\n');
  const out = lines.map((text, i) => {
    const line = JSON.parse(text) as NativeLine;
    const row = rows.get(i + 1);
    if (!row || row.id !== line.solution.id) throw new Error(`demo.jsonl line ${i + 1}: no matching row in the README's table`);
    const orm = line.orm as NativeOrm;
    const labels = reviewers(i, row, orm, line.solution.steps?.length ?? 1);
    return JSON.stringify({ ...line, annotations: [...(line.annotations ?? []), ...labels] });
  });
  return `${out.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(AUDIT_FILE, auditText());
  console.log(`wrote ${AUDIT_FILE}`);
}

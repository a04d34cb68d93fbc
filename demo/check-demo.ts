/**
 * Checks the bundled demo: `npx tsx demo/check-demo.ts`. Every line of demo.jsonl must pass
 * NativeLineSchema, reference images that exist, agree on shared problems, and match its row in
 * the README's table of ORM situations; demo-audit.jsonl must be what make-audit.ts writes. Prints
 * counts; exits 1 on any problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseErrorStep } from '../server/domain/steps/parse-error-step';
import { NativeLineSchema, type NativeOrm } from '../shared/schemas/native-import';
import { AUDIT_FILE, auditText } from './make-audit';
import { readTruthTable } from './readme-table';

const DIR = dirname(fileURLToPath(import.meta.url));
const SITUATIONS = ['right-accept', 'right-reject', 'false-accept', 'false-reject', 'wrong-step', 'step-unclear'] as const;
type Situation = (typeof SITUATIONS)[number];

const errors: string[] = [];
const fail = (line: number, message: string): void => void errors.push(`demo.jsonl line ${line}: ${message}`);

/** JSON with object keys sorted, so two problems compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const rows = readTruthTable(DIR);

function situationOf(truth: number | null, orm: NativeOrm, stepCount: number): Situation {
  if (truth === null) return orm.status === 'CORRECT' ? 'right-accept' : 'false-reject';
  if (orm.status === 'CORRECT') return 'false-accept';
  const { index } = parseErrorStep(orm.error_step, stepCount);
  if (index === null) return 'step-unclear';
  return index === truth ? 'right-reject' : 'wrong-step';
}

const raw = readFileSync(join(DIR, 'demo.jsonl'), 'utf8');
if (!raw.endsWith('\n')) errors.push('demo.jsonl must end with a newline');
const problems = new Map<string, { canon: string; images: number }>();
const solutionIds = new Set<string>();
const perRound = new Map<number, number>();
const situations = new Map<Situation, number>(SITUATIONS.map((s) => [s, 0]));
let minSteps = Infinity;
let maxSteps = 0;
let annotated = 0;

const lines = raw.replace(/\n$/, '').split('\n');
lines.forEach((text, i) => {
  const n = i + 1;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(n, 'not valid JSON (one object per line)');
  }
  const parsed = NativeLineSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fail(n, `${issue.path.join('.')}: ${issue.message}`);
    return;
  }
  const { problem, solution, orm, annotations } = parsed.data;
  const steps = solution.steps ?? [];
  if (solutionIds.has(solution.id)) fail(n, `duplicate solution id ${solution.id}`);
  solutionIds.add(solution.id);
  const canon = canonical((json as { problem: unknown }).problem);
  const seen = problems.get(problem.id);
  if (seen && seen.canon !== canon) fail(n, `problem ${problem.id} differs from its first occurrence`);
  if (!seen) problems.set(problem.id, { canon, images: problem.images.length });
  for (const image of problem.images) {
    const rel = normalize(image);
    if (isAbsolute(image) || rel.startsWith('..') || !existsSync(join(DIR, rel))) fail(n, `image ${image} missing or outside demo/`);
  }
  if (steps.length < 3 || steps.length > 15) fail(n, `${steps.length} steps (want 3..15)`);
  if (!solution.finalAnswer) fail(n, 'solution.finalAnswer is empty');
  minSteps = Math.min(minSteps, steps.length);
  maxSteps = Math.max(maxSteps, steps.length);
  perRound.set(solution.round, (perRound.get(solution.round) ?? 0) + 1);
  if (annotations?.length) annotated += 1;

  if (!orm || Array.isArray(orm)) return fail(n, 'expected exactly one ORM judgment object');
  const row = rows.get(n);
  if (!row) return fail(n, 'no row for this line in the README table');
  if (row.id !== solution.id) fail(n, `README row names ${row.id}, line has ${solution.id}`);
  if (row.status !== orm.status) fail(n, `README says ORM ${row.status}, line has ${orm.status}`);
  if (row.truth !== null && row.truth >= steps.length) fail(n, `README's first wrong step is past the last step`);
  const situation = situationOf(row.truth, orm, steps.length);
  if (row.situation !== situation) fail(n, `README says ${row.situation}, the data give ${situation}`);
  situations.set(situation, (situations.get(situation) ?? 0) + 1);
});
if (rows.size !== lines.length) errors.push(`README table has ${rows.size} rows for ${lines.length} lines`);

const withImages = [...problems.values()].filter((p) => p.images > 0).length;
console.log(`lines: ${lines.length}, solutions: ${solutionIds.size}, annotated lines: ${annotated}`);
console.log(`problems: ${problems.size}, with images: ${withImages}, text-only: ${problems.size - withImages}`);
console.log(`solutions per round: ${[...perRound].sort(([a], [b]) => a - b).map(([r, c]) => `round ${r}: ${c}`).join(', ')}`);
console.log(`steps per solution: ${minSteps}..${maxSteps}`);
console.log(`ORM situations: ${[...situations].map(([s, c]) => `${s} ${c}`).join(', ')}`);
for (const s of SITUATIONS) if ((situations.get(s) ?? 0) < 3) errors.push(`only ${situations.get(s) ?? 0} lines of situation ${s} (want 3+)`);

// demo-audit.jsonl is demo.jsonl with the synthetic reviewers' labels, exactly as make-audit.ts writes it.
if (!existsSync(AUDIT_FILE) || readFileSync(AUDIT_FILE, 'utf8') !== auditText()) {
  errors.push('demo-audit.jsonl is not what demo/make-audit.ts writes from demo.jsonl and the README: run npx tsx demo/make-audit.ts');
}

if (errors.length > 0) {
  for (const e of errors) console.error(e);
  console.error(`${errors.length} problem(s) found`);
  process.exit(1);
}
console.log('demo OK');

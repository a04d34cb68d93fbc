/**
 * The export benchmark's baseline (a child of measureInChild), the floor issue 5 outcome 7
 * defines: ONE plain better-sqlite3 query joining solutions, problems, the submitted annotation
 * and the problems' images (bytes when inlined, sha256 + mime when copied), iterated with
 * `.iterate()`, each record built by hand in the same JSON shape as redline's and written with
 * `JSON.stringify` to one file through a write stream (respecting backpressure); copy mode
 * writes each referenced image once (its bytes read by sha256 when first seen), inline mode
 * base64-encodes them into data URLs.
 *
 * What it does NOT do, and redline does: no train/val split (one records.jsonl), no
 * provenance.jsonl, no manifest or dataset_info.json, no merge policy (it takes the single
 * submitted annotation as the verdict), no check of image bytes against their sha256, no
 * staging folder renamed into place, no audit entry.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BENCH_PROJECT, countLines, EXPORT_CASES, peakRssMbSoFar, type ExportChildArgs, type ExportChildResult } from './export-cases';
import { runAsChild, type Clock } from './measure';

interface Row {
  id: number;
  steps: string;
  finalAnswer: string | null;
  question: string;
  verdict: string | null;
  firstErrorStep: number | null;
  errorAnalysis: string;
  improvementSuggestion: string;
  correctedSolution: string | null;
  sha256: string | null;
  mime: string | null;
  data?: Buffer | null;
}

interface Image {
  sha256: string;
  mime: string;
  data: Buffer | null;
}

/** The same text as server/domain/export/orm-record.ts's ORM_INSTRUCTION (written out: a floor imports nothing of redline's). */
const ORM_INSTRUCTION =
  'Judge whether this solution is correct. Reply with one JSON object with the keys "status" ("CORRECT" or "WRONG"), ' +
  '"error_step" ("Step N" for the first wrong step, or "" when correct), "error_analysis" and "improvement_suggestion".';
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'image/gif': 'gif' };
const MEDIA_TOKEN = /<(image|video|audio)>/g;

function numberedSteps(steps: readonly string[], finalAnswer: string | null): string {
  const answer = (finalAnswer ?? '').trim().replace(/\.$/, '').trim();
  const lines = steps.map((step, i) => `Step ${i + 1}: ${step.trim()}`);
  if (answer !== '') lines.push(`The answer to this problem is ${answer}.`);
  return lines.join('\n\n');
}

/** reflection → sharegpt, or null when the solution yields no reflection record. */
function reflectionLine(row: Row, images: readonly Image[]): string | null {
  if (row.verdict !== 'incorrect' || row.firstErrorStep === null) return null;
  const corrected = (row.correctedSolution === null ? [] : (JSON.parse(row.correctedSolution) as string[]))
    .map((s) => s.trim()).filter((s) => s !== '');
  if (corrected.length === 0) return null;
  const steps = JSON.parse(row.steps) as string[];
  const analysis = row.errorAnalysis.trim();
  const suggestion = row.improvementSuggestion.trim();
  const prompt = `${row.question.trim()}\n\nHere is a step-by-step solution to this problem:\n\n${numberedSteps(steps, row.finalAnswer)}`
    + `\n\nThis solution contains an error.\nError Step: Step ${row.firstErrorStep + 1}`
    + `${analysis === '' ? '' : `\nError Analysis: ${analysis}`}${suggestion === '' ? '' : `\nImprovement Suggestion: ${suggestion}`}`
    + '\n\nReflect on the error above, then write a corrected, complete step-by-step solution.';
  const tokens = images.map(() => '<image>\n').join('');
  return JSON.stringify({
    conversations: [
      { from: 'human', value: `${tokens}${prompt.replace(MEDIA_TOKEN, '<$1 >')}` },
      { from: 'gpt', value: corrected.join('\n\n').replace(MEDIA_TOKEN, '<$1 >') },
    ],
    images: images.map(imagePath),
  });
}

/** orm → openai with images inlined. */
function ormLine(row: Row, images: readonly Image[]): string {
  const steps = JSON.parse(row.steps) as string[];
  const prompt = [row.question.trim(), 'Solution:', numberedSteps(steps, row.finalAnswer), ORM_INSTRUCTION].join('\n\n');
  const correct = row.verdict === 'correct';
  const response = JSON.stringify({
    status: correct ? 'CORRECT' : 'WRONG',
    error_step: correct || row.firstErrorStep === null ? '' : `Step ${row.firstErrorStep + 1}`,
    error_analysis: correct ? '' : row.errorAnalysis.trim(),
    improvement_suggestion: correct ? '' : row.improvementSuggestion.trim(),
  });
  return JSON.stringify({
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: prompt },
          ...images.map((image) => ({ type: 'image_url', image_url: { url: `data:${image.mime};base64,${(image.data as Buffer).toString('base64')}` } })),
        ],
      },
      { role: 'assistant', content: response },
    ],
  });
}

function imagePath(image: Image): string {
  return `images/${image.sha256}.${EXTENSIONS[image.mime] ?? 'bin'}`;
}

async function exportBaseline(args: ExportChildArgs, clock: Clock): Promise<ExportChildResult> {
  const exportCase = EXPORT_CASES[args.exportCase];
  const inline = exportCase.images === 'inline';
  const sqlite = new BetterSqlite3(args.database, { readonly: true });
  await mkdir(join(args.outDir, 'images'), { recursive: true });
  const file = join(args.outDir, 'records.jsonl');

  clock.start();
  const query = sqlite.prepare<[string], Row>(`SELECT s.id, s.steps, s.final_answer AS finalAnswer, p.question, a.verdict,
      a.first_error_step AS firstErrorStep, a.error_analysis AS errorAnalysis, a.improvement_suggestion AS improvementSuggestion,
      a.corrected_solution AS correctedSolution, im.sha256, im.mime${inline ? ', im.data' : ''}
    FROM solutions s
    JOIN problems p ON p.id = s.problem_id
    JOIN annotations a ON a.solution_id = s.id AND a.status = 'submitted'
    LEFT JOIN problem_images pi ON pi.problem_id = p.id
    LEFT JOIN images im ON im.sha256 = pi.image_sha256
    WHERE s.project_id = (SELECT id FROM projects WHERE name = ?)
    ORDER BY s.id, pi.position`);
  const imageData = sqlite.prepare<[string], { data: Buffer }>('SELECT data FROM images WHERE sha256 = ?');
  const out = createWriteStream(file);
  const copied = new Set<string>();
  let records = 0;
  let solutions = 0;

  const emit = async (row: Row, images: Image[]) => {
    solutions++;
    const line = inline ? ormLine(row, images) : reflectionLine(row, images);
    if (line === null) return;
    records++;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    if (inline) return;
    for (const image of images) {
      if (copied.has(image.sha256)) continue;
      copied.add(image.sha256);
      const stored = imageData.get(image.sha256);
      if (!stored) throw new Error(`image ${image.sha256} is missing`);
      await writeFile(join(args.outDir, imagePath(image)), stored.data);
    }
  };

  // One row per (solution, image): rows of one solution are consecutive (ORDER BY s.id).
  let current: Row | null = null;
  let images: Image[] = [];
  for (const row of query.iterate(BENCH_PROJECT)) {
    if (current !== null && row.id !== current.id) {
      await emit(current, images);
      images = [];
    }
    current = row;
    if (row.sha256 !== null && row.mime !== null) images.push({ sha256: row.sha256, mime: row.mime.toLowerCase(), data: row.data ?? null });
  }
  if (current !== null) await emit(current, images);
  out.end();
  await once(out, 'finish');
  clock.stop();
  const exportPeakRssMb = peakRssMbSoFar();

  sqlite.close();
  return { records, lines: await countLines(file), solutions, images: copied.size, recordBytes: (await stat(file)).size, exportPeakRssMb };
}

runAsChild(exportBaseline);

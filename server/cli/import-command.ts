import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { IMPORT_FORMATS, type FormatChoice } from '../domain/import/formats/detect';
import { AppError } from '../errors';
import { importFiles, settleFormat, type ImportSummary } from '../services/import/import-files';
import { ensureProject } from '../services/projects';
import { createOutput, UsageError, type Output } from './output';
import { parseNonNegativeInt } from './parse';
import { withDatabase } from './with-database';

const FORMAT_CHOICES: readonly FormatChoice[] = ['auto', ...IMPORT_FORMATS];

interface ImportCommandOptions {
  project: string;
  format: string;
  round?: number;
  strict?: boolean;
  json?: boolean;
}

/**
 * `redline import FILE… --project NAME` (SPEC §7). Exit codes: 0 done — also when some lines were
 * bad, they are counted and listed; 1 failed, or `--strict` found bad lines (nothing stored);
 * 2 bad usage. `--json` prints one JSON document on stdout and nothing else there.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import problems, solutions, ORM judgments and labels: native JSONL, ProcessBench, PRM800K or MathSE ORM files')
    .argument('<files...>', 'files to import; image paths inside native lines are relative to each file\'s folder')
    .requiredOption('--project <name>', 'project to import into (created with defaults if missing)')
    .option('--format <format>', `file format: ${FORMAT_CHOICES.join('|')} (auto: told from each file's start)`, 'auto')
    .option('--round <n>', 'set every solution\'s round (MathSE stage), overriding the file', parseNonNegativeInt)
    .option('--strict', 'store nothing if any line or record is bad')
    .option('--json', 'print one JSON summary on stdout')
    .action(async (files: string[], opts: ImportCommandOptions) => {
      const format = checkFormat(opts.format);
      await assertReadableFiles(files);
      await assertDetectable(files, format);
      const out = createOutput(opts.json === true);
      const strict = opts.strict === true;
      const summaries = await withDatabase(async (db) => {
        const project = await ensureProject(db, opts.project, null);
        // One bar per file, made when its first batch reports (the total comes with it).
        const progress: { bar: ReturnType<Output['progress']> | null; file: string } = { bar: null, file: '' };
        try {
          return await importFiles(db, {
            files, project, strict, format, round: opts.round, actorId: null,
            onProgress: (p) => {
              if (p.file !== progress.file) {
                progress.bar?.stop();
                progress.bar = out.progress(p.totalBytes, `import ${p.file}`);
                progress.file = p.file;
              }
              progress.bar?.update(p.bytesRead);
            },
          });
        } finally {
          progress.bar?.stop();
        }
      });
      report(out, opts.project, summaries);
      const anyBad = summaries.some((s) => s.badCount > 0);
      if (strict && anyBad) process.exitCode = 1;
    });
}

/** Before the database is opened (and the project created): a typo should change nothing. */
async function assertReadableFiles(files: string[]): Promise<void> {
  for (const file of files) {
    try {
      if (!(await stat(file)).isFile()) throw new Error(`${file} is not a file`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new Error(`${file}: no such file`, { cause: error });
      throw code ? new Error(`${file} cannot be read (${code})`, { cause: error }) : error;
    }
  }
}

/** An undetectable file is bad usage (exit 2): the user should name --format. */
async function assertDetectable(files: string[], format: FormatChoice): Promise<void> {
  if (format !== 'auto') return;
  for (const file of files) {
    try {
      await settleFormat(file, file, format);
    } catch (error) {
      throw error instanceof AppError ? new UsageError(error.message) : error;
    }
  }
}

function checkFormat(format: string): FormatChoice {
  const known = FORMAT_CHOICES.find((choice) => choice === format);
  if (known) return known;
  throw new UsageError(`unknown format "${format}"; choose one of ${FORMAT_CHOICES.join(', ')}`);
}

function report(out: Output, project: string, summaries: ImportSummary[]): void {
  const total = (pick: (s: ImportSummary) => number) => summaries.reduce((sum, s) => sum + pick(s), 0);
  out.result({
    project,
    files: summaries,
    lines: total((s) => s.lines),
    imported: {
      problems: total((s) => s.imported.problems),
      solutions: total((s) => s.imported.solutions),
      ormJudgments: total((s) => s.imported.ormJudgments),
      annotations: total((s) => s.imported.annotations),
      images: total((s) => s.imported.images),
    },
    unchanged: total((s) => s.unchanged),
    badCount: total((s) => s.badCount),
    strict: summaries[0]?.strict ?? false,
    committed: summaries.length > 0 && summaries.every((s) => s.committed),
  });
  for (const s of summaries) {
    const i = s.imported;
    const unit = s.numbering === 'record' ? 'records' : 'lines';
    out.say(`${s.file} (${s.format}) → project ${project}: ${s.lines} ${unit}; imported ${i.problems} problems, ${i.solutions} solutions, `
      + `${i.ormJudgments} ORM judgments, ${i.annotations} annotations, ${i.images} images; ${s.unchanged} unchanged; ${s.badCount} bad`);
    for (const b of s.bad) out.say(s.numbering === 'record' ? `${s.file}: record ${b.line}: ${b.reason}` : `${s.file}:${b.line}: ${b.reason}`);
    if (s.badCount > s.bad.length) out.say(`${s.file}: … and ${s.badCount - s.bad.length} more bad ${unit} not listed`);
  }
  if (summaries.some((s) => s.strict && s.badCount > 0)) {
    out.say(summaries.some((s) => s.committed)
      ? 'Stopped: --strict met a bad line while writing (the data changed during the import); earlier batches were stored.'
      : 'Nothing was stored: --strict and some lines or records are bad.');
  }
}

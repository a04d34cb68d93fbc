import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../errors';
import { exportDataset, type ExportOptions, type ExportSummary } from '../services/export/export-dataset';
import { DEFAULT_SEED, DEFAULT_VAL_FRACTION, resolveExportSettings } from '../services/export/export-options';
import { createOutput, UsageError } from './output';
import { withDatabase } from './with-database';

interface ExportFlags {
  project: string;
  kind: string;
  format: string;
  out: string;
  policy: string;
  minAnnotators?: string;
  ormMinScore?: string;
  ormModel?: string;
  valFraction: string;
  seed: string;
  round?: string;
  images: string;
  reflectionTemplate?: string;
  json?: boolean;
}

/**
 * `redline export` (SPEC §7): writes one dataset folder (SPEC §5). This version supports the
 * kinds sft and reflection in the sharegpt format; the other kinds and formats of the SPEC are
 * refused as bad usage (exit 2) with "not supported yet".
 */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write a fine-tuning dataset folder from a project’s final judgments')
    .requiredOption('--project <name>', 'project to export')
    .requiredOption('--kind <kind>', 'sft | reflection (orm, prm, preference: not yet)')
    .requiredOption('--format <format>', 'sharegpt (openai, trl: not yet)')
    .requiredOption('--out <dir>', 'folder to write; must not exist yet or be empty')
    .option('--policy <sources>', 'merge policy: sources in order, from gold, consensus, orm', 'gold,consensus')
    .option('--min-annotators <k>', 'submitted annotations consensus needs (default: the project’s overlap)')
    .option('--orm-min-score <x>', 'use an ORM judgment only when its score clears x for its verdict (0..1)')
    .option('--orm-model <name>', 'use this ORM model’s judgments instead of the latest')
    .option('--val-fraction <f>', 'share of problems in val.jsonl', String(DEFAULT_VAL_FRACTION))
    .option('--seed <s>', 'seed of the train/val split by problem', DEFAULT_SEED)
    .option('--round <n>', 'only solutions of this round')
    .option('--images <mode>', 'copy (inline is for the openai format: not yet)', 'copy')
    .option('--reflection-template <file>', 'reflection prompt template file; placeholders {question} {solution} {error_step} {error_analysis} {improvement_suggestion}')
    .option('--json', 'print one JSON summary on stdout and nothing else there')
    .action(async (flags: ExportFlags) => {
      const output = createOutput(Boolean(flags.json));
      const options = await toOptions(flags);
      // Bad options are reported before the database is opened.
      await checkUsage(() => resolveExportSettings(options, 1));
      let bar: ReturnType<typeof output.progress> | undefined;
      const summary = await checkUsage(() =>
        withDatabase((db) =>
          exportDataset(db, {
            ...options,
            onProgress: (done, total) => {
              bar ??= output.progress(total, 'export');
              bar.update(done);
            },
          }),
        ),
      ).finally(() => bar?.stop());
      output.result(summary);
      output.say(describe(summary));
    });
}

async function toOptions(flags: ExportFlags): Promise<ExportOptions> {
  const options: ExportOptions = {
    project: flags.project,
    kind: flags.kind,
    format: flags.format,
    outDir: flags.out,
    sources: flags.policy.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    valFraction: parseNumber(flags.valFraction, '--val-fraction'),
    seed: flags.seed,
    images: flags.images,
  };
  if (flags.minAnnotators !== undefined) options.minAnnotators = parseNumber(flags.minAnnotators, '--min-annotators');
  if (flags.ormMinScore !== undefined) options.ormMinScore = parseNumber(flags.ormMinScore, '--orm-min-score');
  if (flags.ormModel !== undefined) options.ormModel = flags.ormModel;
  if (flags.round !== undefined) options.round = parseNumber(flags.round, '--round');
  if (flags.reflectionTemplate !== undefined) {
    const file = flags.reflectionTemplate;
    options.reflectionTemplate = await readFile(file, 'utf8').catch((error: Error) => {
      throw new UsageError(`cannot read the reflection template ${file}: ${error.message}`);
    });
  }
  return options;
}

function parseNumber(text: string, flag: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} needs a number, got "${text}"`);
  return value;
}

/** Option problems found by the service are bad usage (exit 2), not failures (exit 1). */
async function checkUsage<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') throw new UsageError(error.message);
    throw error;
  }
}

function describe(summary: ExportSummary): string {
  const { records } = summary;
  const sources = Object.entries(summary.bySource).map(([source, n]) => `${source} ${n}`).join(', ');
  const leftOut = Object.entries(summary.leftOut).filter(([, n]) => n > 0);
  return [
    `Exported ${records.total} ${summary.kind} records (train ${records.train}, val ${records.val}) to ${summary.outDir}`,
    `  by source: ${sources}`,
    `  left out: ${leftOut.length === 0 ? 'none' : leftOut.map(([reason, n]) => `${reason} ${n}`).join(', ')}`,
    `  images: ${summary.images}; see manifest.json and provenance.jsonl`,
  ].join('\n');
}

import { readFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { ASSIGNMENT_STRATEGIES, LABEL_MODES, type AssignmentStrategy, type LabelMode } from '../../shared/constants';
import { AppError } from '../errors';
import { changeMembers } from '../services/members';
import { updateProjectSettings } from '../services/project-update';
import { assertProjectName, createProject, parseProjectSettings, type ProjectRow, type ProjectSettings } from '../services/projects';
import { projectSeed } from '../domain/queue/order';
import { projectQcRate } from '../services/queue';
import { UsageError } from './output';
import { parseNonNegativeInt, parsePositiveInt } from './parse';
import { withDatabase } from './with-database';

interface SettingsFlags {
  overlap?: number;
  mode?: LabelMode;
  assignment?: AssignmentStrategy;
  leaseMinutes?: number;
  taxonomy?: string;
  guidelines?: string;
  seed?: number;
  qcRate?: number;
}

/** The settings options of `project create` and `project set`; unset options change nothing. */
function withSettingsOptions(command: Command): Command {
  return command
    .option('--overlap <k>', 'annotators per solution (create: 1)', parsePositiveInt)
    .addOption(new Option('--mode <mode>', 'what annotators label (create: first-error)').choices(LABEL_MODES))
    .addOption(new Option('--assignment <strategy>', 'queue order (create: ordered)').choices(ASSIGNMENT_STRATEGIES))
    .option('--lease-minutes <m>', 'how long a taken solution stays reserved (create: 30)', parsePositiveInt)
    .option('--taxonomy <types>', 'error types, comma-separated, e.g. reasoning,calculation,other')
    .option('--guidelines <file>', 'markdown file with the annotation guidelines')
    .option('--seed <n>', 'seed of the random strategy (create: 0)', parseNonNegativeInt);
}

/** Flags → settings, validated by the API's own schema: what the API refuses is bad usage here. */
async function settingsFrom(flags: SettingsFlags): Promise<ProjectSettings> {
  const settings: ProjectSettings = {
    overlap: flags.overlap,
    mode: flags.mode,
    assignment: flags.assignment,
    leaseMinutes: flags.leaseMinutes,
    seed: flags.seed,
    qcRate: flags.qcRate,
    taxonomy: flags.taxonomy?.split(',').map((t) => t.trim()).filter((t) => t !== ''),
  };
  if (flags.guidelines !== undefined) {
    const file = flags.guidelines;
    settings.guidelines = await readFile(file, 'utf8').catch((error: Error) => {
      throw new UsageError(`cannot read the guidelines file ${file}: ${error.message}`);
    });
  }
  return asUsage(() => parseProjectSettings(settings));
}

/** A refusal by validation is bad usage (exit 2), not a failure (exit 1). */
function asUsage<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') throw new UsageError(error.message);
    throw error;
  }
}

/** A number for --qc-rate; its range (0..1) is the API schema's business, checked with the rest. */
function parseRate(value: string): number {
  const rate = Number(value);
  if (value.trim() === '' || !Number.isFinite(rate)) throw new InvalidArgumentError('must be a number from 0 to 1');
  return rate;
}

function describeProject(row: ProjectRow): string {
  return `overlap ${row.overlap}, ${row.mode}, ${row.assignment} (seed ${projectSeed(row.settings)}), leases of ${row.leaseMinutes} min, `
    + `error types ${row.taxonomy.join(',')}, guidelines ${row.guidelines.length} characters, QC rate ${projectQcRate(row.settings)}`;
}

export function registerProjectCommands(program: Command): void {
  const project = program.command('project').description('create, configure and staff projects');
  withSettingsOptions(project.command('create <name>').description('create a project'))
    .action(async (name: string, flags: SettingsFlags) => {
      asUsage(() => assertProjectName(name));
      const settings = await settingsFrom(flags);
      await withDatabase(async (db) => {
        const row = await createProject(db, name, settings, null);
        process.stdout.write(`Created project ${name}: ${describeProject(row)}\n`);
      });
    });
  withSettingsOptions(project.command('set <name>').description('change a project\'s settings (only the options given)'))
    .option('--qc-rate <x>', 'share of each annotator\'s items that are blind QC items, 0..1 (0 = none)', parseRate)
    .action(async (name: string, flags: SettingsFlags) => {
      const settings = await settingsFrom(flags);
      if (Object.values(settings).every((v) => v === undefined)) throw new UsageError('give at least one setting to change, e.g. --overlap 2');
      await withDatabase(async (db) => {
        const { project: row, changed } = await updateProjectSettings(db, name, settings, null);
        process.stdout.write(changed.length === 0
          ? `Nothing changed in project ${name}\n`
          : `Updated project ${name} (${changed.join(', ')}): ${describeProject(row)}\n`);
      });
    });
  project
    .command('members <name>')
    .description('add or remove project members')
    .option('--add <users...>', 'users to add')
    .option('--remove <users...>', 'users to remove')
    .action(async (name: string, opts: { add?: string[]; remove?: string[] }) => {
      if (!opts.add?.length && !opts.remove?.length) throw new UsageError('give --add USER… or --remove USER…');
      await withDatabase(async (db) => {
        await changeMembers(db, name, { add: opts.add, remove: opts.remove }, null);
        process.stdout.write(`Updated the members of ${name}\n`);
      });
    });
}

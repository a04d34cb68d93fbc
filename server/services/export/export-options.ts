import { EXPORT_FORMATS, type ExportFormat } from '../../domain/export/formats';
import { KINDS, RECORD_KINDS, type RecordKind } from '../../domain/export/records';
import { checkReflectionTemplate, DEFAULT_REFLECTION_TEMPLATE } from '../../domain/export/reflection-template';
import { MERGE_SOURCES, type MergePolicy, type MergeSource } from '../../domain/merge/merge';
import { AppError } from '../../errors';

/** What a caller (command line, later HTTP) asks for; raw values, checked here. */
export interface ExportOptions {
  project: string;
  kind: string;
  format: string;
  outDir: string;
  /** Merge policy sources in order (SPEC §4); default gold, consensus. */
  sources?: readonly string[];
  /** Default: the project's overlap. */
  minAnnotators?: number;
  ormMinScore?: number;
  ormModel?: string;
  /** Share of problems (not solutions) in val; default 0.05. */
  valFraction?: number;
  seed?: string;
  round?: number;
  images?: string;
  /** reflection: a prompt template replacing DEFAULT_REFLECTION_TEMPLATE. */
  reflectionTemplate?: string;
  actorId?: number | null;
  /** Solutions read per query; tests make it small to cross page boundaries. */
  pageSize?: number;
  /** Called after each page with solutions processed so far and the total the filters select. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportSettings {
  kind: RecordKind;
  format: ExportFormat;
  policy: MergePolicy;
  valFraction: number;
  seed: string;
  round: number | undefined;
  reflectionTemplate: string | null;
  pageSize: number;
}

export const DEFAULT_SOURCES: readonly MergeSource[] = ['gold', 'consensus'];
export const DEFAULT_VAL_FRACTION = 0.05;
export const DEFAULT_SEED = '0';
const DEFAULT_PAGE_SIZE = 500;

/** Every check that needs no database; `projectOverlap` is the default of minAnnotators. */
export function resolveExportSettings(options: ExportOptions, projectOverlap: number): ExportSettings {
  const kind = options.kind as RecordKind;
  if (!RECORD_KINDS.includes(kind)) {
    fail(`kind "${options.kind}" is not supported yet (supported: ${RECORD_KINDS.join(', ')})`);
  }
  const format = options.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    fail(`format "${options.format}" is not supported yet (supported: ${EXPORT_FORMATS.join(', ')})`);
  }
  if ((options.images ?? 'copy') !== 'copy') {
    fail(`--images ${options.images} is not supported yet for ${format}: images are copied into images/`);
  }
  const valFraction = options.valFraction ?? DEFAULT_VAL_FRACTION;
  if (!(valFraction >= 0 && valFraction <= 1)) fail(`val fraction must be between 0 and 1, got ${options.valFraction}`);
  if (options.round !== undefined && !(Number.isInteger(options.round) && options.round >= 0)) {
    fail(`round must be a whole number ≥ 0, got ${options.round}`);
  }
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!(Number.isInteger(pageSize) && pageSize >= 1)) fail(`page size must be a whole number ≥ 1, got ${pageSize}`);

  let reflectionTemplate: string | null = null;
  if (KINDS[kind].needsAlternative) {
    reflectionTemplate = options.reflectionTemplate ?? DEFAULT_REFLECTION_TEMPLATE;
    const problems = checkReflectionTemplate(reflectionTemplate);
    if (problems.length > 0) fail(problems.join('; '));
  } else if (options.reflectionTemplate !== undefined) {
    fail(`a reflection template only applies to --kind reflection`);
  }
  return {
    kind,
    format,
    policy: resolvePolicy(options, projectOverlap),
    valFraction,
    seed: options.seed ?? DEFAULT_SEED,
    round: options.round,
    reflectionTemplate,
    pageSize,
  };
}

function resolvePolicy(options: ExportOptions, projectOverlap: number): MergePolicy {
  const sources = (options.sources ?? DEFAULT_SOURCES) as MergeSource[];
  if (sources.length === 0) fail('the merge policy needs at least one source (gold, consensus, orm)');
  for (const source of sources) {
    if (!MERGE_SOURCES.includes(source)) fail(`unknown merge policy source "${source}" (use gold, consensus, orm)`);
  }
  if (new Set(sources).size !== sources.length) fail(`the merge policy names a source twice: ${sources.join(',')}`);
  const minAnnotators = options.minAnnotators ?? projectOverlap;
  if (!(Number.isInteger(minAnnotators) && minAnnotators >= 1)) {
    fail(`min annotators must be a whole number ≥ 1, got ${options.minAnnotators}`);
  }
  const { ormMinScore, ormModel } = options;
  if (ormMinScore !== undefined && !(ormMinScore >= 0 && ormMinScore <= 1)) {
    fail(`ORM min score must be between 0 and 1, got ${ormMinScore}`);
  }
  if ((ormMinScore !== undefined || ormModel !== undefined) && !sources.includes('orm')) {
    fail('--orm-min-score and --orm-model need "orm" in --policy');
  }
  return {
    sources,
    minAnnotators,
    ...(ormMinScore === undefined ? {} : { ormMinScore }),
    ...(ormModel === undefined ? {} : { ormModel }),
  };
}

function fail(message: string): never {
  throw new AppError('VALIDATION_FAILED', message);
}

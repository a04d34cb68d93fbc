import { EXPORT_FORMATS, FORMATS, type ExportFormat, type ImageMode } from '../../domain/export/formats';
import { DEFAULT_MAX_PAIRS_PER_PROBLEM } from '../../domain/export/preference-record';
import { EXPORT_KINDS, NEUTRAL_MODES, type ExportKind, type NeutralMode } from '../../domain/export/records';
import { checkReflectionTemplate, DEFAULT_REFLECTION_TEMPLATE } from '../../domain/export/reflection-template';
import { MERGE_SOURCES, type MergePolicy, type MergeSource } from '../../domain/merge/merge';
import { AppError } from '../../errors';
import type { ExportFilter } from './export-source';

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
  /** Filters (SPEC issue 5): only these rounds / solution models / problem subjects / problem sources. */
  round?: number | readonly number[];
  models?: readonly string[];
  subjects?: readonly string[];
  problemSources?: readonly string[];
  /** 0..1: leave out solutions whose annotators agree with the final verdict less than this. */
  minAgreement?: number;
  /** preference: at most this many pairs per problem (default 4). */
  maxPairsPerProblem?: number;
  /** `copy` or `inline`; default: the format's first mode (openai inline, others copy). */
  images?: string;
  /** prm: what a neutral (0) step rating becomes: false (default), true, or drop. */
  neutral?: string;
  /** reflection: a prompt template replacing DEFAULT_REFLECTION_TEMPLATE. */
  reflectionTemplate?: string;
  actorId?: number | null;
  /** Solutions read per query; tests make it small to cross page boundaries. */
  pageSize?: number;
  /** Called after each page with solutions processed so far and the total the filters select. */
  onProgress?: (done: number, total: number) => void;
}

export interface ExportSettings {
  kind: ExportKind;
  format: ExportFormat;
  policy: MergePolicy;
  valFraction: number;
  seed: string;
  /** SQL-side filters (empty lists never occur: absent means "all"). */
  filter: ExportFilter;
  /** null: no bar. A solution without annotators has no agreement and fails any bar. */
  minAgreement: number | null;
  maxPairsPerProblem: number;
  images: ImageMode;
  neutral: NeutralMode;
  reflectionTemplate: string | null;
  pageSize: number;
}

export const DEFAULT_SOURCES: readonly MergeSource[] = ['gold', 'consensus'];
export const DEFAULT_VAL_FRACTION = 0.05;
export const DEFAULT_SEED = '0';
/**
 * Small enough that a page's rows and the objects built from them die young: a page is read at
 * its start and used until its end, and one that spans two young-generation collections is
 * promoted to the old generation as garbage, which V8 answers by growing the heap with the
 * length of the export (export benchmark, 10,000 → 100,000 solutions: peak RSS +45% with 1000,
 * +5–9% with 250, at the same throughput).
 */
const DEFAULT_PAGE_SIZE = 250;

/** Every check that needs no database; `projectOverlap` is the default of minAnnotators. */
export function resolveExportSettings(options: ExportOptions, projectOverlap: number): ExportSettings {
  const kind = options.kind as ExportKind;
  if (!EXPORT_KINDS.includes(kind)) {
    fail(`kind "${options.kind}" is not supported yet (supported: ${EXPORT_KINDS.join(', ')})`);
  }
  const format = options.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    fail(`format "${options.format}" is not supported yet (supported: ${EXPORT_FORMATS.join(', ')})`);
  }
  const modes = FORMATS[format].imageModes;
  const images = (options.images ?? modes[0]) as ImageMode;
  if (!modes.includes(images)) fail(`--images ${options.images} is not supported for ${format} (use ${modes.join(' or ')})`);
  const neutral = (options.neutral ?? 'false') as NeutralMode;
  if (!NEUTRAL_MODES.includes(neutral)) fail(`--neutral must be true, false or drop, got "${options.neutral}"`);
  if (options.neutral !== undefined && kind !== 'prm') fail('--neutral only applies to --kind prm');
  const valFraction = options.valFraction ?? DEFAULT_VAL_FRACTION;
  if (!(valFraction >= 0 && valFraction <= 1)) fail(`val fraction must be between 0 and 1, got ${options.valFraction}`);
  const filter = resolveFilter(options);
  const minAgreement = options.minAgreement ?? null;
  if (minAgreement !== null && !(minAgreement >= 0 && minAgreement <= 1)) fail(`min agreement must be between 0 and 1, got ${minAgreement}`);
  const maxPairsPerProblem = options.maxPairsPerProblem ?? DEFAULT_MAX_PAIRS_PER_PROBLEM;
  if (!(Number.isInteger(maxPairsPerProblem) && maxPairsPerProblem >= 1)) {
    fail(`max pairs per problem must be a whole number ≥ 1, got ${options.maxPairsPerProblem}`);
  }
  if (options.maxPairsPerProblem !== undefined && kind !== 'preference') fail('--max-pairs-per-problem only applies to --kind preference');
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!(Number.isInteger(pageSize) && pageSize >= 1)) fail(`page size must be a whole number ≥ 1, got ${pageSize}`);

  let reflectionTemplate: string | null = null;
  if (kind === 'reflection') {
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
    filter,
    minAgreement,
    maxPairsPerProblem,
    images,
    neutral,
    reflectionTemplate,
    pageSize,
  };
}

function resolveFilter(options: ExportOptions): ExportFilter {
  const rounds = options.round === undefined ? undefined : typeof options.round === 'number' ? [options.round] : [...options.round];
  for (const round of rounds ?? []) {
    if (!(Number.isInteger(round) && round >= 0)) fail(`round must be a whole number ≥ 0, got ${round}`);
  }
  const list = (values: readonly string[] | undefined) => (values === undefined ? undefined : [...new Set(values)].sort());
  const filter: ExportFilter = {};
  // Sorted and deduplicated, so the manifest records the same filters however they were typed.
  if (rounds !== undefined) filter.rounds = [...new Set(rounds)].sort((a, b) => a - b);
  const models = list(options.models);
  const subjects = list(options.subjects);
  const sources = list(options.problemSources);
  if (models !== undefined) filter.models = models;
  if (subjects !== undefined) filter.subjects = subjects;
  if (sources !== undefined) filter.sources = sources;
  for (const [name, values] of Object.entries(filter)) {
    if ((values as unknown[]).length === 0) fail(`the ${name} filter needs at least one value`);
  }
  return filter;
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

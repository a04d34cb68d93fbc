import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MERGE_SOURCES, type MergeSource } from '../../domain/merge/merge';
import { SPLITS, type Split } from '../../domain/export/split';
import type { WrittenFile } from './export-files';

export const MANIFEST_FILE = 'manifest.json';

/** Records written per split and provenance source, and solutions left out per reason. */
export class ExportTally {
  readonly bySource: Record<Split, Record<MergeSource, number>> = { train: zeroSources(), val: zeroSources() };
  private readonly reasons = new Map<string, number>();

  /** `reasons`: every reason this export may give, listed (with 0) in this order. */
  constructor(reasons: readonly string[]) {
    for (const reason of reasons) this.reasons.set(reason, 0);
  }

  record(split: Split, source: MergeSource): void {
    this.bySource[split][source] += 1;
  }

  leaveOut(reason: string): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
  }

  records(split: Split): number {
    return MERGE_SOURCES.reduce((sum, source) => sum + this.bySource[split][source], 0);
  }

  leftOut(): Record<string, number> {
    return Object.fromEntries(this.reasons);
  }

  leftOutTotal(): number {
    return [...this.reasons.values()].reduce((a, b) => a + b, 0);
  }
}

function zeroSources(): Record<MergeSource, number> {
  return { gold: 0, consensus: 0, orm: 0 };
}

export interface ManifestInput {
  project: string;
  kind: string;
  format: string;
  policy: { sources: readonly MergeSource[]; minAnnotators: number; ormMinScore: number | null; ormModel: string | null };
  /** null: not filtered on that field. */
  filters: { rounds: number[] | null; models: string[] | null; subjects: string[] | null; sources: string[] | null; minAgreement: number | null };
  /** preference only. */
  maxPairsPerProblem?: number;
  /** What the lines mean where Redline chose a mapping (shape-notes.ts). */
  recordShape: string | null;
  split: { valFraction: number; seed: string };
  images: 'copy' | 'inline';
  /** prm only: what neutral (0) step ratings became. */
  neutral?: string;
  /** reflection only: the prompt template used, so a reader can rebuild the prompts. */
  reflectionTemplate: string | null;
  tally: ExportTally;
  files: WrittenFile[];
  createdAt: Date;
}

/**
 * manifest.json (SPEC §5). Key order and content depend only on the export's data and options,
 * except `createdAt`: two exports of the same data differ in that one value.
 */
export function renderManifest(input: ManifestInput): string {
  const { tally } = input;
  const manifest = {
    redlineVersion: redlineVersion(),
    createdAt: input.createdAt.toISOString(),
    project: input.project,
    kind: input.kind,
    format: input.format,
    policy: input.policy,
    filters: input.filters,
    ...(input.maxPairsPerProblem === undefined ? {} : { maxPairsPerProblem: input.maxPairsPerProblem }),
    ...(input.recordShape === null ? {} : { recordShape: input.recordShape }),
    split: { by: 'problem', ...input.split },
    images: input.images,
    ...(input.neutral === undefined ? {} : { neutral: input.neutral }),
    ...(input.reflectionTemplate === null ? {} : { reflectionTemplate: input.reflectionTemplate }),
    counts: {
      train: tally.records('train'),
      val: tally.records('val'),
      total: SPLITS.reduce((sum, split) => sum + tally.records(split), 0),
      bySource: Object.fromEntries(
        MERGE_SOURCES.map((source) => [source, SPLITS.reduce((sum, split) => sum + tally.bySource[split][source], 0)]),
      ),
      bySplitAndSource: tally.bySource,
    },
    leftOut: tally.leftOut(),
    provenance: {
      file: 'provenance.jsonl',
      order: 'one line per record: all train.jsonl lines in order, then all val.jsonl lines in order',
    },
    files: input.files,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

let version: string | undefined;

/** The `version` of Redline's package.json. */
export function redlineVersion(): string {
  if (version === undefined) {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
    const parsed = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version?: unknown };
    version = typeof parsed.version === 'string' ? parsed.version : 'unknown';
  }
  return version;
}

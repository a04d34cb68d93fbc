import type { NeutralRecord } from './records';
import { datasetInfo, renderSharegpt } from './sharegpt';
import type { Split } from './split';

export const EXPORT_FORMATS = ['sharegpt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A small file a format writes beside the split files (e.g. dataset_info.json). */
export interface FormatFile {
  path: string;
  content: string;
}

export interface FormatDefinition {
  /** One JSONL line, without the newline. */
  renderLine(record: NeutralRecord): string;
  /** Files that describe the split files to a trainer; `splits` maps each split to its file. */
  describe(splits: ReadonlyArray<{ split: Split; fileName: string }>): FormatFile[];
}

/** Formats render neutral records (records.ts); later issues add openai and trl here. */
export const FORMATS: Record<ExportFormat, FormatDefinition> = {
  sharegpt: {
    renderLine: renderSharegpt,
    describe: (splits) => [
      { path: 'dataset_info.json', content: datasetInfo(splits.map((s) => ({ name: s.split, fileName: s.fileName }))) },
    ],
  },
};

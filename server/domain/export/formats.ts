import { EXPORT_FORMAT_NAMES, FORMAT_IMAGE_MODES } from '../../../shared/schemas/export';
import { imagePath } from './image-files';
import { renderOpenai } from './openai';
import type { ExportKind, ImageRef, NeutralRecord } from './records';
import { datasetInfo, renderSharegpt } from './sharegpt';
import type { Split } from './split';
import { renderTrl } from './trl';

/** The names live in shared/ so the export page offers exactly what the server renders. */
export const EXPORT_FORMATS = EXPORT_FORMAT_NAMES;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `copy`: images/<sha256>.<ext> beside the records; `inline`: data URLs inside the records. */
export const IMAGE_MODES = ['copy', 'inline'] as const;
export type ImageMode = (typeof IMAGE_MODES)[number];

/**
 * Where a trainer finds one image, as written into a record: a path relative to the export
 * folder (`copy`) or a `data:<mime>;base64,…` URL (`inline`). The service builds it.
 */
export type ImageLocator = (image: ImageRef) => string;

/** The locator of `copy` mode; pure, so domain tests can use it. */
export const copiedImage: ImageLocator = imagePath;

/** A small file a format writes beside the split files (e.g. dataset_info.json). */
export interface FormatFile {
  path: string;
  content: string;
}

export interface FormatDefinition {
  /** One JSONL line, without the newline; images are written as `locate` says. */
  renderLine(record: NeutralRecord, locate: ImageLocator): string;
  /** Files that describe the split files to a trainer; `splits` maps each split to its file. */
  describe(kind: ExportKind, splits: ReadonlyArray<{ split: Split; fileName: string }>): FormatFile[];
  /** Image modes the format's trainer can read; the first is the default. */
  imageModes: readonly [ImageMode, ...ImageMode[]];
}

/** Formats render neutral records (records.ts); each knows every record type. */
export const FORMATS: Record<ExportFormat, FormatDefinition> = {
  sharegpt: {
    renderLine: renderSharegpt,
    describe: (kind, splits) => [
      {
        path: 'dataset_info.json',
        content: datasetInfo(
          splits.map((s) => ({ name: s.split, fileName: s.fileName })),
          kind === 'preference',
        ),
      },
    ],
    imageModes: FORMAT_IMAGE_MODES.sharegpt,
  },
  openai: { renderLine: renderOpenai, describe: () => [], imageModes: FORMAT_IMAGE_MODES.openai },
  trl: { renderLine: renderTrl, describe: () => [], imageModes: FORMAT_IMAGE_MODES.trl },
};

import { z } from 'zod';

/**
 * The export routes' query and answers (SPEC §5, §8). Every query value is a string as typed in
 * a URL; lists (policy, round, model, subject, source) are comma-separated. The server parses and
 * checks them with the same rules as `redline export` (export-options.ts).
 */
export const EXPORT_KIND_NAMES = ['sft', 'reflection', 'orm', 'prm', 'preference'] as const;
export const EXPORT_FORMAT_NAMES = ['sharegpt', 'openai', 'trl'] as const;
/**
 * Image modes each format's trainer can read, the default first: LLaMA-Factory and TRL read image
 * files (copy); OpenAI's API takes images only as URLs or data URLs (inline). The server's
 * format table (domain/export/formats.ts) uses this very table.
 */
export const FORMAT_IMAGE_MODES: Record<(typeof EXPORT_FORMAT_NAMES)[number], readonly ['copy' | 'inline', ...('copy' | 'inline')[]]> = {
  sharegpt: ['copy'],
  openai: ['inline'],
  trl: ['copy'],
};
export type ExportKindName = (typeof EXPORT_KIND_NAMES)[number];
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

const text = z.string().max(1000).optional();

/** Policy and filters: what the preview and every download share. */
export const ExportFilterQuerySchema = z.object({
  policy: text,
  minAnnotators: text,
  ormMinScore: text,
  ormModel: text,
  valFraction: text,
  seed: text,
  round: text,
  model: text,
  subject: text,
  source: text,
  minAgreement: text,
  /** prm only (the preview applies it to prm). */
  neutral: text,
  /** preference only (the preview applies it to preference). */
  maxPairsPerProblem: text,
});
export type ExportFilterQuery = z.infer<typeof ExportFilterQuerySchema>;

export const ExportQuerySchema = ExportFilterQuerySchema.extend({
  kind: z.string().max(100),
  format: z.string().max(100),
  images: text,
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

export const KindPreviewSchema = z.object({
  records: z.number().int(),
  train: z.number().int(),
  val: z.number().int(),
  /** Solutions left out, per reason (every reason the kind may give, 0 included). */
  leftOut: z.record(z.string(), z.number().int()),
});
export type KindPreview = z.infer<typeof KindPreviewSchema>;

export const ExportPreviewDtoSchema = z.object({
  /** Solutions the filters select. */
  total: z.number().int(),
  byKind: z.object({
    sft: KindPreviewSchema,
    reflection: KindPreviewSchema,
    orm: KindPreviewSchema,
    prm: KindPreviewSchema,
    preference: KindPreviewSchema,
  }),
});
export type ExportPreviewDto = z.infer<typeof ExportPreviewDtoSchema>;

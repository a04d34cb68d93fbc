import type { ExportFilterQuery, ExportPreviewDto, KindPreview } from '../../../shared/schemas/export';
import type { Database } from '../../db/connection';
import { EXPORT_KINDS, type ExportKind } from '../../domain/export/records';
import type { DatasetSink } from './dataset-sink';
import { resolveExportSettings } from './export-options';
import { filterOptionsFromQuery } from './export-query';
import { runExportPass } from './export-pass';
import { countSolutions } from './export-source';

/** A sink that keeps nothing: the pass's tally is the answer. */
const COUNTING_SINK: DatasetSink = { needsText: false, record: async () => {}, images: async () => {} };

/**
 * How many records each kind would yield under one policy and filters (issue 5's preview), by
 * the same passes as a real export (export-pass.ts) into a counting sink: no text is rendered
 * and no image read. Counts do not depend on the format, so sharegpt with copied images stands
 * for all. `neutral` applies to prm and `maxPairsPerProblem` to preference only. Options are
 * all checked before the first pass, so a bad value costs no database read.
 */
export async function previewExport(db: Database, project: { id: number; name: string; overlap: number }, query: ExportFilterQuery): Promise<ExportPreviewDto> {
  const plans = EXPORT_KINDS.map((kind) => {
    const options = filterOptionsFromQuery(project.name, query, kind, 'sharegpt');
    if (kind !== 'prm') delete options.neutral;
    if (kind !== 'preference') delete options.maxPairsPerProblem;
    return { kind, settings: resolveExportSettings(options, project.overlap) };
  });
  const byKind = {} as Record<ExportKind, KindPreview>;
  for (const { kind, settings } of plans) {
    const tally = await runExportPass(db, project.id, settings, COUNTING_SINK);
    const train = tally.records('train');
    const val = tally.records('val');
    byKind[kind] = { records: train + val, train, val, leftOut: tally.leftOut() };
  }
  return { total: await countSolutions(db, project.id, plans[0]!.settings.filter), byKind };
}

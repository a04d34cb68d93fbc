import { resolveJudgment, type MergeResult } from '../../domain/merge/merge';
import type { ExportSettings } from './export-options';
import type { ExportItem } from './export-source';

export const AGREEMENT_LEFT_OUT_REASON = 'below_min_agreement';

export type ExportJudgment = MergeResult | { ok: false; reason: typeof AGREEMENT_LEFT_OUT_REASON };

/**
 * The final judgment (SPEC §4) of one solution under the export's policy, then the
 * `--min-agreement` bar: the share of its submitted annotations agreeing with the final verdict
 * must reach the bar; a solution with no annotations (agreement null) fails any bar.
 */
export function judgeForExport(item: ExportItem, settings: ExportSettings): ExportJudgment {
  const result = resolveJudgment(item.merge, settings.policy);
  if (!result.ok || settings.minAgreement === null) return result;
  if (result.agreement === null || result.agreement < settings.minAgreement) return { ok: false, reason: AGREEMENT_LEFT_OUT_REASON };
  return result;
}

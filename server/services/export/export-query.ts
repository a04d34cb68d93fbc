import type { ExportFilterQuery, ExportQuery } from '../../../shared/schemas/export';
import { AppError } from '../../errors';
import type { ExportOptions } from './export-options';

/**
 * The export routes' query (shared/schemas/export.ts, all strings) → ExportOptions, with the
 * command line's meanings: lists are comma-separated, blanks dropped; numbers must be numbers.
 * Everything else is checked by resolveExportSettings, as for `redline export`.
 */
export function exportOptionsFromQuery(project: string, query: ExportQuery): ExportOptions {
  const options = filterOptionsFromQuery(project, query, query.kind, query.format);
  if (query.images !== undefined && query.images !== '') options.images = query.images;
  return options;
}

export function filterOptionsFromQuery(project: string, query: ExportFilterQuery, kind: string, format: string): ExportOptions {
  const options: ExportOptions = { project, kind, format, outDir: '' };
  const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  if (given(query.policy)) options.sources = list(query.policy);
  if (given(query.minAnnotators)) options.minAnnotators = number(query.minAnnotators, 'minAnnotators');
  if (given(query.ormMinScore)) options.ormMinScore = number(query.ormMinScore, 'ormMinScore');
  if (given(query.ormModel)) options.ormModel = query.ormModel.trim();
  if (given(query.valFraction)) options.valFraction = number(query.valFraction, 'valFraction');
  if (given(query.seed)) options.seed = query.seed;
  if (given(query.round)) options.round = list(query.round).map((text) => whole(text, 'round'));
  if (given(query.model)) options.models = list(query.model);
  if (given(query.subject)) options.subjects = list(query.subject);
  if (given(query.source)) options.problemSources = list(query.source);
  if (given(query.minAgreement)) options.minAgreement = number(query.minAgreement, 'minAgreement');
  if (given(query.neutral)) options.neutral = query.neutral.trim();
  if (given(query.maxPairsPerProblem)) options.maxPairsPerProblem = number(query.maxPairsPerProblem, 'maxPairsPerProblem');
  return options;
}

function list(text: string): string[] {
  return text.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

function number(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new AppError('VALIDATION_FAILED', `${name} needs a number, got "${text}"`);
  return value;
}

function whole(text: string, name: string): number {
  if (!/^\d+$/.test(text)) throw new AppError('VALIDATION_FAILED', `${name} needs whole numbers, got "${text}"`);
  return Number(text);
}

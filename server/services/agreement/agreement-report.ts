import { eq } from 'drizzle-orm';
import type { AgreementFilters, AgreementReport } from '../../../shared/schemas/agreement';
import type { Database } from '../../db/connection';
import { buildAgreementReport } from '../../domain/agreement/build-report';
import type { AgreementData } from '../../domain/agreement/report-data';
import { AppError } from '../../errors';
import { getProject, type ProjectRow } from '../projects';
import { loadAgreementData } from './load-agreement-data';

/** Options as the command line and the query string give them (strings, all optional). */
export interface AgreementRequest {
  project: string;
  round?: string | undefined;
  subject?: string | undefined;
  annotator?: string | undefined;
  /** Default true. */
  bootstrap?: boolean | undefined;
  seed?: string | undefined;
  /** Bootstrap resamples; default 1000. */
  samples?: number | undefined;
  ormModel?: string | undefined;
}

export const DEFAULT_AGREEMENT_SEED = 0;
export const DEFAULT_BOOTSTRAP_SAMPLES = 1000;

/** Checks the options; bad ones are `VALIDATION_FAILED` naming the option (exit 2 / HTTP 400). */
export function resolveAgreementFilters(request: AgreementRequest): AgreementFilters & { ormModel: string | null } {
  const round = request.round === undefined || request.round === '' ? null : integer('round', request.round, 0);
  const seed = request.seed === undefined || request.seed === '' ? DEFAULT_AGREEMENT_SEED : integer('seed', request.seed, 0);
  const bootstrap = request.bootstrap ?? true;
  const samples = request.samples ?? DEFAULT_BOOTSTRAP_SAMPLES;
  if (!Number.isInteger(samples) || samples < 2 || samples > 100_000) {
    throw new AppError('VALIDATION_FAILED', `samples must be an integer from 2 to 100000, got ${samples}`);
  }
  return {
    round,
    subject: request.subject === undefined || request.subject === '' ? null : request.subject,
    annotator: request.annotator === undefined || request.annotator === '' ? null : request.annotator,
    bootstrap,
    seed,
    samples: bootstrap ? samples : 0,
    ormModel: request.ormModel === undefined || request.ormModel === '' ? null : request.ormModel,
  };
}

function integer(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > 2 ** 31 - 1) {
    throw new AppError('VALIDATION_FAILED', `${name} must be a whole number ≥ ${min}, got "${raw}"`);
  }
  return Number(raw);
}

/** The scope's data with the project and the resolved filters (shared with the drill-down). */
export async function loadAgreementScope(
  db: Database,
  request: AgreementRequest,
): Promise<{ project: ProjectRow; filters: ReturnType<typeof resolveAgreementFilters>; data: AgreementData }> {
  const filters = resolveAgreementFilters(request);
  const project = await getProject(db, request.project);
  let annotatorId: number | null = null;
  if (filters.annotator !== null) {
    const [user] = await db.orm.select({ id: db.t.users.id }).from(db.t.users).where(eq(db.t.users.name, filters.annotator)).limit(1);
    if (!user) throw new AppError('USER_NOT_FOUND', `annotator: no user named "${filters.annotator}"`);
    annotatorId = user.id;
  }
  const data = await loadAgreementData(db, {
    projectId: project.id,
    round: filters.round,
    subject: filters.subject,
    annotatorId,
    ormModel: filters.ormModel,
  });
  return { project, filters, data };
}

/** `redline agreement` / `GET /api/projects/:project/agreement`: the report of SPEC §6. */
export async function agreementReport(db: Database, request: AgreementRequest, now: Date): Promise<AgreementReport> {
  const { project, filters, data } = await loadAgreementScope(db, request);
  const { ormModel, ...reported } = filters;
  return buildAgreementReport(data, {
    project: project.name,
    minAnnotators: project.overlap,
    filters: reported,
    ormModel,
    generatedAt: now,
  });
}

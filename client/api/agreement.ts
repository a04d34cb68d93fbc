import {
  AgreementReportSchema,
  DrillDownResponseSchema,
  type AgreementReport,
  type DrillDownResponse,
} from '../../shared/schemas/agreement';
import { call, segment } from './http';

/**
 * The agreement report and its drill-down (lead+). `query` is a ready query string without the
 * leading "?" (features/agreement/agreement-query.ts builds it from the dashboard's filters).
 */

/** GET /api/projects/:project/agreement?round=&subject=&annotator=&bootstrap= (SPEC §6). */
export function getAgreement(project: string, query: string): Promise<AgreementReport> {
  return call('GET', `/api/projects/${segment(project)}/agreement${query ? `?${query}` : ''}`, AgreementReportSchema);
}

/** GET /api/projects/:project/agreement/solutions?cell=…: the solutions behind one dashboard cell (≤ 200 rows). */
export function getAgreementSolutions(project: string, query: string): Promise<DrillDownResponse> {
  return call('GET', `/api/projects/${segment(project)}/agreement/solutions?${query}`, DrillDownResponseSchema);
}

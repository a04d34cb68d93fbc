import { OrmRunDetailDtoSchema, OrmRunListDtoSchema, type OrmRunDetailDto, type OrmRunListDto, type OrmRunStart } from '../../shared/schemas/judge';
import { call, segment } from './http';

/** ORM runs (researcher+): `redline judge` started from the UI, run as a job by the server. */
const base = (project: string) => `/api/projects/${segment(project)}/orm-runs`;

/** The project's recent runs, the default prompt and whether the server holds an API key. */
export function listOrmRuns(project: string): Promise<OrmRunListDto> {
  return call('GET', base(project), OrmRunListDtoSchema);
}

export function startOrmRun(project: string, body: OrmRunStart): Promise<OrmRunDetailDto> {
  return call('POST', base(project), OrmRunDetailDtoSchema, { body });
}

/** Progress, the unparseable replies and the failed requests of one run. */
export function getOrmRun(project: string, id: number): Promise<OrmRunDetailDto> {
  return call('GET', `${base(project)}/${segment(id)}`, OrmRunDetailDtoSchema);
}

/** Stop sending; the requests in flight finish. */
export function cancelOrmRun(project: string, id: number): Promise<OrmRunDetailDto> {
  return call('POST', `${base(project)}/${segment(id)}/cancel`, OrmRunDetailDtoSchema);
}

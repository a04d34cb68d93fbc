import { z } from 'zod';
import { ProjectDtoSchema, QueueNextDtoSchema, type ProjectDto, type QueueNextDto } from '../../shared/schemas/api';
import { call, callOptional, segment } from './http';

const ProjectListSchema = z.object({ projects: z.array(ProjectDtoSchema) });
const ProjectEnvelopeSchema = z.object({ project: ProjectDtoSchema });

/** The projects the caller can see. */
export async function listProjects(): Promise<ProjectDto[]> {
  return (await call('GET', '/api/projects', ProjectListSchema)).projects;
}

export async function getProject(project: string): Promise<ProjectDto> {
  return (await call('GET', `/api/projects/${segment(project)}`, ProjectEnvelopeSchema)).project;
}

/** Leases the caller's next solution; null when nothing is left for them (204). */
export function takeNextSolution(project: string): Promise<QueueNextDto | null> {
  return callOptional('POST', `/api/projects/${segment(project)}/queue/next`, QueueNextDtoSchema, { body: {} });
}

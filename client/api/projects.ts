import { z } from 'zod';
import type { AssignmentStrategy, LabelMode } from '../../shared/constants';
import { ProjectDtoSchema, QueueNextDtoSchema, type ProjectDto, type QueueNextDto } from '../../shared/schemas/api';
import { call, callOptional, segment } from './http';

const ProjectListSchema = z.object({ projects: z.array(ProjectDtoSchema) });
const ProjectEnvelopeSchema = z.object({ project: ProjectDtoSchema });


/** What a lead may set; on create every field but the name is optional (server defaults). */
export interface ProjectSettingsInput {
  overlap?: number;
  mode?: LabelMode;
  assignment?: AssignmentStrategy;
  leaseMinutes?: number;
  taxonomy?: string[];
  guidelines?: string;
  seed?: number;
}

/** The projects the caller can see. */
export async function listProjects(): Promise<ProjectDto[]> {
  return (await call('GET', '/api/projects', ProjectListSchema)).projects;
}

export async function getProject(project: string): Promise<ProjectDto> {
  return (await call('GET', `/api/projects/${segment(project)}`, ProjectEnvelopeSchema)).project;
}

/** POST /api/projects (lead+) → 201; 409 PROJECT_EXISTS when the name is taken. */
export async function createProject(body: ProjectSettingsInput & { name: string }): Promise<ProjectDto> {
  return (await call('POST', '/api/projects', ProjectEnvelopeSchema, { body })).project;
}

/** PATCH /api/projects/:project (lead+): any subset of the settings; the name cannot change. */
export async function updateProject(project: string, body: ProjectSettingsInput): Promise<ProjectDto> {
  return (await call('PATCH', `/api/projects/${segment(project)}`, ProjectEnvelopeSchema, { body })).project;
}

/** Leases the caller's next solution; null when nothing is left for them (204). */
export function takeNextSolution(project: string): Promise<QueueNextDto | null> {
  return callOptional('POST', `/api/projects/${segment(project)}/queue/next`, QueueNextDtoSchema, { body: {} });
}

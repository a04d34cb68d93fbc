import { z } from 'zod';

/** Path parameters shared by several route files. */
export const ProjectParams = z.object({ project: z.string().min(1).max(64) });
export const SolutionParams = z.object({ id: z.coerce.number().int().positive() });

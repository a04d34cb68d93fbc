import { useEffect, useState } from 'react';
import type { ProjectDto } from '../../../shared/schemas/api';
import { getProject } from '../../api/projects';

type Counts = ProjectDto['counts'];

/** Last counts seen per project, so the next solution's header does not flash empty. */
const lastSeen = new Map<string, Counts>();

/**
 * The project's counts (GET /api/projects/:project), fetched when a solution opens (after each
 * submission or skip). Null until the first answer; a failed fetch keeps the last counts.
 */
export function useProjectCounts(project: string): Counts | null {
  const [counts, setCounts] = useState<Counts | null>(() => lastSeen.get(project) ?? null);
  useEffect(() => {
    let cancelled = false;
    getProject(project).then(
      (dto) => {
        lastSeen.set(project, dto.counts);
        if (!cancelled) setCounts(dto.counts);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [project]);
  return counts;
}

import type { Role } from '../../shared/constants';
import type { Database } from '../db/connection';
import { addMembers } from '../services/members';
import { createProject, type ProjectRow } from '../services/projects';
import { addUser, type UserRow } from '../services/users';

export const TEST_PASSWORD = 'correct horse';

export function seedUser(db: Database, name: string, role: Role = 'annotator'): Promise<UserRow> {
  return addUser(db, { name, role, password: TEST_PASSWORD }, null);
}

export interface SeededProject {
  project: ProjectRow;
  /** Solution ids in insertion (= queue) order. */
  solutionIds: number[];
}

/**
 * A project with `problems` problems of `solutionsPerProblem` 3-step solutions each, every one
 * judged WRONG at step 2 by the ORM, and the given members. Written straight to the tables so
 * tests of the queue and annotations do not depend on the importer.
 */
export async function seedProject(
  db: Database,
  opts: { name: string; overlap?: number; problems?: number; solutionsPerProblem?: number; members?: string[] },
): Promise<SeededProject> {
  const project = await createProject(db, opts.name, { overlap: opts.overlap ?? 1 }, null);
  const solutionIds: number[] = [];
  await db.transaction(async (tx) => {
    for (let p = 0; p < (opts.problems ?? 3); p++) {
      const [problem] = await tx.insert(db.t.problems).values({
        projectId: project.id, externalId: `p${p}`, question: `What is $${p} + 1$?`, answer: String(p + 1),
      }).returning();
      for (let s = 0; s < (opts.solutionsPerProblem ?? 1); s++) {
        const [solution] = await tx.insert(db.t.solutions).values({
          projectId: project.id, problemId: problem!.id, externalId: `p${p}-s${s}`, model: 'm', round: s,
          steps: [`We add: $${p} + 1$.`, `So it is $${p + 2}$.`, `The answer is ${p + 2}.`], finalAnswer: String(p + 2),
        }).returning();
        solutionIds.push(solution!.id);
        await tx.insert(db.t.ormJudgments).values({
          solutionId: solution!.id, model: 'orm', status: 'WRONG', errorStep: 'Step 2', errorStepIndex: 1,
          errorAnalysis: 'The sum is wrong.', improvementSuggestion: 'Add again.', score: 0.2,
        });
      }
    }
  });
  if (opts.members?.length) await addMembers(db, opts.name, opts.members, null);
  return { project, solutionIds };
}

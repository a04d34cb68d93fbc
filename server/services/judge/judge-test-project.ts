import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Database } from '../../db/connection';
import { readImageInfo } from '../../domain/import/image-info';
import { createProject } from '../projects';

/** Real diagrams from the shared data (MATH-Vision, MIT), for the image-part tests. */
const IMAGE_DIR = '/work/shared/data/multimodal/images';
export const TEST_IMAGES = ['mathv_183.jpg', 'mathv_233.jpg'].map((file) => {
  const data = readFileSync(`${IMAGE_DIR}/${file}`);
  const info = readImageInfo(data);
  if (!info.ok) throw new Error(`${file}: ${info.reason}`);
  return { file, data, sha256: createHash('sha256').update(data).digest('hex'), ...info.info };
});

/**
 * A project whose solutions each carry a fake-server mode in their question (see
 * server/test/fake-openai-server.ts); solution external ids are `s-<mode>-<i>`. Every solution
 * has three steps. Problems listed in `withImages` show both test images, in order.
 */
export async function seedJudgeProject(
  db: Database,
  name: string,
  modes: readonly string[],
  opts: { withImages?: readonly string[]; round?: (i: number) => number } = {},
): Promise<{ projectId: number; solutionIds: Map<string, number> }> {
  const project = await createProject(db, name, {}, null);
  const solutionIds = new Map<string, number>();
  const t = db.t;
  await db.transaction(async (tx) => {
    for (const image of TEST_IMAGES) {
      await tx.insert(t.images).values({ sha256: image.sha256, mime: image.mime, width: image.width, height: image.height, bytes: image.data.length, data: image.data }).onConflictDoNothing();
    }
    for (const [i, mode] of modes.entries()) {
      const externalId = `s-${mode}-${i}`;
      const [problem] = await tx.insert(t.problems).values({
        projectId: project.id, externalId: `p-${i}`, question: `In the figure, find $x$. (fake-mode:${mode}) #${i}`, answer: '40',
      }).returning();
      if (opts.withImages?.includes(externalId)) {
        for (const [position, image] of TEST_IMAGES.entries()) {
          await tx.insert(t.problemImages).values({ problemId: problem!.id, position, imageSha256: image.sha256 });
        }
      }
      const [solution] = await tx.insert(t.solutions).values({
        projectId: project.id, problemId: problem!.id, externalId, model: 'policy', round: opts.round?.(i) ?? 0,
        steps: ['Since $AB \\parallel CD$, $\\angle 1 = 40^\\circ$.', 'So $x = 50^\\circ$.', 'The answer is 50.'], finalAnswer: '50',
      }).returning();
      solutionIds.set(externalId, solution!.id);
    }
  });
  return { projectId: project.id, solutionIds };
}

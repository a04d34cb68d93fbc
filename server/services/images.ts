import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { AppError } from '../errors';
import type { Principal } from './sessions';

/**
 * An image's bytes, for a caller who can see at least one problem that shows it. Annotators
 * reach only images of their projects; other roles see all projects, hence all images.
 */
export async function readImageForCaller(
  db: Database,
  principal: Principal,
  sha256: string,
): Promise<{ mime: string; data: Buffer }> {
  const { images, problemImages, problems, projectMembers } = db.t;
  const visible =
    principal.role === 'annotator'
      ? sql`EXISTS (SELECT 1 FROM ${problemImages}
          JOIN ${problems} ON ${problems.id} = ${problemImages.problemId}
          JOIN ${projectMembers} ON ${projectMembers.projectId} = ${problems.projectId}
          WHERE ${problemImages.imageSha256} = ${images.sha256} AND ${projectMembers.userId} = ${principal.userId})`
      : sql`TRUE`;
  const [row] = await db.orm
    .select({ mime: images.mime, data: images.data })
    .from(images)
    .where(and(eq(images.sha256, sha256), visible))
    .limit(1);
  if (!row) throw new AppError('IMAGE_NOT_FOUND', `no image ${sha256}`);
  return row;
}

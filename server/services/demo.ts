import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS } from '../../shared/constants';
import type { Database } from '../db/connection';
import { importNativeFile, type ImportSummary } from './import/import-native';
import { addMembers } from './members';
import { createProject, findProject } from './projects';

export { hasAnyProject, isDemoLoaded } from './projects';
import { addUser, findUserByName } from './users';

const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo');

/**
 * `redline demo`: the demo users (password "redline", published — for trying Redline only), the
 * project `demo` (overlap 2, so agreement has something to measure) and the bundled JSONL.
 * Loading twice changes nothing.
 */
export async function loadDemo(db: Database): Promise<{ created: boolean; summary: ImportSummary | null }> {
  for (const user of DEMO_USERS) {
    if (!(await findUserByName(db, user.name))) await addUser(db, { ...user, password: DEMO_PASSWORD }, null);
  }
  const existing = await findProject(db, DEMO_PROJECT);
  if (existing && existing.settings.demo !== true) {
    throw new Error(`a project named "${DEMO_PROJECT}" already exists and is not the demo; the demo was not loaded`);
  }
  if (!existing) {
    const project = await createProject(db, DEMO_PROJECT, {
      overlap: 2,
      guidelines: readFileSync(resolve(DEMO_DIR, 'guidelines.md'), 'utf8'),
    }, null);
    await db.transaction((tx) => tx.update(db.t.projects).set({ settings: { demo: true } }).where(eq(db.t.projects.id, project.id)));
  }
  const summary = await importNativeFile(db, {
    file: resolve(DEMO_DIR, 'demo.jsonl'),
    project: DEMO_PROJECT,
    strict: true,
    actorId: null,
  });
  await addMembers(db, DEMO_PROJECT, DEMO_USERS.map((u) => u.name), null);
  return { created: !existing, summary };
}

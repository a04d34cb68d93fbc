import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { DEMO_AUDIT_PROJECT, DEMO_PASSWORD, DEMO_PROJECT, DEMO_USERS } from '../../shared/constants';
import type { Database } from '../db/connection';
import { importNativeFile, type ImportSummary } from './import/import-native';
import { addMembers } from './members';
import { createProject, findProject } from './projects';

export { hasAnyProject, isDemoLoaded } from './projects';
import { addUser, findUserByName } from './users';

const DEMO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../demo');

/**
 * `redline demo`: the demo users (password "redline", published — for trying Redline only), the
 * project `demo` (overlap 2, so agreement has something to measure) with the bundled JSONL, and
 * the project `demo-audit` (overlap 3): the same lines labelled by three synthetic reviewers
 * (demo/make-audit.ts), so the Agreement and Review pages have something to show; the lead is its
 * member, the annotators are not (their queues are the demo's). Loading twice changes nothing.
 */
export async function loadDemo(db: Database): Promise<{ created: boolean; summary: ImportSummary | null; audit: ImportSummary | null }> {
  for (const user of DEMO_USERS) {
    if (!(await findUserByName(db, user.name))) await addUser(db, { ...user, password: DEMO_PASSWORD }, null);
  }
  const guidelines = readFileSync(resolve(DEMO_DIR, 'guidelines.md'), 'utf8');
  const created = await ensureDemoProject(db, DEMO_PROJECT, 2, guidelines);
  const summary = await importNativeFile(db, { file: resolve(DEMO_DIR, 'demo.jsonl'), project: DEMO_PROJECT, strict: true, actorId: null });
  await addMembers(db, DEMO_PROJECT, DEMO_USERS.map((u) => u.name), null);
  await ensureDemoProject(db, DEMO_AUDIT_PROJECT, 3, guidelines);
  const audit = await importNativeFile(db, { file: resolve(DEMO_DIR, 'demo-audit.jsonl'), project: DEMO_AUDIT_PROJECT, strict: true, actorId: null });
  await addMembers(db, DEMO_AUDIT_PROJECT, DEMO_USERS.filter((u) => u.role === 'lead').map((u) => u.name), null);
  return { created, summary, audit };
}

/** Creates a demo project (marked `settings.demo`) unless it exists; refuses a same-named project that is not the demo's. True when created. */
async function ensureDemoProject(db: Database, name: string, overlap: number, guidelines: string): Promise<boolean> {
  const existing = await findProject(db, name);
  if (existing && existing.settings.demo !== true) {
    throw new Error(`a project named "${name}" already exists and is not the demo; the demo was not loaded`);
  }
  if (existing) return false;
  const project = await createProject(db, name, { overlap, guidelines }, null);
  await db.transaction((tx) => tx.update(db.t.projects).set({ settings: { demo: true } }).where(eq(db.t.projects.id, project.id)));
  return true;
}

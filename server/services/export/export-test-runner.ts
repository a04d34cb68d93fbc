import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Database } from '../../db/connection';
import { exportDataset, type ExportOptions } from './export-dataset';
import { EXPORT_PROJECT, seedExportProject } from './export-test-project';

/**
 * For export test files: seeds export-test-project.ts once (on first use), exports each call into
 * a fresh folder under a scratch dir removed after the file, with the file's default options.
 */
export function useExportRunner(test: { readonly db: Database }, defaults: Partial<ExportOptions>, prefix: string) {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  let seeded: Promise<void> | undefined;
  let outCount = 0;
  const ready = () => (seeded ??= seedExportProject(test.db));
  const run = async (options: Partial<ExportOptions> & Pick<ExportOptions, 'kind'>) => {
    await ready();
    const outDir = join(scratch, `out-${(outCount += 1)}`);
    const summary = await exportDataset(test.db, { project: EXPORT_PROJECT, format: 'sharegpt', outDir, ...defaults, ...options });
    return { outDir, summary };
  };
  return { run, ready, scratch };
}

/**
 * Generates a native JSONL import file for measuring the importer (SPEC §3.1, §9 "memory stays
 * flat"): `npx tsx scripts/gen-native.ts OUT N`. N lines (solutions) of 8 steps with one ORM
 * judgment each; every problem is shared by 2 solutions; every 10th problem has a small PNG,
 * written next to OUT under img/ (each a distinct image, so nothing deduplicates by accident).
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makePng } from '../server/services/import/test-files';

async function main(out: string, count: number): Promise<void> {
  const folder = dirname(out);
  mkdirSync(join(folder, 'img'), { recursive: true });
  const stream = createWriteStream(out);
  for (let i = 0; i < count; i++) {
    const p = Math.floor(i / 2);
    const images: string[] = [];
    if (p % 10 === 0 && i % 2 === 0) {
      const k = p / 10;
      writeFileSync(join(folder, `img/p-${p}.png`), makePng(8 + (k % 50), 8 + (Math.floor(k / 50) % 50), [k & 255, (k >> 8) & 255, (k >> 16) & 255]));
    }
    if (p % 10 === 0) images.push(`img/p-${p}.png`);
    const line = {
      problem: { id: `p-${p}`, question: `In the figure, $AB \\parallel CD$ and $\\angle ${p % 90}^\\circ$. Find $x$ for problem ${p}.`, images, answer: `${p % 180}^\\circ`, subject: 'geometry', source: 'bench' },
      solution: {
        id: `s-${i}`, model: i % 2 ? 'model-b' : 'model-a', round: i % 3,
        steps: Array.from({ length: 8 }, (_, k) => `Step ${k + 1} of solution ${i}: since $\\angle ABC = ${(i + k) % 180}^\\circ$, we have $x = ${k} + \\frac{${i % 7}}{2}$.`),
        finalAnswer: `${(i * 7) % 180}^\\circ`,
      },
      orm: { model: 'mathse-orm-v1', status: i % 3 ? 'WRONG' : 'CORRECT', error_step: `Step ${(i % 8) + 1}`, error_analysis: 'The angle is misread from the diagram.', improvement_suggestion: 'Use the alternate angles.', score: (i % 100) / 100 },
    };
    if (!stream.write(`${JSON.stringify(line)}\n`)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

const [out, n] = process.argv.slice(2);
const count = Number(n);
if (!out || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npx tsx scripts/gen-native.ts OUT N\n');
  process.exitCode = 2;
} else {
  await main(out, count);
}

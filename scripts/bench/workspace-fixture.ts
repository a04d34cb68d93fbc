import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * One heavy solution for the workspace benchmark: 60 steps dense with LaTeX (fractions, sums,
 * integrals, matrices, a display block every fifth step) on a problem with two diagrams.
 */
export function writeHeavySolution(dir: string, repoRoot: string): string {
  mkdirSync(join(dir, 'images'), { recursive: true });
  for (const name of ['mathv_183.jpg', 'mathv_261.jpg']) {
    copyFileSync(resolve(repoRoot, 'demo/images', name), join(dir, 'images', name));
  }
  const steps = Array.from({ length: 60 }, (_, i) => {
    const k = i + 1;
    const inline = `Let $a_{${k}} = \\frac{${k}}{${k + 1}}$ and $S_{${k}} = \\sum_{j=1}^{${k}} \\frac{1}{j^2} \\approx ${(1.6449 - 1 / k).toFixed(4)}$, `
      + `so \\(\\int_0^{${k}} x^2\\,dx = \\frac{${k}^3}{3}\\) and $\\sqrt{${k}^2 + ${k}} < ${k} + \\tfrac12$.`;
    const display = k % 5 === 0
      ? `\n$$\\begin{pmatrix} ${k} & 1 \\\\ 0 & ${k} \\end{pmatrix}^{n} = \\begin{pmatrix} ${k}^n & n\\,${k}^{n-1} \\\\ 0 & ${k}^n \\end{pmatrix}$$`
      : '';
    return inline + display;
  });
  const line = {
    problem: {
      id: 'heavy-1', question: 'In the figures, compute $\\lim_{n\\to\\infty} \\sum_{k=1}^{n} \\frac{1}{k^2}$ and justify each step.',
      images: ['images/mathv_183.jpg', 'images/mathv_261.jpg'], answer: '\\frac{\\pi^2}{6}',
    },
    solution: { id: 'heavy-1-a', model: 'bench', round: 0, steps, finalAnswer: '\\frac{\\pi^2}{6}' },
    orm: { model: 'orm', status: 'WRONG', error_step: 'Step 12', error_analysis: 'The bound $\\sqrt{k^2+k} < k + \\tfrac12$ is used without proof.', score: 0.3 },
  };
  const file = join(dir, 'heavy.jsonl');
  writeFileSync(file, `${JSON.stringify(line)}\n`);
  return file;
}

import type { Command } from 'commander';
import type { AgreementReport, AgreementStat } from '../../shared/schemas/agreement';
import { AppError } from '../errors';
import { agreementReport, resolveAgreementFilters, type AgreementRequest } from '../services/agreement/agreement-report';
import { createOutput, UsageError } from './output';
import { withDatabase } from './with-database';

interface AgreementFlags {
  project: string;
  round?: string;
  subject?: string;
  annotator?: string;
  bootstrap: boolean;
  seed?: string;
  ormModel?: string;
  json?: boolean;
}

/**
 * `redline agreement` (SPEC §6, §7): the agreement report of a project — annotators with each
 * other, the ORM with humans, per round. `--json` prints the report (the same document as
 * `GET /api/projects/:project/agreement`); otherwise a readable summary.
 */
export function registerAgreementCommand(program: Command): void {
  program
    .command('agreement')
    .description('agreement report: annotators with each other, the ORM with humans, per round')
    .requiredOption('--project <name>', 'project to report on')
    .option('--round <n>', 'only solutions of this round')
    .option('--subject <s>', 'only problems with this subject')
    .option('--annotator <name>', 'only solutions this annotator submitted, and pairs involving them')
    .option('--no-bootstrap', 'skip the 95% bootstrap intervals (faster)')
    .option('--seed <s>', 'seed of the bootstrap (a whole number; default 0)')
    .option('--orm-model <name>', 'compare this ORM model instead of the latest judgment per solution')
    .option('--json', 'print the report as one JSON object on stdout and nothing else there')
    .action(async (flags: AgreementFlags) => {
      const output = createOutput(Boolean(flags.json));
      const request: AgreementRequest = {
        project: flags.project,
        round: flags.round,
        subject: flags.subject,
        annotator: flags.annotator,
        bootstrap: flags.bootstrap,
        seed: flags.seed,
        ormModel: flags.ormModel,
      };
      // Bad options are reported before the database is opened.
      await checkUsage(() => resolveAgreementFilters(request));
      const report = await checkUsage(() => withDatabase((db) => agreementReport(db, request, new Date())));
      output.result(report);
      output.say(summarise(report));
    });
}

async function checkUsage<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION_FAILED') throw new UsageError(error.message);
    throw error;
  }
}

const num = (x: number | null, digits = 3): string => (x === null ? '—' : x.toFixed(digits));
const pct = (x: number | null): string => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
const stat = (s: AgreementStat): string => `${num(s.value)}${s.ci95 ? ` [${num(s.ci95[0])}, ${num(s.ci95[1])}]` : ''} (n=${s.n})`;

/** Left-aligned columns separated by two spaces. */
function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The readable summary: one block per section of the report. */
export function summarise(r: AgreementReport): string {
  const f = r.filters;
  const scope = [f.round === null ? null : `round ${f.round}`, f.subject === null ? null : `subject ${f.subject}`, f.annotator === null ? null : `annotator ${f.annotator}`]
    .filter((x) => x !== null)
    .join(', ');
  const o = r.ormVsHuman;
  return [
    `Agreement — project ${r.project}${scope ? ` (${scope})` : ''}; ${f.bootstrap ? `95% bootstrap intervals, ${f.samples} resamples, seed ${f.seed}` : 'no bootstrap'}`,
    '',
    `Verdicts (${r.verdict.items} solutions with ≥ 2 verdicts)`,
    table(['statistic', 'value [95% CI] (units)'], [
      ['percent agreement', stat(r.verdict.percentAgreement)],
      [`Fleiss' kappa (k=${r.verdict.fleissKappa.raters ?? '—'})`, stat(r.verdict.fleissKappa)],
      ["Krippendorff's alpha", stat(r.verdict.krippendorffAlpha)],
      ...r.verdict.cohenKappa.map((c) => [`Cohen's kappa ${c.a} × ${c.b}`, stat(c)]),
    ]),
    '',
    `First error step (${r.firstErrorStep.items} solutions ≥ 2 called incorrect): exact ${pct(r.firstErrorStep.exact)}, within one ${pct(r.firstErrorStep.withinOne)}`,
    `  alpha nominal ${stat(r.firstErrorStep.alphaNominal)}; interval ${stat(r.firstErrorStep.alphaInterval)}`,
    `Step ratings alpha (interval): ${stat(r.stepRatings.alpha)}`,
    `Error type alpha (nominal): ${stat(r.errorType.alpha)}`,
    '',
    `ORM vs humans (reference ${o.reference}${o.ormModel ? `, ORM ${o.ormModel}` : ''})`,
    table(['round', 'items', 'h✓ o✓', 'h✓ o✗', 'h✗ o✓', 'h✗ o✗', 'accuracy', 'precision', 'recall', 'F1', 'step match', 'PB F1'], [o, ...o.byRound].map((x) => [
      'round' in x ? String(x.round) : 'all',
      String(x.items),
      String(x.confusion.correct.correct),
      String(x.confusion.correct.incorrect),
      String(x.confusion.incorrect.correct),
      String(x.confusion.incorrect.incorrect),
      pct(x.accuracy),
      pct(x.precisionWrong),
      pct(x.recallWrong),
      num(x.f1Wrong),
      pct(x.firstErrorStepMatch),
      num(x.processBenchF1),
    ])),
    '',
    'Annotators',
    table(['name', 'items', 'median time', 'with gold', 'with consensus', 'QC accuracy'], r.annotators.map((a) => [
      a.name,
      String(a.items),
      a.medianTimeMs === null ? '—' : `${(a.medianTimeMs / 1000).toFixed(1)} s`,
      stat(a.agreementWithGold),
      stat(a.agreementWithConsensus),
      pct(a.qcAccuracy),
    ])),
    ...(r.roundTransitions.length === 0 ? [] : [
      '',
      'Round transitions (problems; correct = at least one solution finally correct)',
      table(['rounds', 'problems', 'c→c', 'c→i', 'i→c', 'i→i'], r.roundTransitions.map((t) => [
        `${t.from}→${t.to}`, String(t.problems), String(t.correctToCorrect), String(t.correctToIncorrect), String(t.incorrectToCorrect), String(t.incorrectToIncorrect),
      ])),
    ]),
  ].join('\n');
}

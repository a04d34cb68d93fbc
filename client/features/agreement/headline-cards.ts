import type { AgreementReport, AgreementStat } from '../../../shared/schemas/agreement';
import { DASH, formatCi, formatCoefficient, formatN, formatPercent, krippendorffBand, landisKochBand } from './stat-format';

/**
 * The headline cards of the dashboard, as plain data: a value, its interval and n, and one line
 * that says what the number means. Pure, so every reading is tested without a browser.
 */

export interface HeadlineCard {
  id: string;
  label: string;
  /** The formatted value; "—" when undefined for the data. */
  value: string;
  /** True when `value` is "—" because the statistic is undefined (the card shows the hint). */
  undefined: boolean;
  /** "95% CI …", or null (no bootstrap, or undefined). */
  ci: string | null;
  n: string;
  /** The line under the value: the interval (or why there is none) and n. */
  meta: string;
  reading: string;
}

type CardFigures = Omit<HeadlineCard, 'meta'>;

/** Kappas and alphas have bootstrap intervals; plain ratios (accuracy, F1, exact match) do not. */
function withMeta(card: CardFigures, hasInterval: boolean, bootstrap: boolean): HeadlineCard {
  const why = hasInterval && !bootstrap && !card.undefined ? 'no interval (bootstrap off)' : null;
  return { ...card, meta: [card.ci ?? why, card.n].filter((part) => part !== null).join(' · ') };
}

type Unit = 'coefficient' | 'percent';

function statCard(id: string, label: string, stat: AgreementStat, as: Unit, reading: string, unit = 'item'): CardFigures {
  const value = as === 'percent' ? formatPercent(stat.value) : formatCoefficient(stat.value);
  return { id, label, value, undefined: value === DASH, ci: formatCi(stat.ci95, as), n: formatN(stat.n, unit), reading };
}

function ratioCard(id: string, label: string, value: number | null, n: number, reading: string, unit = 'item'): CardFigures {
  const text = formatPercent(value);
  return { id, label, value: text, undefined: text === DASH, ci: null, n: formatN(n, unit), reading };
}

const UNDEFINED_READING = 'Not enough data to say.';

function kappaReading(value: number | null): string {
  const band = landisKochBand(value);
  return band ? `Landis & Koch: ${band} agreement beyond chance.` : UNDEFINED_READING;
}

function alphaReading(value: number | null, what: string): string {
  const band = krippendorffBand(value);
  return band ? `Krippendorff's bands for ${what}: ${band}.` : UNDEFINED_READING;
}

const REFERENCE_WORDS: Record<AgreementReport['ormVsHuman']['reference'], string> = {
  gold: 'the gold labels',
  consensus: 'the annotators’ consensus',
  'gold+consensus': 'gold, else the annotators’ consensus',
};

export function headlineCards(report: AgreementReport): HeadlineCard[] {
  const { verdict, firstErrorStep: fes, ormVsHuman: orm } = report;
  const fleiss = verdict.fleissKappa;
  const firstError: CardFigures = {
    id: 'first-error',
    label: 'First wrong step: exact / within one',
    value: `${formatPercent(fes.exact)} / ${formatPercent(fes.withinOne)}`,
    undefined: fes.exact === null && fes.withinOne === null,
    ci: null,
    n: formatN(fes.items),
    reading: fes.exact === null
      ? UNDEFINED_READING
      : `Of solutions two or more annotators called incorrect, the share naming the same step (or one apart).`,
  };
  const bootstrap = report.filters.bootstrap;
  const withInterval = (card: CardFigures) => withMeta(card, true, bootstrap);
  const without = (card: CardFigures) => withMeta(card, false, bootstrap);
  const agreement = withInterval(statCard('percent-agreement', 'Verdict agreement', verdict.percentAgreement, 'percent',
    verdict.percentAgreement.value === null ? UNDEFINED_READING : 'Share of annotator pairs giving the same verdict; not corrected for chance.'));
  const fleissCard = withInterval(statCard('fleiss-kappa', `Fleiss' κ${fleiss.raters === null ? '' : ` (${fleiss.raters} raters)`}`, fleiss,
    'coefficient', kappaReading(fleiss.value)));
  const alpha = withInterval(statCard('krippendorff-alpha', "Krippendorff's α (verdict)", verdict.krippendorffAlpha, 'coefficient',
    alphaReading(verdict.krippendorffAlpha.value, 'verdicts')));
  const stepRatings = withInterval(statCard('step-ratings-alpha', 'Step ratings α (interval)', report.stepRatings.alpha, 'coefficient',
    alphaReading(report.stepRatings.alpha.value, 'step ratings'), 'step'));
  const errorType = withInterval(statCard('error-type-alpha', 'Error type α', report.errorType.alpha, 'coefficient',
    alphaReading(report.errorType.alpha.value, 'error types')));
  const accuracy = without(ratioCard('orm-accuracy', 'ORM accuracy', orm.accuracy, orm.items,
    orm.accuracy === null ? UNDEFINED_READING : `The ORM's verdict matches ${REFERENCE_WORDS[orm.reference]} this often.`, 'solution'));
  const processBench = without(ratioCard('processbench-f1', 'ProcessBench F1', orm.processBenchF1, orm.items,
    orm.processBenchF1 === null
      ? UNDEFINED_READING
      : 'Harmonic mean of the ORM’s accuracy on wrong solutions (exact first wrong step) and on correct ones.', 'solution'));
  return [agreement, fleissCard, alpha, without(firstError), stepRatings, errorType, accuracy, processBench];
}

/** True when the report has nothing to show: no annotation, no compared solution, no QC answer counted. */
export function isEmptyReport(report: AgreementReport): boolean {
  return report.verdict.items === 0 && report.ormVsHuman.items === 0 && report.annotators.every((a) => a.items === 0) && report.qc.length === 0;
}

import { DASH, UNDEFINED_HINT } from './stat-format';

/** A formatted figure; "—" carries the hint that the statistic is undefined for these data (not 0). */
export function StatValue({ text }: { text: string }) {
  if (text !== DASH) return <>{text}</>;
  return (
    <abbr className="undefined-stat" title={UNDEFINED_HINT} aria-label={UNDEFINED_HINT}>
      {DASH}
    </abbr>
  );
}

import type { AgreementReport } from '../../../shared/schemas/agreement';
import { headlineCards } from './headline-cards';
import { StatValue } from './StatValue';

/** The figures a lead reads first, each with its interval, n and what it means. */
export function HeadlineCards({ report }: { report: AgreementReport }) {
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="visually-hidden">Headline figures</h2>
      <div className="headline-cards">
        {headlineCards(report).map((card) => (
          <article key={card.id} className="headline-card" aria-labelledby={`card-${card.id}`}>
            <h3 id={`card-${card.id}`}>{card.label}</h3>
            <p className="headline-value">
              <StatValue text={card.value} />
            </p>
            <p className="headline-meta">{card.meta}</p>
            <p className="headline-reading">{card.reading}</p>
          </article>
        ))}
      </div>
    </section>
  );
}

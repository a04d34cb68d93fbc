import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { REVIEW_REASONS, type ReviewItemDto, type ReviewReason } from '../../../shared/schemas/api';
import { describeError } from '../../api/api-error';
import { getReviewCounts, getReviewQueue } from '../../api/review';
import { Link } from '../../app/Link';
import { ProjectNav } from '../../app/ProjectNav';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import { REASON_LABELS } from './review-text';
import './review.css';

const PAGE_SIZE = 50;
type Status = 'open' | 'adjudicated';

/**
 * /projects/:project/review (lead+): the solutions that need a lead — split verdicts, different
 * first wrong steps, consensus against the ORM, unsure flags, unclear ORM steps — open or
 * adjudicated, filtered by reason and round, 50 at a time. j/k move between items.
 */
export function ReviewQueuePage({ project }: { project: string }) {
  const [status, setStatus] = useState<Status>('open');
  const [reason, setReason] = useState<ReviewReason | null>(null);
  const [round, setRound] = useState('');
  const roundNumber = /^\d+$/.test(round) ? Number(round) : undefined;
  const key = `${project}|${status}|${reason ?? ''}|${roundNumber ?? ''}`;
  const list = useRemote(
    () => getReviewQueue(project, { status, reason: reason ?? undefined, round: roundNumber, limit: PAGE_SIZE }),
    key,
  );
  // Counts cover the whole project and take longer than a page: asked for apart, once the first
  // page is there (a SQLite server answers one query at a time), shown when they come.
  const [refreshes, setRefreshes] = useState(0);
  const listed = list.data !== null;
  const counts = useRemote(
    () => (listed ? getReviewCounts(project, { status, round: roundNumber }) : new Promise<never>(() => undefined)),
    `${project}|${status}|${roundNumber ?? ''}|${refreshes}|${listed}`,
  );
  const [more, setMore] = useState<{ key: string; items: ReviewItemDto[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more?.key === key ? more : null;
  const items = [...(list.data?.items ?? []), ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : (list.data?.nextCursor ?? null);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getReviewQueue(project, { status, reason: reason ?? undefined, round: roundNumber, limit: PAGE_SIZE, cursor });
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (error) {
      setMoreError(describeError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <main className="page review-page">
      <ProjectNav project={project} current="Review" />
      <div className="page-head">
        <h1>Review of {project}</h1>
        <button type="button" onClick={() => { list.reload(); setRefreshes((n) => n + 1); }} disabled={list.loading}>
          Refresh
        </button>
        <span className="muted" role="status">
          {list.loading ? 'Loading…' : ''}
        </span>
      </div>
      <p className="muted">
        Solutions whose labels need a lead. Open one to compare the annotators with the ORM and save the gold judgment.
      </p>

      <div className="review-filters">
        <div role="group" aria-label="Status" className="segmented">
          <StatusButton label="Open" value="open" count={counts.data?.open} current={status} onPick={setStatus} />
          <StatusButton label="Adjudicated" value="adjudicated" count={counts.data?.adjudicated} current={status} onPick={setStatus} />
        </div>
        <div role="group" aria-label="Reason" className="reason-filters">
          <button type="button" aria-pressed={reason === null} onClick={() => setReason(null)}>
            All reasons
          </button>
          {REVIEW_REASONS.map((r) => (
            <button key={r} type="button" aria-pressed={reason === r} onClick={() => setReason(reason === r ? null : r)}>
              {REASON_LABELS[r]} <span className="count">{counts.data?.byReason[r] ?? '–'}</span>
            </button>
          ))}
        </div>
        <label className="round-filter">
          Round{' '}
          <input type="number" min={0} inputMode="numeric" value={round} placeholder="any" onChange={(e) => setRound(e.target.value)} />
        </label>
      </div>

      {list.error && <p role="alert">Could not load the review queue: {list.error}</p>}
      {list.data && <ReviewTable project={project} items={items} status={status} />}
      {cursor && (
        <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Show more'}
        </button>
      )}
      {moreError && <p role="alert">Could not load more: {moreError}</p>}
    </main>
  );
}

function StatusButton(props: { label: string; value: Status; count: number | undefined; current: Status; onPick: (s: Status) => void }) {
  return (
    <button type="button" aria-pressed={props.current === props.value} onClick={() => props.onPick(props.value)}>
      {props.label} <span className="count">{props.count ?? '–'}</span>
    </button>
  );
}

function ReviewTable({ project, items, status }: { project: string; items: ReviewItemDto[]; status: Status }) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  // j/k (or arrow keys) move between the items' links, as in the annotate screens.
  const onKeyDown = (e: ReactKeyboardEvent<HTMLTableSectionElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.key === 'j' || e.key === 'ArrowDown' ? 1 : e.key === 'k' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    const links = [...(bodyRef.current?.querySelectorAll<HTMLAnchorElement>('a.review-item-link') ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[Math.max(0, Math.min(links.length - 1, at + step))];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };
  useFirstLinkFocusKey(bodyRef);

  if (items.length === 0) {
    return <p className="empty-note">{status === 'open' ? 'Nothing needs a lead here.' : 'Nothing adjudicated yet.'}</p>;
  }
  return (
    <table className="data-table review-table">
      <caption className="muted">
        {items.length} shown · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open
      </caption>
      <thead>
        <tr>
          <th scope="col">Solution</th>
          <th scope="col">Problem</th>
          <th scope="col">Round</th>
          <th scope="col">Why</th>
          <th scope="col">Annotators</th>
          <th scope="col">Adjudicated</th>
        </tr>
      </thead>
      <tbody ref={bodyRef} onKeyDown={onKeyDown}>
        {items.map((item) => (
          <tr key={item.solutionId} data-solution={item.externalId}>
            <th scope="row">
              <Link className="review-item-link" href={paths.adjudicate(project, item.solutionId)}>
                {item.externalId}
              </Link>
            </th>
            <td>{item.problemExternalId}</td>
            <td>{item.round}</td>
            <td>
              <ul className="reason-list" aria-label="Reasons">
                {item.reasons.map((r) => (
                  <li key={r} className={`badge reason-${r}`}>
                    {REASON_LABELS[r]}
                  </li>
                ))}
              </ul>
            </td>
            <td>{item.annotators}</td>
            <td>{item.adjudicated ? `by ${item.adjudicator ?? 'someone'}${item.qc ? ' · QC' : ''}` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "j" pressed anywhere on the page (not in a field) focuses the first item. */
function useFirstLinkFocusKey(bodyRef: RefObject<HTMLTableSectionElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'j' || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, select, [contenteditable]') || bodyRef.current?.contains(target))) return;
      const first = bodyRef.current?.querySelector<HTMLAnchorElement>('a.review-item-link');
      if (first) {
        e.preventDefault();
        first.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bodyRef]);
}

import { useState } from 'react';
import { DEFAULT_FILTERS, type AgreementFilters } from './agreement-query';
import type { FilterChoices } from './filter-choices';

/** Round, subject, annotator and the bootstrap switch. Menus apply at once; the subject applies on Enter or Apply. */
export function FiltersBar({ filters, choices, onChange }: {
  filters: AgreementFilters;
  choices: FilterChoices;
  onChange: (next: AgreementFilters) => void;
}) {
  const [subject, setSubject] = useState(filters.subject ?? '');
  // A filter set from elsewhere (Clear) shows in the box too: adjust state while rendering.
  const [shownSubject, setShownSubject] = useState(filters.subject);
  if (shownSubject !== filters.subject) {
    setShownSubject(filters.subject);
    setSubject(filters.subject ?? '');
  }
  const applySubject = () => {
    const next = subject.trim() === '' ? null : subject.trim();
    if (next !== filters.subject) onChange({ ...filters, subject: next });
  };
  const filtered = filters.round !== null || filters.subject !== null || filters.annotator !== null;

  return (
    <form
      className="agreement-filters"
      aria-label="Agreement filters"
      onSubmit={(event) => {
        event.preventDefault();
        applySubject();
      }}
    >
      <div className="field">
        <label htmlFor="agreement-round">Round</label>
        <select
          id="agreement-round"
          value={filters.round === null ? '' : String(filters.round)}
          onChange={(e) => onChange({ ...filters, round: e.target.value === '' ? null : Number(e.target.value) })}
        >
          <option value="">All rounds</option>
          {choices.rounds.map((r) => <option key={r} value={r}>Round {r}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="agreement-subject">Subject</label>
        <span className="inline-form tight">
          <input id="agreement-subject" value={subject} onChange={(e) => setSubject(e.target.value)} placeholder="All subjects" />
          <button type="submit">Apply</button>
        </span>
      </div>
      <div className="field">
        <label htmlFor="agreement-annotator">Annotator</label>
        <select
          id="agreement-annotator"
          value={filters.annotator ?? ''}
          onChange={(e) => onChange({ ...filters, annotator: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">All annotators</option>
          {choices.annotators.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={filters.bootstrap} onChange={(e) => onChange({ ...filters, bootstrap: e.target.checked })} />
        95% intervals (bootstrap; slower)
      </label>
      {filtered && (
        <button type="button" onClick={() => onChange({ ...DEFAULT_FILTERS, bootstrap: filters.bootstrap })}>
          Clear filters
        </button>
      )}
    </form>
  );
}

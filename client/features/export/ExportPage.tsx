import { useEffect, useState } from 'react';
import type { ExportPreviewDto } from '../../../shared/schemas/export';
import { describeError } from '../../api/api-error';
import { getExportPreview } from '../../api/export';
import { Link } from '../../app/Link';
import { paths } from '../../app/routes';
import './export.css';
import { DEFAULT_FORM, previewUrl, type ExportForm, type NeutralChoice } from './export-query';
import { PolicyFields } from './PolicyFields';
import { PreviewTable } from './PreviewTable';
import { TextField } from './TextField';

/** Wait this long after the last change before asking for a new preview (ms). */
const PREVIEW_DEBOUNCE_MS = 400;

interface Preview {
  /** The preview URL this answer is for; a different current URL means it is being refreshed. */
  url: string;
  data: ExportPreviewDto | null;
  error: string | null;
}

/** /projects/:project/export (researcher+): choose policy and filters, see the counts, download zips. */
export function ExportPage({ project }: { project: string }) {
  const [form, setForm] = useState<ExportForm>(DEFAULT_FORM);
  const [preview, setPreview] = useState<Preview>({ url: '', data: null, error: null });
  const url = previewUrl(project, form);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      getExportPreview(url).then(
        (data) => !cancelled && setPreview({ url, data, error: null }),
        (cause: unknown) => !cancelled && setPreview((p) => ({ url, data: p.data, error: describeError(cause) })),
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [url]);

  const set = (field: keyof ExportForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const ormOn = form.policy.some((p) => p.source === 'orm' && p.on);
  const current = preview.url === url;

  return (
    <main className="page export-page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link href={paths.projects()}>Projects</Link> / <span>{project}</span>
      </nav>
      <div className="page-head">
        <h1>Export {project}</h1>
        <span className="muted" role="status">
          {!current ? 'Counting…' : preview.data ? `${preview.data.total} solutions match the filters` : ''}
        </span>
      </div>
      <form className="options-form export-form" onSubmit={(e) => e.preventDefault()} aria-label="Export options">
        <PolicyFields form={form} onChange={setForm} />
        <fieldset>
          <legend>Judgments</legend>
          <div className="field-row">
            <TextField id="export-min-annotators" label="Min annotators" value={form.minAnnotators} onChange={set('minAnnotators')} inputMode="numeric" hint="blank: the project’s overlap" />
            <TextField id="export-orm-min-score" label="ORM min score" value={form.ormMinScore} onChange={set('ormMinScore')} inputMode="decimal" hint={ormOn ? '0–1, blank: any' : 'turn on orm to use'} disabled={!ormOn} />
            <TextField id="export-min-agreement" label="Min agreement" value={form.minAgreement} onChange={set('minAgreement')} inputMode="decimal" hint="0–1, blank: no bar" />
          </div>
        </fieldset>
        <fieldset>
          <legend>Filters (comma-separated; blank: all)</legend>
          <div className="field-row">
            <TextField id="export-rounds" label="Rounds" value={form.rounds} onChange={set('rounds')} hint="e.g. 1,2" />
            <TextField id="export-models" label="Models" value={form.models} onChange={set('models')} />
            <TextField id="export-subjects" label="Subjects" value={form.subjects} onChange={set('subjects')} />
            <TextField id="export-sources" label="Problem sources" value={form.problemSources} onChange={set('problemSources')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>Split and kind options</legend>
          <div className="field-row">
            <TextField id="export-val-fraction" label="Val fraction" value={form.valFraction} onChange={set('valFraction')} inputMode="decimal" hint="share of problems in val" />
            <TextField id="export-seed" label="Seed" value={form.seed} onChange={set('seed')} />
            <div className="field">
              <label htmlFor="export-neutral">Neutral steps (prm)</label>
              <select id="export-neutral" value={form.neutral} onChange={(e) => setForm((f) => ({ ...f, neutral: e.target.value as NeutralChoice }))}>
                <option value="false">false</option>
                <option value="true">true</option>
                <option value="drop">drop</option>
              </select>
            </div>
            <TextField id="export-max-pairs" label="Max pairs (preference)" value={form.maxPairsPerProblem} onChange={set('maxPairsPerProblem')} inputMode="numeric" />
          </div>
        </fieldset>
      </form>
      {preview.error && current && <p role="alert">These options are refused: {preview.error}</p>}
      <PreviewTable project={project} form={form} preview={preview.data} downloadable={current && preview.error === null} />
      <p className="muted">
        Each zip holds train.jsonl, val.jsonl, provenance.jsonl, images/, the format’s files and manifest.json. Images: copied for
        sharegpt and trl, inlined for openai.
      </p>
    </main>
  );
}

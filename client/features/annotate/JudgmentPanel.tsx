import type { AnnotationStatus } from '../../../shared/schemas/annotation';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { appStore, useAppStore } from '../../store/app-store';
import type { ActiveTimer } from './active-timer';
import { ConflictNotice } from './ConflictNotice';
import { judgmentFromOrm } from './judgment-text';
import { JudgmentForm } from './JudgmentForm';
import { OrmJudgment } from './OrmJudgment';
import { saveAnnotation } from './save-annotation';
import { saveStatusText } from './save-status';

interface JudgmentPanelProps {
  view: SolutionViewDto;
  timer: ActiveTimer;
  /** Called after the server stored a submission: go on to the next solution. */
  onSubmitted: () => void;
}

/** Right column: the ORM's judgment, the annotator's form, and saving. */
export function JudgmentPanel({ view, timer, onSubmitted }: JudgmentPanelProps) {
  const draft = useAppStore((s) => s.draft);
  const editDraft = useAppStore((s) => s.editDraft);
  const adoptServerVersion = useAppStore((s) => s.adoptServerVersion);
  const noteSubmitted = useAppStore((s) => s.noteSubmitted);
  const { solution, orm } = view;
  const stepCount = solution.steps.length;
  const context = { stepCount, taxonomy: view.project.taxonomy };
  const busy = draft.save.kind === 'saving';
  const firstOrm = orm[0];

  const save = async (status: AnnotationStatus, overwrite = false) => {
    const stored = await saveAnnotation(appStore, timer, { status, context, overwrite });
    if (stored && status === 'submitted') {
      noteSubmitted(solution.id, solution.externalId);
      onSubmitted();
    }
  };

  return (
    <section className="column judgment-column" aria-labelledby="judgment-heading">
      <h2 id="judgment-heading">Judgment</h2>
      <div className="orm-list">
        {orm.length === 0 && <p className="muted">No ORM judgment for this solution.</p>}
        {orm.map((judgment, index) => (
          <OrmJudgment key={`${judgment.model}-${index}`} judgment={judgment} />
        ))}
      </div>
      <button
        type="button"
        onClick={() => firstOrm && editDraft(judgmentFromOrm(firstOrm, stepCount))}
        disabled={!firstOrm}
      >
        Accept ORM judgment
      </button>

      <form className="judgment" onSubmit={(e) => e.preventDefault()}>
        <JudgmentForm solutionId={solution.id} stepCount={stepCount} taxonomy={view.project.taxonomy} />

        {/* Sticky, so what a click on Submit says is always in view. */}
        <div className="save-area">
          {draft.save.kind === 'invalid' && (
            <div className="problems" role="alert">
              <p>Not saved — please fix:</p>
              <ul>
                {draft.save.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
          {draft.save.kind === 'failed' && (
            <p className="form-error" role="alert">
              Could not save: {draft.save.message}
            </p>
          )}
          {draft.save.kind === 'conflict' && (
            <ConflictNotice
              current={draft.save.current}
              busy={busy}
              onLoadServer={adoptServerVersion}
              onOverwrite={() => draft.save.kind === 'conflict' && save(draft.save.attempted, true)}
            />
          )}

          <div className="save-bar">
            <button type="button" onClick={() => save('draft')} disabled={busy}>
              Save draft
            </button>
            <button type="button" className="primary" onClick={() => save('submitted')} disabled={busy}>
              Submit
            </button>
            <span className="save-status" role="status">
              {saveStatusText(draft)}
            </span>
          </div>
        </div>
      </form>
    </section>
  );
}

import { memo } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import type { WorkspaceCommands } from '../workspace/shortcuts';
import { COLUMN_IDS } from '../workspace/WorkspaceColumns';
import { ormFlaggedStep, primaryOrm } from './judgment-text';
import { CorrectedSolutionField } from './CorrectedSolutionField';
import { JudgmentForm } from './JudgmentForm';
import { OrmJudgment } from './OrmJudgment';
import { SaveArea } from './SaveArea';
import type { FinishActions, FinishState } from './use-finish-solution';

interface JudgmentPanelProps {
  view: SolutionViewDto;
  commands: WorkspaceCommands;
  finish: FinishActions;
  finishing: FinishState;
}

/** Right column: the ORM's judgment, "Accept ORM judgment", the annotator's form, saving. */
export const JudgmentPanel = memo(function JudgmentPanel({ view, commands, finish, finishing }: JudgmentPanelProps) {
  const { solution, orm } = view;
  const primary = primaryOrm(orm);
  const flagged = ormFlaggedStep(primary);

  return (
    <section className="column judgment-column" id={COLUMN_IDS.judgment} aria-labelledby="judgment-heading">
      <div className="column-inner">
        <h2 id="judgment-heading">Judgment</h2>
        <div className="orm-list">
          {orm.length === 0 && <p className="muted">No ORM judgment for this solution.</p>}
          {orm.map((judgment, index) => (
            <OrmJudgment
              key={`${judgment.model}-${index}`}
              judgment={judgment}
              primary={judgment === primary && orm.length > 1}
              analysisAtStep={judgment === primary && flagged !== null && flagged < solution.steps.length ? flagged : null}
            />
          ))}
        </div>
        <button
          type="button"
          className="accept-orm"
          onClick={commands.acceptOrm}
          disabled={!primary}
          title="Fill the form with the ORM's verdict, step, analysis and suggestion (a); one Undo takes it back"
          aria-keyshortcuts="a"
        >
          Accept ORM judgment
        </button>

        <form className="judgment" onSubmit={(e) => e.preventDefault()}>
          <JudgmentForm solutionId={solution.id} stepCount={solution.steps.length} taxonomy={view.project.taxonomy} />
          <CorrectedSolutionField steps={solution.steps} />
          <SaveArea finish={finish} finishing={finishing} />
        </form>
      </div>
    </section>
  );
});

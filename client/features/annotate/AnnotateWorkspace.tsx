import type { SolutionViewDto } from '../../../shared/schemas/api';
import '../workspace/workspace.css';
import './annotate.css';
import { useAppStore } from '../../store/app-store';
import { GuidelinesDrawer } from '../workspace/GuidelinesDrawer';
import { ShortcutHelp } from '../workspace/ShortcutHelp';
import { useAutosave } from '../workspace/use-autosave';
import { useShortcuts } from '../workspace/use-shortcuts';
import { WorkspaceColumns } from '../workspace/WorkspaceColumns';
import { WorkspaceHeader } from '../workspace/WorkspaceHeader';
import type { ActiveTimer } from './active-timer';
import { JudgmentPanel } from './JudgmentPanel';
import { ProblemPanel } from './ProblemPanel';
import { QueueEmpty } from './QueueEmpty';
import { StepList } from './StepList';
import { useFinishSolution } from './use-finish-solution';
import { useWorkspaceCommands } from './use-workspace-commands';

interface AnnotateWorkspaceProps {
  project: string;
  view: SolutionViewDto;
  timer: ActiveTimer;
  userId: number;
}

/** One loaded solution: header, the three columns, the overlays, autosave and the keyboard. */
export function AnnotateWorkspace({ project, view, timer, userId }: AnnotateWorkspaceProps) {
  const autosave = useAutosave(view.solution.id, userId, timer);
  const { state: finishing, actions: finish } = useFinishSolution(project, view, timer, autosave);
  const commands = useWorkspaceCommands(view, finish);
  const everyStep = view.project.mode === 'every-step';
  useShortcuts(commands, everyStep);
  const lastFinished = useAppStore((s) => s.lastFinished);
  const restored = useAppStore((s) => s.draft.restored);

  if (finishing.kind === 'empty') {
    const notice = lastFinished ? `${lastFinished.outcome === 'submitted' ? 'Submitted' : 'Skipped'} ${lastFinished.externalId}.` : null;
    return <QueueEmpty project={project} notice={notice} />;
  }

  const previous = lastFinished && lastFinished.solutionId !== view.solution.id ? lastFinished : null;
  const notice = (
    <>
      {finishing.kind === 'failed' && (
        <span className="form-error" role="alert">
          {finishing.message}
        </span>
      )}
      {finishing.kind !== 'failed' && previous && (
        <span className="notice" role="status">
          {previous.outcome === 'submitted' ? 'Submitted' : 'Skipped'} {previous.externalId}. Here is your next solution.
        </span>
      )}
      {restored && (
        <span className="restored-notice" role="status">
          Restored your unsaved changes from this device.
        </span>
      )}
    </>
  );

  return (
    <main className="annotate">
      <WorkspaceHeader
        project={view.project.name}
        externalId={view.solution.externalId}
        solutionId={view.solution.id}
        timer={timer}
        notice={notice}
      />
      <div className="workspace-body">
        <WorkspaceColumns
          problem={<ProblemPanel problem={view.problem} stepCount={view.solution.steps.length} />}
          steps={<StepList solution={view.solution} orm={view.orm} everyStep={everyStep} />}
          judgment={<JudgmentPanel view={view} commands={commands} finish={finish} finishing={finishing} />}
        />
        <GuidelinesDrawer guidelines={view.project.guidelines} project={view.project.name} />
      </div>
      <ShortcutHelp everyStep={everyStep} />
    </main>
  );
}

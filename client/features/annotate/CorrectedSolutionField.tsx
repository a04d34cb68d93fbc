import { CorrectedSolutionEditor } from '../corrected/CorrectedSolutionEditor';
import { useAppStore } from '../../store/app-store';

/** The corrected-solution editor bound to the draft: one undo step per burst of typing. */
export function CorrectedSolutionField({ steps }: { steps: string[] }) {
  const firstErrorStep = useAppStore((s) => s.draft.fields.firstErrorStep);
  const value = useAppStore((s) => s.draft.fields.correctedSolution);
  const editDraft = useAppStore((s) => s.editDraft);
  return (
    <CorrectedSolutionEditor
      steps={steps}
      firstErrorStep={firstErrorStep}
      value={value}
      onChange={(next) => editDraft({ correctedSolution: next }, 'correctedSolution')}
    />
  );
}

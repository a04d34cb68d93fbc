import { useState } from 'react';
import type { SolutionViewDto } from '../../../shared/schemas/api';
import { appStore } from '../../store/app-store';
import type { WorkspaceCommands } from '../workspace/shortcuts';
import { judgmentFromOrm, primaryOrm } from './judgment-text';
import type { FinishActions } from './use-finish-solution';

/** Leaves a text field so the letter keys work again (not a math field: it has its own Escape). */
function leaveTextField(): void {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement || active instanceof HTMLSelectElement) {
    active.blur();
  }
}

/**
 * What the keys and the buttons do on this solution, in one stable object (the shortcut table
 * and the judgment panel share it). Reads the store at call time, so it never goes stale.
 */
export function useWorkspaceCommands(view: SolutionViewDto, finish: FinishActions): WorkspaceCommands {
  const [commands] = useState<WorkspaceCommands>(() => {
    const stepCount = view.solution.steps.length;
    const everyStep = view.project.mode === 'every-step';
    const s = () => appStore.getState();
    return {
      moveFocus: (delta) => s().focusStep(s().focusedStep + delta, stepCount),
      markFocusedFirstWrong: () => {
        if (stepCount > 0) s().markFirstWrongStep(s().focusedStep);
      },
      rateFocused: (rating) => {
        if (everyStep && stepCount > 0) s().setStepRating(s().focusedStep, rating, stepCount);
      },
      setVerdict: (verdict) => s().setVerdict(verdict),
      acceptOrm: () => {
        const orm = primaryOrm(view.orm);
        if (orm) s().editDraft(judgmentFromOrm(orm, s().draft.fields, stepCount, everyStep));
      },
      selectTool: (tool) => s().setActiveTool(tool),
      undo: () => s().undo(),
      redo: () => s().redo(),
      submit: () => void finish.submit(),
      skip: () => void finish.skip(),
      toggleUnsure: () => s().setFlag('unsure', !s().draft.fields.flags.unsure),
      toggleHelp: () => s().toggleOverlay('help'),
      toggleGuidelines: () => s().toggleOverlay('guidelines'),
      escape: () => {
        if (s().overlay !== 'none') {
          s().closeOverlay();
          return;
        }
        s().setActiveTool('select');
        leaveTextField();
      },
    };
  });
  return commands;
}

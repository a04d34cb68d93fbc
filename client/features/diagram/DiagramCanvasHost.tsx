import { useEffect, useRef, type RefObject } from 'react';
import type { ImageDto } from '../../../shared/schemas/api';
import { DiagramCanvas } from '../../canvas/diagram-canvas';
import type { View } from '../../canvas/coords';
import { appStore, type AppState } from '../../store/app-store';
import { stepForNewRegion } from './region-numbering';

interface DiagramCanvasHostProps {
  image: ImageDto;
  /** 1-based, for the accessible name "Diagram N". */
  number: number;
  stepCount: number;
  /** Filled with the live canvas while mounted, for the zoom buttons and the region list. */
  controllerRef: RefObject<DiagramCanvas | null>;
  describedBy?: string;
  onViewChange: (view: View) => void;
  onSelect: (id: string | null) => void;
  onImageError: () => void;
}

const regionsOn = (state: AppState, sha256: string) => state.draft.fields.regions.filter((r) => r.imageSha256 === sha256);

/**
 * Mounts a DiagramCanvas on one image and disposes it on unmount. The canvas follows the store
 * directly (regions, tool, focused step) through a subscription — no React render in between —
 * and writes every edit back through the store's region actions, so undo/redo redraw it.
 */
export function DiagramCanvasHost({ image, number, stepCount, controllerRef, describedBy, onViewChange, onSelect, onImageError }: DiagramCanvasHostProps) {
  const container = useRef<HTMLDivElement>(null);
  // Read by the canvas callbacks, which live as long as the canvas, not one render.
  const latest = useRef({ stepCount, onViewChange, onSelect, onImageError });
  useEffect(() => {
    latest.current = { stepCount, onViewChange, onSelect, onImageError };
  });

  const { sha256, url, width, height } = image;
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const canvas = new DiagramCanvas(element, {
      image: { url, width, height },
      callbacks: {
        onCreate: ({ kind, points }) => {
          const { focusedStep, addRegion } = appStore.getState();
          const stepIndex = stepForNewRegion(focusedStep, latest.current.stepCount);
          addRegion({ id: crypto.randomUUID(), imageSha256: sha256, kind, points, ...(stepIndex === undefined ? {} : { stepIndex }) });
        },
        onChange: (id, points) => appStore.getState().updateRegion(id, { points }),
        onDelete: (id) => appStore.getState().removeRegion(id),
        onSelect: (id) => latest.current.onSelect(id),
        onViewChange: (view) => latest.current.onViewChange(view),
        onImageError: () => latest.current.onImageError(),
      },
    });
    const initial = appStore.getState();
    canvas.setFocusedStep(initial.focusedStep);
    canvas.setTool(initial.activeTool);
    canvas.setRegions(regionsOn(initial, sha256));
    const unsubscribe = appStore.subscribe((state, previous) => {
      if (state.focusedStep !== previous.focusedStep) canvas.setFocusedStep(state.focusedStep);
      if (state.activeTool !== previous.activeTool) canvas.setTool(state.activeTool);
      if (state.draft.fields.regions !== previous.draft.fields.regions) canvas.setRegions(regionsOn(state, sha256));
    });
    controllerRef.current = canvas;
    return () => {
      unsubscribe();
      controllerRef.current = null;
      canvas.dispose();
    };
  }, [sha256, url, width, height, controllerRef]);

  return (
    <div
      ref={container}
      className="diagram-canvas"
      role="img"
      aria-label={`Diagram ${number}`}
      aria-describedby={describedBy}
      tabIndex={0}
    />
  );
}

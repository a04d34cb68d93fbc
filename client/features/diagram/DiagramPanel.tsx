import { useId, useRef, useState } from 'react';
import type { ImageDto } from '../../../shared/schemas/api';
import type { View } from '../../canvas/coords';
import type { DiagramCanvas } from '../../canvas/diagram-canvas';
import { useAppStore } from '../../store/app-store';
import { DiagramCanvasHost } from './DiagramCanvasHost';
import { DiagramToolbar } from './DiagramToolbar';
import { numberRegions, type NumberedRegion } from './region-numbering';
import { RegionList } from './RegionList';
import './diagram.css';

export interface DiagramPanelProps {
  images: ImageDto[];
  /** Steps of the solution; regions are tied to one of them (0-based in data, 1-based here). */
  stepCount: number;
}

/**
 * The problem's diagrams, each on a canvas where regions are drawn and edited, with the tool
 * buttons above and each diagram's regions listed under it. Regions live in the draft
 * (`draft.fields.regions`); this panel only shows and edits them.
 */
export function DiagramPanel({ images, stepCount }: DiagramPanelProps) {
  const regions = useAppStore((s) => s.draft.fields.regions);
  const hintId = useId();
  if (images.length === 0) return null;
  const groups = numberRegions(regions, images);
  return (
    <section className="diagram-panel" aria-label="Diagrams">
      <DiagramToolbar />
      {/* Folded so the diagram stays above the fold at 1366×768; still the canvases' description. */}
      <details className="diagram-hint muted">
        <summary>How to draw</summary>
        <p id={hintId}>
          Draw with a tool; new regions go to the focused step. Select: drag a region to move it, its corners to resize,
          Delete to remove; drag empty space to pan. Ctrl + wheel or +/− to zoom; hold space to pan.
        </p>
      </details>
      {images.map((image, index) => (
        <DiagramFigure
          key={image.sha256}
          image={image}
          number={index + 1}
          stepCount={stepCount}
          items={groups.get(image.sha256) ?? []}
          hintId={hintId}
        />
      ))}
    </section>
  );
}

interface DiagramFigureProps {
  image: ImageDto;
  number: number;
  stepCount: number;
  items: NumberedRegion[];
  hintId: string;
}

/**
 * Nothing but the canvas may carry a name containing "Diagram N": Playwright's getByLabel and
 * getByRole match names by substring, and tests find the canvas by "Diagram 1".
 */
function DiagramFigure({ image, number, stepCount, items, hintId }: DiagramFigureProps) {
  const controller = useRef<DiagramCanvas | null>(null);
  const [view, setView] = useState<View>({ zoom: 1, panX: 0, panY: 0 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [imageFailed, setImageFailed] = useState(false);
  return (
    <figure className="diagram-figure">
      <div className="diagram-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => controller.current?.zoomOut()} disabled={view.zoom <= 1}>
          Zoom out
        </button>
        <button type="button" onClick={() => controller.current?.zoomIn()} disabled={view.zoom >= 8}>
          Zoom in
        </button>
        <button type="button" onClick={() => controller.current?.resetZoom()} disabled={view.zoom === 1}>
          Reset zoom
        </button>
        <output className="diagram-zoom-level" aria-live="polite">
          {Math.round(view.zoom * 100)}%
        </output>
      </div>
      <DiagramCanvasHost
        image={image}
        number={number}
        stepCount={stepCount}
        controllerRef={controller}
        describedBy={hintId}
        onViewChange={setView}
        onSelect={setSelectedId}
        onImageError={() => setImageFailed(true)}
      />
      {imageFailed && (
        <p className="form-error" role="alert">
          Diagram {number} could not be loaded; regions can still be edited in the list.
        </p>
      )}
      <RegionList
        diagramNumber={number}
        items={items}
        stepCount={stepCount}
        selectedId={selectedId}
        onShow={(id) => controller.current?.select(id)}
      />
    </figure>
  );
}

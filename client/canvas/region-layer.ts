import type { Canvas, FabricObject, FabricText } from 'fabric';
import type { Region } from '../../shared/schemas/annotation';
import { normalisedToScene, type ImageLayout, type Point } from './coords';
import { stepColour, stepLabel } from './palette';
import { applyMatrix, deltaMatrix, pointsAfterTransform, type Matrix } from './region-transform';
import { buildLabel, buildShape, labelAnchor } from './region-shapes';

/** What the canvas draws of a region (plain data from the store; points normalised 0..1). */
export type CanvasRegion = Pick<Region, 'id' | 'kind' | 'points' | 'stepIndex'>;

interface Entry {
  region: CanvasRegion;
  shape: FabricObject;
  label: FabricText | null;
  /** The shape's transform when drawn from the data; edits are measured against it. */
  base: Matrix;
  labelAt: Point;
}

export interface RegionLayerContext {
  layout: () => ImageLayout;
  zoom: () => number;
  /** Regions take pointer input only with the select tool. */
  interactive: () => boolean;
  onChange: (id: string, points: Point[]) => void;
  onSelect?: (id: string | null) => void;
}

/**
 * The regions on a fabric canvas: one shape and one "S{n}" label per region, rendered from data
 * and diffed by id (a region whose data object is unchanged keeps its fabric object, so the
 * selection survives), and user moves and resizes written back as normalised points.
 */
export class RegionLayer {
  private readonly entries = new Map<string, Entry>();
  private readonly idOf = new WeakMap<FabricObject, string>();
  private regions: readonly CanvasRegion[] = [];
  /** Set while the layer itself rebuilds objects, so selection events are not echoed out. */
  private quiet = false;
  private lastAnnounced: string | null = null;
  private disposed = false;

  constructor(
    private readonly canvas: Canvas,
    private readonly context: RegionLayerContext,
  ) {
    canvas.on('object:moving', ({ target }) => this.followLabel(target));
    canvas.on('object:scaling', ({ target }) => this.followLabel(target));
    canvas.on('object:modified', ({ target }) => this.writeBack(target));
    canvas.on('selection:created', () => this.announceSelection());
    canvas.on('selection:updated', () => this.announceSelection());
    canvas.on('selection:cleared', () => this.announceSelection());
  }

  /** Renders `regions`, rebuilding only those whose data object changed. */
  set(regions: readonly CanvasRegion[]) {
    this.regions = regions;
    const wanted = new Set(regions.map((r) => r.id));
    this.rebuild(() => {
      for (const [id, entry] of this.entries) if (!wanted.has(id)) this.remove(id, entry);
      for (const region of regions) {
        const entry = this.entries.get(region.id);
        if (entry?.region === region) continue;
        if (entry) this.remove(region.id, entry);
        this.add(region);
      }
    });
  }

  /** Redraws every region (after a new layout or zoom: sizes are in screen px). */
  redrawAll() {
    this.rebuild(() => {
      for (const [id, entry] of this.entries) this.remove(id, entry);
      for (const region of this.regions) this.add(region);
    });
  }

  setInteractive(on: boolean) {
    for (const { shape } of this.entries.values()) shape.set({ selectable: on, evented: on });
    if (!on) this.canvas.discardActiveObject();
    this.canvas.requestRenderAll();
  }

  selectedId(): string | null {
    const active = this.canvas.getActiveObject();
    return (active && this.idOf.get(active)) ?? null;
  }

  select(id: string | null) {
    const entry = id === null ? undefined : this.entries.get(id);
    if (entry && this.context.interactive()) this.canvas.setActiveObject(entry.shape);
    else this.canvas.discardActiveObject();
    this.announceSelection();
    this.canvas.requestRenderAll();
  }

  dispose() {
    this.disposed = true;
    this.entries.clear();
  }

  /** Runs a rebuild keeping the selected region selected, without announcing the churn. */
  private rebuild(run: () => void) {
    const selected = this.selectedId();
    this.quiet = true;
    try {
      run();
      const entry = selected === null ? undefined : this.entries.get(selected);
      if (entry && this.context.interactive() && this.canvas.getActiveObject() !== entry.shape) this.canvas.setActiveObject(entry.shape);
    } finally {
      this.quiet = false;
    }
    this.announceSelection();
    this.canvas.requestRenderAll();
  }

  private add(region: CanvasRegion) {
    const style = { colour: stepColour(region.stepIndex), zoom: this.context.zoom() };
    const scene = region.points.map((p) => normalisedToScene(p, this.context.layout()));
    const shape = buildShape(region.kind, scene, style);
    const interactive = this.context.interactive();
    shape.set({ selectable: interactive, evented: interactive });
    const text = stepLabel(region.stepIndex);
    const labelAt = labelAnchor(region.kind, scene);
    const label = text ? buildLabel(text, labelAt, style) : null;
    this.canvas.add(shape);
    if (label) this.canvas.add(label);
    this.idOf.set(shape, region.id);
    this.entries.set(region.id, { region, shape, label, base: shape.calcTransformMatrix() as Matrix, labelAt });
  }

  private remove(id: string, entry: Entry) {
    this.canvas.remove(entry.shape);
    if (entry.label) this.canvas.remove(entry.label);
    this.entries.delete(id);
  }

  private entryOf(target: FabricObject | undefined): Entry | undefined {
    const id = target && this.idOf.get(target);
    const entry = id === undefined ? undefined : this.entries.get(id);
    // An object already replaced by a redraw is stale: its data was rendered afresh.
    return entry?.shape === target ? entry : undefined;
  }

  private followLabel(target: FabricObject) {
    const entry = this.entryOf(target);
    if (!entry?.label) return;
    const [x, y] = applyMatrix(entry.labelAt, deltaMatrix(entry.base, target.calcTransformMatrix() as Matrix));
    const zoom = this.context.zoom();
    entry.label.set({ left: x + 2 / zoom, top: y + 2 / zoom });
    entry.label.setCoords();
  }

  /**
   * A finished move or resize becomes data; the store's update redraws the region from it. Runs
   * after fabric has finished the pointer-up: redrawing (and re-selecting) inside fabric's own
   * 'object:modified' would make it finalise the same transform again, recursively.
   */
  private writeBack(target: FabricObject) {
    const entry = this.entryOf(target);
    if (!entry) return;
    const points = pointsAfterTransform(entry.region, this.context.layout(), entry.base, target.calcTransformMatrix() as Matrix);
    queueMicrotask(() => {
      if (this.disposed || this.entries.get(entry.region.id) !== entry) return;
      const unchanged = points.every((p, i) => p[0] === entry.region.points[i]?.[0] && p[1] === entry.region.points[i]?.[1]);
      if (!unchanged) this.context.onChange(entry.region.id, points);
      // Nothing to store (e.g. pushed against an edge): snap back to the data.
      else this.rebuild(() => {
        this.remove(entry.region.id, entry);
        this.add(entry.region);
      });
    });
  }

  private announceSelection() {
    if (this.quiet) return;
    const id = this.selectedId();
    if (id === this.lastAnnounced) return;
    this.lastAnnounced = id;
    this.context.onSelect?.(id);
  }
}

import { Canvas, FabricImage, type FabricObject, type TPointerEventInfo } from 'fabric';
import { attachCanvasInput, type CanvasInput } from './canvas-input';
import {
  canvasSizeFor,
  displayedSize,
  fitImage,
  IDENTITY_VIEW,
  nextZoomLevel,
  normalisedToScene,
  panBy,
  relayoutView,
  sceneToNormalised,
  toleranceFor,
  viewportTransform,
  zoomAt,
  type ImageLayout,
  type Point,
  type Size,
  type View,
} from './coords';
import { stepColour } from './palette';
import { RegionLayer, type CanvasRegion } from './region-layer';
import { buildShape } from './region-shapes';
import { createTool } from './tools/create-tool';
import type { DrawingTool, DrawnShape, RegionKind } from './tools/tool';

export type { CanvasRegion } from './region-layer';
export type CanvasTool = 'select' | RegionKind;

export interface DiagramCanvasCallbacks {
  /** A drawing tool finished a shape; the host stores it (adding id, image and step). */
  onCreate: (shape: DrawnShape) => void;
  /** The user moved or resized a region: its new normalised points. */
  onChange: (id: string, points: Point[]) => void;
  onDelete: (id: string) => void;
  onSelect?: (id: string | null) => void;
  onViewChange?: (view: View) => void;
  onImageError?: () => void;
}

export interface DiagramCanvasOptions {
  /** `width` and `height` are the image's natural size: the space stored points refer to. */
  image: { url: string; width: number; height: number };
  callbacks: DiagramCanvasCallbacks;
  /** Tallest the canvas may grow, in CSS px (default: 70% of the window's height). */
  maxHeight?: number;
}

/** Screen px that count as "the same place" for tools (a click, the first polygon vertex). */
const HIT_PX = 5;

/**
 * Owns one fabric canvas over one image (STYLE.md habit 8). Regions are rendered from plain data
 * and every user edit goes back out through the callbacks as normalised points — nothing lives
 * only in fabric, so the store's undo/redo and any screen size redraw exactly. The canvas element
 * is created here, inside `container` (which should be focusable: it receives the keys).
 */
export class DiagramCanvas {
  private readonly canvas: Canvas;
  private readonly element: HTMLCanvasElement;
  private readonly input: CanvasInput;
  private readonly resizeObserver: ResizeObserver;
  private readonly imageLoad = new AbortController();
  private size: Size = { width: 1, height: 1 };
  private layout: ImageLayout;
  private currentView: View = IDENTITY_VIEW;
  private image: FabricImage | null = null;
  private readonly regions: RegionLayer;
  private tool: CanvasTool = 'select';
  private drawing: DrawingTool | null = null;
  private preview: FabricObject | null = null;
  private focusedStep = 0;
  private pan: { x: number; y: number } | null = null;
  private disposed = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: DiagramCanvasOptions,
  ) {
    this.element = document.createElement('canvas');
    container.append(this.element);
    this.layout = fitImage(this.natural, this.size);
    this.canvas = new Canvas(this.element, {
      selection: false,
      selectionKey: null,
      uniformScaling: false,
      fireMiddleClick: true,
      targetFindTolerance: 4,
      defaultCursor: 'grab',
    });
    this.canvas.on('mouse:down', (info) => this.pointerDown(info));
    this.canvas.on('mouse:move', (info) => this.pointerMove(info));
    this.canvas.on('mouse:up', (info) => this.pointerUp(info));
    this.canvas.on('mouse:dblclick', (info) => this.feed(this.drawing?.doubleClick(this.normalised(info)) ?? null));
    const { callbacks } = options;
    this.regions = new RegionLayer(this.canvas, {
      layout: () => this.layout,
      zoom: () => this.currentView.zoom,
      interactive: () => this.tool === 'select',
      onChange: (id, points) => callbacks.onChange(id, points),
      onSelect: (id) => callbacks.onSelect?.(id),
    });
    this.input = attachCanvasInput(container, this.element, {
      deleteSelection: () => this.deleteSelection(),
      toolKey: (key) => {
        if (!this.drawing?.busy) return false;
        this.feed(this.drawing.key(key));
        return true;
      },
      clearSelection: () => {
        if (!this.canvas.getActiveObject()) return false;
        this.canvas.discardActiveObject();
        this.canvas.requestRenderAll();
        return true;
      },
      zoomAt: (anchor, factor) => this.zoomTo(this.currentView.zoom * factor, anchor),
      zoomStep: (direction) => (direction === 0 ? this.resetZoom() : direction === 1 ? this.zoomIn() : this.zoomOut()),
      panMode: (on) => this.setPanMode(on),
    });
    this.resizeObserver = new ResizeObserver(() => this.relayout());
    this.resizeObserver.observe(container);
    window.addEventListener('resize', this.relayout);
    this.relayout();
    this.setTool('select');
    void this.loadImage();
  }

  get view(): View {
    return this.currentView;
  }

  /** Renders `regions` (this image's only), rebuilding just the ones whose data changed. */
  setRegions(regions: readonly CanvasRegion[]) {
    this.regions.set(regions);
  }

  setTool(tool: CanvasTool) {
    this.drawing?.cancel();
    this.tool = tool;
    this.drawing = tool === 'select' ? null : createTool(tool);
    this.drawing?.setTolerance(toleranceFor(HIT_PX, this.layout, this.currentView));
    this.showPreview();
    this.setPanMode(false);
    this.regions.setInteractive(tool === 'select');
  }

  /** 0-based; colours the in-progress shape like the region it will become. */
  setFocusedStep(step: number) {
    this.focusedStep = step;
  }

  /** Selects a region (with the select tool), or clears the selection. */
  select(id: string | null) {
    this.regions.select(id);
  }

  zoomIn = () => this.zoomTo(nextZoomLevel(this.currentView.zoom, 1));
  zoomOut = () => this.zoomTo(nextZoomLevel(this.currentView.zoom, -1));
  resetZoom = () => this.zoomTo(1);

  /** Zooms (clamped 1..8) around `anchor` in viewport px, by default the canvas centre. */
  zoomTo(zoom: number, anchor: Point = [this.size.width / 2, this.size.height / 2]) {
    this.applyView(zoomAt(this.currentView, anchor, zoom, this.size, this.layout));
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    this.imageLoad.abort();
    this.resizeObserver.disconnect();
    window.removeEventListener('resize', this.relayout);
    this.input.detach();
    this.drawing?.cancel();
    this.regions.dispose();
    // fabric puts the element back where it found it synchronously; the rest of its cleanup
    // waits for a pending frame, and nothing here depends on it.
    this.canvas.dispose().catch(() => undefined);
    this.element.remove();
  }

  private get natural(): Size {
    return { width: this.options.image.width, height: this.options.image.height };
  }

  private relayout = () => {
    if (this.disposed) return;
    const maxHeight = this.options.maxHeight ?? Math.max(200, Math.round(window.innerHeight * 0.7));
    const size = canvasSizeFor(this.natural, this.container.clientWidth, maxHeight);
    if (size.width === this.size.width && size.height === this.size.height) return;
    const old = { canvas: this.size, layout: this.layout };
    this.size = size;
    this.layout = fitImage(this.natural, size);
    this.canvas.setDimensions(size);
    this.placeImage();
    this.applyView(relayoutView(this.currentView, old, { canvas: size, layout: this.layout }), true);
  };

  private applyView(view: View, force = false) {
    const zoomChanged = view.zoom !== this.currentView.zoom;
    if (!force && !zoomChanged && view.panX === this.currentView.panX && view.panY === this.currentView.panY) return;
    this.currentView = view;
    this.canvas.setViewportTransform(viewportTransform(view));
    this.drawing?.setTolerance(toleranceFor(HIT_PX, this.layout, view));
    // Strokes and labels are sized in screen px, so a new zoom or layout redraws every region.
    if (zoomChanged || force) this.regions.redrawAll();
    this.showPreview();
    this.options.callbacks.onViewChange?.(view);
  }

  private async loadImage() {
    try {
      const image = await FabricImage.fromURL(this.options.image.url, { signal: this.imageLoad.signal });
      if (this.disposed) return;
      this.image = image;
      image.set({ originX: 'left', originY: 'top', selectable: false, evented: false });
      this.placeImage();
      this.canvas.backgroundImage = image;
      this.canvas.requestRenderAll();
    } catch {
      if (!this.disposed) this.options.callbacks.onImageError?.();
    }
  }

  /** The bitmap is stretched over exactly the area the natural size maps to. */
  private placeImage() {
    if (!this.image) return;
    const { width, height } = displayedSize(this.layout);
    this.image.set({
      left: this.layout.offsetX,
      top: this.layout.offsetY,
      scaleX: width / Math.max(1, this.image.width),
      scaleY: height / Math.max(1, this.image.height),
    });
    this.image.setCoords();
  }

  private deleteSelection(): boolean {
    const id = this.regions.selectedId();
    if (this.tool !== 'select' || id === null) return false;
    this.options.callbacks.onDelete(id);
    return true;
  }

  private normalised(info: TPointerEventInfo): Point {
    return sceneToNormalised([info.scenePoint.x, info.scenePoint.y], this.layout);
  }

  private pointerDown(info: TPointerEventInfo) {
    const event = info.e as MouseEvent;
    const emptySelect = this.tool === 'select' && !info.target;
    if (event.button === 1 || this.input.spaceHeld || (event.button === 0 && emptySelect)) {
      this.pan = { x: event.clientX, y: event.clientY };
      this.canvas.setCursor('grabbing');
      return;
    }
    if (event.button === 0 && this.drawing) this.feed(this.drawing.down(this.normalised(info)));
  }

  private pointerMove(info: TPointerEventInfo) {
    const event = info.e as MouseEvent;
    if (this.pan) {
      const [dx, dy] = [event.clientX - this.pan.x, event.clientY - this.pan.y];
      this.pan = { x: event.clientX, y: event.clientY };
      this.applyView(panBy(this.currentView, dx, dy, this.size, this.layout));
      this.canvas.setCursor('grabbing');
      return;
    }
    if (this.drawing?.busy) this.feed(this.drawing.move(this.normalised(info)));
  }

  private pointerUp(info: TPointerEventInfo) {
    if (this.pan) {
      this.pan = null;
      this.canvas.setCursor(this.cursor());
      return;
    }
    if (this.drawing?.busy) this.feed(this.drawing.up(this.normalised(info)));
  }

  /** Redraws the tool's in-progress shape and hands a finished one to the host. */
  private feed(shape: DrawnShape | null) {
    this.showPreview();
    // Handed over once fabric has finished the event that completed it (as RegionLayer.writeBack).
    if (shape) queueMicrotask(() => this.disposed || this.options.callbacks.onCreate(shape));
  }

  private showPreview() {
    if (this.preview) this.canvas.remove(this.preview);
    this.preview = null;
    const preview = this.drawing?.preview();
    if (preview && preview.points.length > 0) {
      const scene = preview.points.map((p) => normalisedToScene(p, this.layout));
      this.preview = buildShape(preview.kind, scene, { colour: stepColour(this.focusedStep), zoom: this.currentView.zoom, preview: true });
      this.canvas.add(this.preview);
    }
    this.canvas.requestRenderAll();
  }

  private cursor() {
    if (this.input.spaceHeld || this.tool === 'select') return 'grab';
    return 'crosshair';
  }

  private setPanMode(on: boolean) {
    // While space is held every press pans, so objects must not grab it.
    this.canvas.skipTargetFind = on || this.tool !== 'select';
    this.canvas.defaultCursor = on ? 'grab' : this.cursor();
    this.canvas.setCursor(this.canvas.defaultCursor);
  }
}

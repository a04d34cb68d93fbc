import type { Point } from './coords';
import type { ToolKey } from './tools/tool';

/** What the keyboard and wheel may ask of the canvas; each returns whether it acted. */
export interface CanvasInputActions {
  deleteSelection: () => boolean;
  /** Enter / Escape / Backspace for a drawing tool with a shape in progress. */
  toolKey: (key: ToolKey) => boolean;
  clearSelection: () => boolean;
  /** Multiply the zoom by `factor` around `anchor` (viewport px). */
  zoomAt: (anchor: Point, factor: number) => void;
  /** 1 zoom in, -1 zoom out, 0 back to fit. */
  zoomStep: (direction: 1 | -1 | 0) => void;
  panMode: (on: boolean) => void;
}

export interface CanvasInput {
  readonly spaceHeld: boolean;
  detach: () => void;
}

const WHEEL_ZOOM_RATE = 0.002;

/**
 * Keys and wheel for a diagram canvas. They are read on the focusable container, so they act
 * only while the canvas has focus; the keys handled here stop there, everything else (the
 * workspace's shortcuts) bubbles on. Ctrl/⌘ + wheel (and trackpad pinch) zooms around the
 * pointer; plain wheel scrolls the page as usual.
 */
export function attachCanvasInput(container: HTMLElement, canvasElement: HTMLCanvasElement, actions: CanvasInputActions): CanvasInput {
  let spaceHeld = false;
  const setSpace = (on: boolean) => {
    if (spaceHeld === on) return;
    spaceHeld = on;
    actions.panMode(on);
  };

  const keydown = (event: KeyboardEvent) => {
    if (event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
    let handled = false;
    if (event.key === ' ') {
      setSpace(true);
      handled = true;
    } else if (event.key === 'Enter' || event.key === 'Escape' || event.key === 'Backspace') {
      handled = actions.toolKey(event.key);
    }
    if (!handled && (event.key === 'Delete' || event.key === 'Backspace')) handled = actions.deleteSelection();
    if (!handled && event.key === 'Escape') handled = actions.clearSelection();
    if (!handled && (event.key === '+' || event.key === '=' || event.key === '-' || event.key === '0')) {
      actions.zoomStep(event.key === '0' ? 0 : event.key === '-' ? -1 : 1);
      handled = true;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  const keyup = (event: KeyboardEvent) => {
    if (event.key === ' ') setSpace(false);
  };
  const blur = () => setSpace(false);
  const wheel = (event: WheelEvent) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    const rect = canvasElement.getBoundingClientRect();
    actions.zoomAt([event.clientX - rect.left, event.clientY - rect.top], Math.exp(-event.deltaY * unit * WHEEL_ZOOM_RATE));
  };
  // A middle press pans the canvas; stop the browser's autoscroll from starting too.
  const mousedown = (event: MouseEvent) => {
    if (event.button === 1) event.preventDefault();
  };

  container.addEventListener('keydown', keydown);
  container.addEventListener('keyup', keyup);
  container.addEventListener('blur', blur);
  container.addEventListener('wheel', wheel, { passive: false });
  container.addEventListener('mousedown', mousedown);
  return {
    get spaceHeld() {
      return spaceHeld;
    },
    detach: () => {
      container.removeEventListener('keydown', keydown);
      container.removeEventListener('keyup', keyup);
      container.removeEventListener('blur', blur);
      container.removeEventListener('wheel', wheel);
      container.removeEventListener('mousedown', mousedown);
    },
  };
}

import { ArrowTool } from './arrow-tool';
import { BoxTool } from './box-tool';
import { FreehandTool } from './freehand-tool';
import { PolygonTool } from './polygon-tool';
import type { DrawingTool, RegionKind } from './tool';

/** A fresh state machine for a drawing tool. */
export function createTool(kind: RegionKind): DrawingTool {
  switch (kind) {
    case 'box':
      return new BoxTool();
    case 'polygon':
      return new PolygonTool();
    case 'arrow':
      return new ArrowTool();
    case 'freehand':
      return new FreehandTool();
  }
}

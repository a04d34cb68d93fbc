import type { DiagramTool } from '../../store/workspace-slice';
import { useAppStore } from '../../store/app-store';

const TOOLS: { tool: DiagramTool; name: string; key?: string }[] = [
  { tool: 'select', name: 'Select', key: 'V' },
  { tool: 'box', name: 'Box', key: 'B' },
  { tool: 'polygon', name: 'Polygon', key: 'P' },
  { tool: 'arrow', name: 'Arrow', key: 'R' },
  { tool: 'freehand', name: 'Freehand', key: 'F' },
];

/** One set of tool buttons for all of the panel's diagrams (the tool is workspace state). */
export function DiagramToolbar() {
  const activeTool = useAppStore((s) => s.activeTool);
  const setActiveTool = useAppStore((s) => s.setActiveTool);
  return (
    <div className="diagram-toolbar" role="toolbar" aria-label="Diagram tools">
      {TOOLS.map(({ tool, name, key }) => (
        <button
          key={tool}
          type="button"
          aria-pressed={activeTool === tool}
          title={key ? `${name} (${key})` : name}
          onClick={() => setActiveTool(tool)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}

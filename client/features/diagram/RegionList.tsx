import type { Region } from '../../../shared/schemas/annotation';
import { stepColour } from '../../canvas/palette';
import { appStore } from '../../store/app-store';
import { regionTitle, type NumberedRegion } from './region-numbering';

interface RegionListProps {
  diagramNumber: number;
  items: NumberedRegion[];
  stepCount: number;
  selectedId: string | null;
  onShow: (id: string) => void;
}

/** Each region of one diagram with its step, note and a delete button; edits go to the store. */
export function RegionList({ diagramNumber, items, stepCount, selectedId, onShow }: RegionListProps) {
  if (items.length === 0) {
    return <p className="region-empty muted">No regions on diagram {diagramNumber} yet: choose a tool and draw on it.</p>;
  }
  return (
    <ol className="region-list" aria-label="Regions">
      {items.map((item) => (
        <RegionItem key={item.region.id} item={item} stepCount={stepCount} selected={item.region.id === selectedId} onShow={onShow} />
      ))}
    </ol>
  );
}

function setNote(region: Region, note: string) {
  const { draft, editDraft } = appStore.getState();
  const regions = draft.fields.regions.map((r) => (r.id === region.id ? { ...r, note: note === '' ? undefined : note } : r));
  // Typing a note is one undo step, not one per key.
  editDraft({ regions }, `region-note:${region.id}`);
}

function RegionItem({ item, stepCount, selected, onShow }: { item: NumberedRegion; stepCount: number; selected: boolean; onShow: (id: string) => void }) {
  const { region, number } = item;
  const title = regionTitle(item);
  const steps = Array.from({ length: Math.max(stepCount, (region.stepIndex ?? -1) + 1) }, (_, i) => i);
  return (
    <li className="region-item" aria-label={title} aria-current={selected ? 'true' : undefined} onFocus={() => onShow(region.id)}>
      <span className="region-title">
        <span className="region-swatch" style={{ background: stepColour(region.stepIndex) }} aria-hidden="true" />
        {title}
      </span>
      <select
        aria-label={`Step for region ${number}`}
        value={region.stepIndex ?? ''}
        onChange={(e) =>
          appStore.getState().updateRegion(region.id, { stepIndex: e.target.value === '' ? undefined : Number(e.target.value) })
        }
      >
        {region.stepIndex === undefined && <option value="">No step</option>}
        {steps.map((i) => (
          <option key={i} value={i}>
            Step {i + 1}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={`Note for region ${number}`}
        placeholder="Note (optional)"
        maxLength={10_000}
        value={region.note ?? ''}
        onChange={(e) => setNote(region, e.target.value)}
      />
      <button type="button" className="region-delete" aria-label={`Delete region ${number}`} onClick={() => appStore.getState().removeRegion(region.id)}>
        Delete
      </button>
    </li>
  );
}

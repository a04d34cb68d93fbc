/**
 * Widths of the workspace's three columns (problem | steps | judgment). Pure: the page measures
 * the container, these functions decide. The person's choice is kept as fractions of the
 * container's width so it carries over between a laptop and a wide screen; pixels are derived
 * and clamped so every column stays usable. The middle column takes what is left.
 */
export interface ColumnLayout {
  /** Fractions (0..1) of the container width; null = the default for this width. */
  left: number | null;
  right: number | null;
}

export type Side = 'left' | 'right';

export interface ColumnWidths {
  left: number;
  right: number;
  middle: number;
}

/** Pixels: each divider, and the least each column may shrink to. */
export const DIVIDER_PX = 8;
export const MIN_PX = { left: 220, middle: 320, right: 300 } as const;
/** A side column never takes more than this share of the width. */
const MAX_SHARE = 0.45;
/** Defaults: a share of the width, capped so a 2560-px screen gives the steps the room. */
const DEFAULTS = { left: { share: 0.27, maxPx: 680 }, right: { share: 0.3, maxPx: 700 } } as const;

export const DEFAULT_LAYOUT: ColumnLayout = { left: null, right: null };

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

function wanted(layout: ColumnLayout, side: Side, total: number): number {
  const share = layout[side];
  if (share !== null) return share * total;
  return Math.min(DEFAULTS[side].share * total, DEFAULTS[side].maxPx);
}

/** Whole-pixel widths for a container `total` px wide. */
export function columnWidths(layout: ColumnLayout, total: number): ColumnWidths {
  const room = Math.max(0, total - 2 * DIVIDER_PX);
  const maxSide = Math.max(MIN_PX.left, MAX_SHARE * room);
  let right = clamp(wanted(layout, 'right', room), MIN_PX.right, maxSide);
  let left = clamp(wanted(layout, 'left', room), MIN_PX.left, maxSide);
  // Too narrow for everyone's wish: the side columns give way, down to their minimums.
  const excess = left + right + MIN_PX.middle - room;
  if (excess > 0) {
    const spareLeft = left - MIN_PX.left;
    const spareRight = right - MIN_PX.right;
    const spare = spareLeft + spareRight;
    if (spare > 0) {
      const take = Math.min(excess, spare);
      left -= (take * spareLeft) / spare;
      right -= (take * spareRight) / spare;
    }
  }
  left = Math.round(left);
  right = Math.round(right);
  return { left, right, middle: Math.max(0, room - left - right) };
}

/**
 * The layout after moving one divider by `deltaPx` (positive = to the right). The left
 * divider widens the problem column; the right divider narrows the judgment column.
 */
export function resizeColumn(layout: ColumnLayout, side: Side, deltaPx: number, total: number): ColumnLayout {
  const room = Math.max(1, total - 2 * DIVIDER_PX);
  const widths = columnWidths(layout, total);
  const next = side === 'left' ? widths.left + deltaPx : widths.right - deltaPx;
  const other = side === 'left' ? widths.right : widths.left;
  const max = Math.min(Math.max(MIN_PX[side], MAX_SHARE * room), room - other - MIN_PX.middle);
  const px = clamp(next, MIN_PX[side], Math.max(MIN_PX[side], max));
  return { left: widths.left / room, right: widths.right / room, [side]: px / room };
}

/** A layout read back from storage; anything unexpected gives the default. */
export function parseLayout(raw: string | null): ColumnLayout {
  if (!raw) return DEFAULT_LAYOUT;
  try {
    const value = JSON.parse(raw) as Partial<Record<Side, unknown>>;
    const share = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 1 ? v : null);
    return { left: share(value.left), right: share(value.right) };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

/** For the separator's aria-valuenow: the share of the width left of the divider, in percent. */
export function dividerPercent(widths: ColumnWidths, side: Side): number {
  const room = widths.left + widths.middle + widths.right;
  if (room <= 0) return 0;
  const before = side === 'left' ? widths.left : widths.left + widths.middle;
  return Math.round((100 * before) / room);
}

import type { Region } from '../../../shared/schemas/annotation';

/** A region with its number on screen: 1-based, across all the panel's diagrams, in store order. */
export interface NumberedRegion {
  region: Region;
  number: number;
}

/**
 * Numbers the regions that belong to the shown images and groups them by image. Regions on
 * images not shown (none should exist) are left out rather than numbered invisibly.
 */
export function numberRegions(regions: readonly Region[], images: readonly { sha256: string }[]): Map<string, NumberedRegion[]> {
  const byImage = new Map<string, NumberedRegion[]>(images.map((image) => [image.sha256, []]));
  let number = 0;
  for (const region of regions) {
    const list = byImage.get(region.imageSha256);
    if (list) list.push({ region, number: ++number });
  }
  return byImage;
}

/** "Step 3" for step index 2; "No step" when the region is tied to none. */
export const stepText = (stepIndex: number | undefined) => (stepIndex === undefined ? 'No step' : `Step ${stepIndex + 1}`);

/** The list item's name: "Region 2: polygon · Step 3". */
export const regionTitle = ({ region, number }: NumberedRegion) => `Region ${number}: ${region.kind} · ${stepText(region.stepIndex)}`;

/** The step a new region is tied to: the focused one, kept within the solution's steps. */
export const stepForNewRegion = (focusedStep: number, stepCount: number): number | undefined =>
  stepCount > 0 ? Math.max(0, Math.min(stepCount - 1, focusedStep)) : undefined;

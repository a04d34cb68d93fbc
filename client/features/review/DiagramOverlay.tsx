import { useState } from 'react';
import type { Region } from '../../../shared/schemas/annotation';
import type { ImageDto } from '../../../shared/schemas/api';
import { regionSvg } from './review-text';

export interface RegionLayer {
  /** Who drew them: an annotator's name, or "Gold". */
  name: string;
  colour: string;
  regions: readonly Region[];
  /** Drawn dashed (the gold being edited). */
  dashed?: boolean;
}

/**
 * The problem's diagrams, read-only, with every layer's regions overlaid in the layer's colour:
 * an SVG over the <img> whose viewBox is the image's natural size (regions are normalised to it),
 * so it scales with the image. A legend names the colours; each layer can be hidden.
 */
export function DiagramOverlay({ images, layers }: { images: readonly ImageDto[]; layers: readonly RegionLayer[] }) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  const withRegions = layers.filter((l) => l.regions.length > 0);

  return (
    <div className="overlay-diagrams">
      {images.map((image, index) => (
        <figure key={image.sha256} className="overlay-figure">
          <div className="overlay-frame">
            <img src={image.url} alt={`Diagram ${index + 1} of the problem`} width={image.width} height={image.height} />
            <svg
              className="overlay-svg"
              viewBox={`0 0 ${image.width} ${image.height}`}
              preserveAspectRatio="none"
              role="img"
              aria-label={`Regions on diagram ${index + 1}`}
            >
              {layers
                .filter((layer) => !hidden.has(layer.name))
                .flatMap((layer) =>
                  layer.regions
                    .filter((r) => r.imageSha256 === image.sha256)
                    .map((region) => (
                      <RegionShape key={`${layer.name}-${region.id}`} region={region} layer={layer} width={image.width} height={image.height} />
                    )),
                )}
            </svg>
          </div>
        </figure>
      ))}
      <ul className="overlay-legend" aria-label="Region colours">
        {layers.map((layer) => (
          <li key={layer.name}>
            <label>
              <input type="checkbox" checked={!hidden.has(layer.name)} onChange={() => toggle(layer.name)} />
              <span className="swatch" style={{ background: layer.colour }} aria-hidden="true" />
              {layer.name}
              <span className="muted">
                {' '}
                ({layer.regions.length} region{layer.regions.length === 1 ? '' : 's'})
              </span>
            </label>
          </li>
        ))}
        {withRegions.length === 0 && <li className="muted">Nobody marked a region.</li>}
      </ul>
    </div>
  );
}

function RegionShape({ region, layer, width, height }: { region: Region; layer: RegionLayer; width: number; height: number }) {
  const shape = regionSvg(region, width, height);
  const common = {
    stroke: layer.colour,
    strokeWidth: 2.5,
    vectorEffect: 'non-scaling-stroke' as const,
    strokeDasharray: layer.dashed ? '6 4' : undefined,
    strokeLinejoin: 'round' as const,
    strokeLinecap: 'round' as const,
    'data-layer': layer.name,
  };
  const title = <title>{`${layer.name}: ${region.kind}${region.stepIndex === undefined ? '' : `, step ${region.stepIndex + 1}`}${region.note ? ` — ${region.note}` : ''}`}</title>;
  const fill = `${layer.colour}22`;
  switch (shape.tag) {
    case 'rect':
      return <rect {...common} x={shape.x} y={shape.y} width={shape.width} height={shape.height} fill={fill}>{title}</rect>;
    case 'polygon':
      return <polygon {...common} points={shape.points} fill={fill}>{title}</polygon>;
    case 'polyline':
      return <polyline {...common} points={shape.points} fill="none">{title}</polyline>;
    case 'path':
      return <path {...common} d={shape.d} fill="none">{title}</path>;
  }
}

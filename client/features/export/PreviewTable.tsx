import type { ExportPreviewDto } from '../../../shared/schemas/export';
import { downloadUrl, EXPORT_FORMAT_NAMES, EXPORT_KIND_NAMES, type ExportForm } from './export-query';

const KIND_HELP = {
  sft: 'correct solutions',
  reflection: 'wrong solution → correction',
  orm: 'judgments for an ORM',
  prm: 'step labels',
  preference: 'chosen vs rejected pairs',
} as const;

const IMAGES = { sharegpt: 'images copied', openai: 'images inlined', trl: 'images copied' } as const;

const reason = (name: string) => name.replace(/_/g, ' ');

/**
 * Records each kind would yield, what is left out and why, and the downloads. Downloads are
 * plain links to the streaming GET (the browser saves the zip as it arrives; the session cookie
 * authenticates it); they are hidden while the options are refused.
 */
export function PreviewTable(props: { project: string; form: ExportForm; preview: ExportPreviewDto | null; downloadable: boolean }) {
  const { project, form, preview, downloadable } = props;
  return (
    <table className="data-table export-table">
      <caption className="visually-hidden">Records per kind and downloads</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col" className="num">
            Records
          </th>
          <th scope="col" className="num">
            Train / val
          </th>
          <th scope="col">Left out</th>
          <th scope="col">Download zip</th>
        </tr>
      </thead>
      <tbody>
        {EXPORT_KIND_NAMES.map((kind) => {
          const row = preview?.byKind[kind];
          const leftOut = row ? Object.entries(row.leftOut).filter(([, n]) => n > 0) : [];
          return (
            <tr key={kind}>
              <th scope="row">
                {kind} <span className="muted">{KIND_HELP[kind]}</span>
              </th>
              <td className="num">{row ? row.records : '–'}</td>
              <td className="num nowrap">{row ? `${row.train} / ${row.val}` : '–'}</td>
              <td>
                {row && leftOut.length === 0 && <span className="muted">none</span>}
                {leftOut.length > 0 && (
                  <ul className="reasons">
                    {leftOut.map(([name, n]) => (
                      <li key={name}>
                        {reason(name)}: {n}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="downloads">
                {downloadable
                  ? EXPORT_FORMAT_NAMES.map((format) => (
                      <a key={format} className="button" href={downloadUrl(project, form, kind, format)} download aria-label={`Download ${kind} as ${format} (${IMAGES[format]})`}>
                        {format}
                      </a>
                    ))
                  : <span className="muted">fix the options first</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

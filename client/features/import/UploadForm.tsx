import { useRef, useState } from 'react';
import { describeError } from '../../api/api-error';
import { IMPORT_FORMATS, uploadImport, type ImportFormat, type UploadFile } from '../../api/imports';
import { addPicked, formatBytes, isDataFile } from './upload-files';

const FORMAT_HELP: Record<ImportFormat, string> = {
  auto: 'detect from the file',
  redline: 'native JSONL (SPEC §3.1)',
  processbench: 'ProcessBench JSON list',
  prm800k: 'PRM800K JSONL',
  'mathse-orm': 'ORM judgments for existing solutions',
};

interface Sent {
  sent: number;
  total: number;
}

/**
 * Choose files (or a folder: a JSONL with its img/ folder), format, round and strict, then
 * upload with a progress bar. Calls `onStarted` with the job id once the server has the files.
 */
export function UploadForm({ project, onStarted }: { project: string; onStarted: (jobId: number) => void }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [skipped, setSkipped] = useState(0);
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [round, setRound] = useState('');
  const [strict, setStrict] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const pick = (list: FileList | null) => {
    if (!list) return;
    const next = addPicked(files, [...list]);
    setFiles(next.files);
    setSkipped((n) => n + next.skipped);
    setError(null);
  };
  const clear = () => {
    setFiles([]);
    setSkipped(0);
  };
  const roundBad = round.trim() !== '' && !/^\d+$/.test(round.trim());
  const dataCount = files.filter((f) => isDataFile(f.name)).length;
  const bytes = files.reduce((sum, f) => sum + f.file.size, 0);

  const submit = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setError(null);
    setSent({ sent: 0, total: bytes });
    try {
      const id = await uploadImport(project, files, { format, round, strict }, (s, total) => setSent({ sent: s, total }), controller.signal);
      clear();
      onStarted(id);
    } catch (cause) {
      setError(describeError(cause));
    } finally {
      setSent(null);
      abort.current = null;
    }
  };

  return (
    <form className="options-form import-form" aria-label="Upload files" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <fieldset disabled={sent !== null}>
        <legend>Files</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="import-files">Data files and images</label>
            <input id="import-files" type="file" multiple accept=".jsonl,.json,image/*" onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
          </div>
          <div className="field">
            <label htmlFor="import-folder">Or a whole folder</label>
            <input id="import-folder" type="file" multiple ref={(el) => el?.setAttribute('webkitdirectory', '')} onChange={(e) => { pick(e.target.files); e.target.value = ''; }} />
            <span className="muted">a JSONL with its img/ folder: images keep their paths</span>
          </div>
        </div>
        {files.length > 0 && (
          <div className="chosen">
            <p>
              {files.length} files chosen ({dataCount} data, {formatBytes(bytes)}){skipped > 0 && <span className="muted"> — {skipped} other files left out</span>}{' '}
              <button type="button" onClick={clear}>Clear</button>
            </p>
            <ul aria-label="Chosen files">
              {files.slice(0, 50).map((f) => (
                <li key={f.name}>
                  {f.name} <span className="muted">{formatBytes(f.file.size)}</span>
                </li>
              ))}
              {files.length > 50 && <li className="muted">and {files.length - 50} more</li>}
            </ul>
          </div>
        )}
      </fieldset>
      <fieldset disabled={sent !== null}>
        <legend>Options</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor="import-format">Format</label>
            <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
              {IMPORT_FORMATS.map((f) => (
                <option key={f} value={f}>{f}</option>
              ))}
            </select>
            <span className="muted">{FORMAT_HELP[format]}</span>
          </div>
          <div className="field">
            <label htmlFor="import-round">Round</label>
            <input id="import-round" type="text" inputMode="numeric" value={round} onChange={(e) => setRound(e.target.value)} aria-invalid={roundBad} />
            <span className={roundBad ? 'field-error' : 'muted'}>{roundBad ? 'a whole number ≥ 0' : 'blank: as in the file'}</span>
          </div>
          <div className="field">
            <label>
              <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} /> Strict
            </label>
            <span className="muted">any bad record: nothing is stored</span>
          </div>
        </div>
      </fieldset>
      <div className="upload-row">
        <button type="submit" className="primary" disabled={sent !== null || dataCount === 0 || roundBad}>Upload</button>
        {sent !== null && (
          <>
            <progress aria-label="Upload progress" max={sent.total || 1} value={sent.sent} />
            <span role="status">Uploading {formatBytes(sent.sent)} of {formatBytes(sent.total)}</span>
            <button type="button" onClick={() => abort.current?.abort()}>Cancel</button>
          </>
        )}
        {sent === null && dataCount === 0 && <span className="muted">choose at least one .jsonl or .json file</span>}
      </div>
      {error && <p role="alert">The upload was refused: {error}</p>}
    </form>
  );
}

import { useState } from 'react';
import { describeError } from '../../api/api-error';
import { changeMembers, listMembers, type MemberDto } from '../../api/members';
import { ProjectNav } from '../../app/ProjectNav';
import { useRemote } from '../../app/use-remote';
import { AddMembers } from './AddMembers';
import { formatDate } from '../../app/format-time';
import './project-settings.css';

/** /projects/:project/members (lead+): who works on the project; add and remove people. */
export function MembersPage({ project }: { project: string }) {
  const members = useRemote(() => listMembers(project), project);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const change = async (add: string[], remove: string[]): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      members.replace(await changeMembers(project, { add, remove }));
      const text = add.length > 0 ? `Added ${add.join(', ')}.` : `Removed ${remove.join(', ')}.`;
      setMessage({ kind: 'status', text });
      return true;
    } catch (e) {
      setMessage({ kind: 'alert', text: describeError(e) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="page">
      <ProjectNav project={project} current="Members" />
      <h1>Members of {project}</h1>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'form-error' : 'notice'}>
          {message.text}
        </p>
      )}
      {members.data === null && members.loading && <p className="loading">Loading the members…</p>}
      {members.data === null && members.error && <p role="alert">Could not load the members: {members.error}</p>}
      {members.data && <MemberTable members={members.data} busy={busy} onRemove={(name) => void change([], [name])} />}
      {members.data && <AddMembers members={members.data} busy={busy} onAdd={(names) => change(names, [])} />}
    </main>
  );
}

function MemberTable({ members, busy, onRemove }: { members: MemberDto[]; busy: boolean; onRemove: (name: string) => void }) {
  if (members.length === 0) return <p>No members yet. Annotators see a project only once they are members.</p>;
  return (
    <table className="data-table" aria-label="Members">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Member since</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.name}>
            <th scope="row">{m.name}</th>
            <td>{m.role}</td>
            <td>{formatDate(m.since)}</td>
            <td className="row-actions">
              <button type="button" onClick={() => onRemove(m.name)} disabled={busy}>
                Remove {m.name}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TokenDto } from '../../../shared/schemas/admin';
import { describeError } from '../../api/api-error';
import { createToken, listTokens, revokeToken, type NewToken } from '../../api/users';
import { ConfirmInline } from '../../app/ConfirmInline';
import { formatDate } from '../../app/format-time';
import { useRemote } from '../../app/use-remote';
import { TokenRevealDialog } from './TokenRevealDialog';
import { tokenName } from './user-text';

/** One user's API tokens: list, revoke (asks first), create (shown once in a dialog). */
export function TokensPanel({ user, onClose }: { user: string; onClose: () => void }) {
  const tokens = useRemote(() => listTokens(user), user);
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<(NewToken & { label: string }) | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // The panel opens below the users table: bring it into view and put focus on its heading.
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);

  const create = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await createToken(user, label.trim());
      setCreated({ ...token, label: label.trim() });
      setLabel('');
      tokens.reload();
    } catch (e) {
      setError(`Could not create a token: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (token: TokenDto) => {
    setBusy(true);
    setError(null);
    try {
      await revokeToken(user, token.id);
      setConfirming(null);
      tokens.reload();
    } catch (e) {
      setError(`Could not revoke token ${tokenName(token)}: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tokens-panel" aria-labelledby="tokens-heading">
      <header className="panel-head">
        <h2 id="tokens-heading" ref={heading} tabIndex={-1}>
          Tokens of {user}
        </h2>
        <button type="button" onClick={onClose}>
          Close tokens
        </button>
      </header>
      <p className="muted">Scripts send a token as “Authorization: Bearer …” and act as {user}. Revoke a token as soon as it may have leaked.</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {tokens.data === null && tokens.loading && <p className="loading">Loading tokens…</p>}
      {tokens.data === null && tokens.error && <p role="alert">Could not load the tokens: {tokens.error}</p>}
      {tokens.data && tokens.data.length === 0 && <p>No tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="data-table" aria-label={`Tokens of ${user}`}>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.label || <span className="muted">#{token.id}</span>}</th>
                <td>{formatDate(token.createdAt)}</td>
                <td>{token.lastUsedAt ? formatDate(token.lastUsedAt) : <span className="muted">never</span>}</td>
                <td>{token.revokedAt ? <span className="badge off">Revoked {formatDate(token.revokedAt)}</span> : <span className="badge on">Active</span>}</td>
                <td className="row-actions">
                  {token.revokedAt === null && confirming !== token.id && (
                    <button type="button" onClick={() => setConfirming(token.id)} disabled={busy}>
                      Revoke token {tokenName(token)}
                    </button>
                  )}
                  {confirming === token.id && (
                    <ConfirmInline
                      question={`Revoke token ${tokenName(token)}? Scripts using it stop working at once.`}
                      confirmLabel="Revoke"
                      busy={busy}
                      onConfirm={() => void revoke(token)}
                      onCancel={() => setConfirming(null)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={create}>
        <label htmlFor="token-label">Token label</label>
        <input id="token-label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. nightly import" />
        <button type="submit" className="primary" disabled={busy}>
          Create token
        </button>
      </form>
      {created && <TokenRevealDialog user={user} label={created.label} token={created.token} onClose={() => setCreated(null)} />}
    </section>
  );
}

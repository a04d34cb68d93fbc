import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/api-error';
import { fetchHealth, signIn } from '../../api/auth';
import { DemoNotice } from '../../app/DemoNotice';
import { navigate } from '../../app/router';
import { paths } from '../../app/routes';
import { useAppStore } from '../../store/app-store';

function messageFor(error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return 'Wrong username or password. Please try again.';
  if (error instanceof ApiError && error.status === 429) return 'Too many attempts. Wait a moment, then try again.';
  return `Could not sign in: ${describeError(error)}`;
}

export function LoginPage() {
  const signedIn = useAppStore((s) => s.signedIn);
  const demoSeen = useAppStore((s) => s.session.demo);
  const [demoLoaded, setDemoLoaded] = useState(false);
  const demo = demoSeen || demoLoaded;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // The demo warning must show before anyone signs in; health is public.
    fetchHealth().then((health) => setDemoLoaded(health.demo === true), () => undefined);
  }, []);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const me = await signIn(username.trim(), password);
      signedIn(me);
      navigate(paths.projects(), { replace: true });
    } catch (e) {
      setError(messageFor(e));
      setBusy(false);
    }
  };

  return (
    <main className="page login">
      <h1>Sign in to Redline</h1>
      {demo && <DemoNotice />}
      <form onSubmit={handleSubmit} className="login-form" aria-busy={busy}>
        <label htmlFor="login-username">Username</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}

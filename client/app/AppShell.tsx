import type { ReactNode } from 'react';
import { signOut } from '../api/auth';
import { useAppStore } from '../store/app-store';
import { mainNav } from './access';
import { DemoNotice } from './DemoNotice';
import { Link } from './Link';
import { navigate, usePathname } from './router';
import { paths } from './routes';

/** The frame of every signed-in page: the role's navigation, who is signed in, sign out, the demo warning. */
export function AppShell({ children }: { children: ReactNode }) {
  const me = useAppStore((s) => s.session.me);
  const signedOut = useAppStore((s) => s.signedOut);
  const pathname = usePathname();

  const handleSignOut = async () => {
    // Even if the server cannot be reached, this tab forgets the session.
    await signOut().catch(() => undefined);
    signedOut();
    navigate(paths.login(), { replace: true });
  };

  return (
    <div className="shell">
      <header className="app-header">
        <Link href={paths.projects()} className="brand">
          Redline
        </Link>
        {me && (
          <nav aria-label="Main" className="main-nav">
            <ul>
              {mainNav(me.user.role).map((item) => {
                // Projects is "current" on the list and every project page; Users on the admin pages.
                const current = item.href === '/' ? pathname === '/' || pathname.startsWith('/projects/') : pathname.startsWith(item.href);
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
        {me && (
          <div className="who">
            <span>
              Signed in as <strong>{me.user.name}</strong> <span className="role">({me.user.role})</span>
            </span>
            <button type="button" onClick={handleSignOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      {me?.demo && <DemoNotice />}
      {children}
    </div>
  );
}

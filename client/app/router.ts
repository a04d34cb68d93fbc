import { useSyncExternalStore } from 'react';

/**
 * A tiny router on the History API: the URL is the state, `navigate` changes it, and
 * `usePathname` re-renders on back/forward and on navigate(). Route meanings live in routes.ts.
 */

const NAVIGATED = 'redline:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Goes to `path` (same origin). `replace` keeps Back from returning to the current page. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (path === current) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else {
    window.history.pushState(null, '', path);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATED));
}

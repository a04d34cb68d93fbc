import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { GuidelinesMarkdown } from './GuidelinesMarkdown';

/**
 * The project's guidelines in a drawer over the judgment column. Not modal: the person keeps
 * reading the steps and using the keys while it is open. Opening moves focus into it; closing
 * (button, `g`, Escape) returns focus where it was.
 */
export function GuidelinesDrawer({ guidelines, project }: { guidelines: string; project: string }) {
  const open = useAppStore((s) => s.overlay === 'guidelines');
  const closeOverlay = useAppStore((s) => s.closeOverlay);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    heading.current?.focus();
    return () => {
      // Only if focus is still inside (or lost): never steal it from where the person went.
      const active = document.activeElement;
      if (!active || active === document.body || active.closest('.guidelines-drawer')) returnTo?.focus();
    };
  }, [open]);

  if (!open) return null;
  return (
    <aside className="guidelines-drawer" aria-labelledby="guidelines-heading">
      <header className="drawer-head">
        <h2 id="guidelines-heading" ref={heading} tabIndex={-1}>
          Guidelines · {project}
        </h2>
        <button type="button" onClick={() => closeOverlay()} title="Close (g or Esc)">
          Close
        </button>
      </header>
      <div className="drawer-body">
        {guidelines.trim() ? (
          <GuidelinesMarkdown text={guidelines} />
        ) : (
          <p className="muted">This project has no guidelines yet.</p>
        )}
      </div>
    </aside>
  );
}

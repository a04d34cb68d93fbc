import { Fragment, useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { comboLabel, shortcutGroups } from './shortcuts';

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The keyboard help (`?`): a modal <dialog> listing the shortcut table, so it always says what
 * the keys do. Escape or the button closes it, and focus returns where it was.
 */
export function ShortcutHelp({ everyStep }: { everyStep: boolean }) {
  const open = useAppStore((s) => s.overlay === 'help');
  const closeOverlay = useAppStore((s) => s.closeOverlay);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  // The dialog's close event comes a task later: by then another overlay may have opened.
  const onClose = () => {
    closeOverlay('help');
    // Back where it was, unless focus has already gone somewhere on purpose (the guidelines).
    const active = document.activeElement;
    if (!active || active === document.body || dialog.current?.contains(active)) returnTo.current?.focus();
    returnTo.current = null;
  };

  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-heading" onClose={onClose}>
      <header className="drawer-head">
        <h2 id="shortcut-help-heading">Keyboard shortcuts</h2>
        <button type="button" onClick={() => closeOverlay()}>
          Close
        </button>
      </header>
      <p className="muted">
        Letters do nothing while you type in a text or math field; Ctrl+Enter (submit) and Esc work everywhere.
      </p>
      <div className="shortcut-groups">
        {shortcutGroups(everyStep).map(([group, shortcuts]) => (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <dl className="shortcut-list">
              {shortcuts.map((shortcut) => (
                <Fragment key={shortcut.description}>
                  <dt>
                    {shortcut.keys.map((combo, i) => (
                      <Fragment key={combo}>
                        {i > 0 && <span className="muted"> or </span>}
                        {comboLabel(combo, mac).map((part, j) => (
                          <Fragment key={j}>
                            {j > 0 && '+'}
                            <kbd>{part}</kbd>
                          </Fragment>
                        ))}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}

import { useEffect, useRef } from 'react';
import { appStore } from '../../store/app-store';
import { keyTargetOf, type PathNode } from './key-target';
import { findShortcut, type WorkspaceCommands } from './shortcuts';

/**
 * The workspace's one keydown listener, on window: the key press and where it happened go to
 * findShortcut; a match is run and the browser's default prevented. Attached while the
 * annotate page is open.
 */
export function useShortcuts(commands: WorkspaceCommands, everyStep: boolean): void {
  const latest = useRef({ commands, everyStep });
  useEffect(() => {
    latest.current = { commands, everyStep };
  }, [commands, everyStep]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const path = event.composedPath() as unknown as PathNode[];
      const context = { target: keyTargetOf(path), everyStep: latest.current.everyStep, modalOpen: appStore.getState().overlay === 'help' };
      const shortcut = findShortcut(event, context);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.action(latest.current.commands);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

import { useEffect, type ReactNode } from 'react';
import { setScreenTitle } from '../routing/screen-focus';

/**
 * The frame of a screen shown before the app opens (set-up, unlock, the recovery key, restore, a
 * damaged file): its content is the page's one main landmark, and the window is titled after it.
 * (Signed in, AppShellLayout gives the main landmark.)
 */
export function GateFrame({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => setScreenTitle(title), [title]);
  return <main id="main-content">{children}</main>;
}

// Moving to another screen moves the keyboard focus to the new screen's heading, as a page load
// would put a screen reader at the top of the page: the heading is read out, and Tab goes on from
// there instead of from the link that was followed (which may no longer exist). The window's title
// names the screen too, so the taskbar and a screen reader's window list say where you are.

/** When a move to another screen asked for its heading to take the focus (ms); null when nothing is waiting. */
let wantedAt: number | null = null;

/** A move to another screen: its heading takes the focus when it appears (screens show theirs once loaded). */
export function focusHeadingWhenShown(): void {
  wantedAt = Date.now();
}

/**
 * True, once, when a heading appearing now should take the focus: a move to another screen asked
 * for it in the last few seconds (a screen still loading after that keeps the focus where it is).
 */
export function takeHeadingFocus(): boolean {
  const wanted = wantedAt !== null && Date.now() - wantedAt < 5_000;
  wantedAt = null;
  return wanted;
}

/** The window's title for a screen: "Children – Escalation Log". */
export function setScreenTitle(screen: string): void {
  document.title = screen ? `${screen} – Escalation Log` : 'Escalation Log';
}

/**
 * Puts the focus on the screen's heading if it has gone nowhere (to the page itself): e.g. a
 * dialog closed whose opener went with what it changed (Resolve, once the escalation is resolved).
 */
export function refocusIfLost(): void {
  const active = document.activeElement;
  if (active && active !== document.body && active.isConnected) return;
  document.querySelector<HTMLElement>('#main-content h1[tabindex="-1"]')?.focus();
}

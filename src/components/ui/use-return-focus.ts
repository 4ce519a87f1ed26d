import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * The element focused last, kept because a menu item that opens a dialog is removed (and focus
 * falls to <body>) before the dialog mounts.
 */
let lastFocused: HTMLElement | null = null;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLElement) lastFocused = event.target;
  });
}

/** What opened a dialog: the focused element, or for an item of a menu that menu's trigger. */
function findOpener(): HTMLElement | null {
  const active = document.activeElement;
  const candidate = active instanceof HTMLElement && active !== document.body ? active : lastFocused;
  if (!candidate) return null;
  const labelledBy = candidate.closest('[role="menu"]')?.getAttribute('aria-labelledby');
  return (labelledBy && document.getElementById(labelledBy)) || candidate;
}

/**
 * Returns focus to what opened a dialog or drawer when it closes, for dialogs opened from code
 * (a row, a menu item) that Radix has no trigger for. Pass the result as `onCloseAutoFocus`.
 */
export function useReturnFocus(open: boolean): (event: Event) => void {
  const opener = useRef<HTMLElement | null>(null);
  // A layout effect runs before Radix moves focus into the dialog (in a passive effect).
  useLayoutEffect(() => {
    if (open) opener.current = findOpener();
  }, [open]);
  return useCallback((event: Event) => {
    const target = opener.current;
    opener.current = null;
    if (target?.isConnected) {
      event.preventDefault();
      target.focus({ preventScroll: true });
      return;
    }
    // What opened it is gone (a form that saved and closed, a card that moved). Unless the page
    // has put focus somewhere itself by then, the page's heading takes it: never the body.
    setTimeout(() => {
      // The page may be gone by then (a test's document torn down, a tab closed).
      if (typeof document === 'undefined') return;
      if (document.activeElement === null || document.activeElement === document.body) {
        document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
      }
    });
  }, []);
}

import { useCallback, useSyncExternalStore } from 'react';

/** Shell breakpoints, in step with Tailwind's `md` and `lg`. */
export const mediaQueries = {
  /** Tablets and up: the sidebar is on screen (icons only below `desktop`). */
  tablet: '(min-width: 48rem)',
  /** Laptops and up: the sidebar shows its labels unless the user collapsed it. */
  desktop: '(min-width: 64rem)',
} as const;

/** Whether `query` matches now, updated as the window changes; true where there is no `matchMedia` (jsdom). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : true),
    () => true,
  );
}

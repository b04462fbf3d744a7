import { useCallback, useSyncExternalStore } from 'react';

/** Bulma's touch breakpoint: below it the header's links live in the burger menu. */
export const TOUCH_SCREEN = '(max-width: 1023px)';

/** Whether the media query matches now; the component renders again when that changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(query).matches ?? false);
}

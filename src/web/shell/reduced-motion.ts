import { useSyncExternalStore } from 'react';

// People who get dizzy from moving screens ask their system for less motion (WCAG 2.3.3); the
// hall's shared kiosks can be set that way too. Dialogs and lists then open without animating.
const QUERY = '(prefers-reduced-motion: reduce)';

const subscribe = (onChange: () => void) => {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};

/** Whether the user's system asks for reduced motion; follows the setting when it changes. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}

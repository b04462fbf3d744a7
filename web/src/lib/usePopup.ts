import { useCallback, useEffect, useId, useRef, useState } from 'react';

/**
 * A popup (a menu, a panel) opened by a button: spread `toggleProps` on the
 * button, put `root` on the element holding both, and `id` on the popup. It
 * closes on Escape, giving focus back to the button, and on a press anywhere
 * outside `root`.
 */
export function usePopup() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      button.current?.focus();
    };
    const onPress = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPress);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPress);
    };
  }, [open, close]);

  const toggleProps = {
    ref: button,
    type: 'button' as const,
    'aria-expanded': open,
    'aria-controls': id,
    onClick: () => setOpen((value) => !value),
  };
  return { open, close, id, root, toggleProps };
}

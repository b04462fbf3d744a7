import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A success message in a live region that is always there (so screen readers
 * announce what appears in it), brought into view when it appears and each
 * time `of` changes: a form's message is at its top, often scrolled away
 * when the person pressed the button at its bottom.
 */
export function SuccessMessage({ of, children }: { of: unknown; children?: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  const shown = Boolean(children);
  useEffect(() => {
    if (shown) region.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [shown, of]);
  return (
    <div role="status" ref={region}>
      {shown && <div className="notification is-success is-light">{children}</div>}
    </div>
  );
}

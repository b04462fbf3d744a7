import { useCallback, useEffect, useRef } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router-dom';

/**
 * While `dirty`, asks with `message` (window.confirm, as the app asks before
 * deleting) before the page is left inside the app: Back and Forward, a link,
 * a redirect (useBlocker, which needs the data router of main.tsx); and with
 * the browser's own question on reload, closing or typing another address
 * (beforeunload). Returns `leaveWithoutAsking`, for the page's own navigation
 * once the changes are saved, before a render can clear `dirty`.
 */
export function useConfirmLeave(dirty: boolean, message: string) {
  const saved = useRef(false);
  const shouldAsk = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !saved.current &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
    [dirty],
  );
  const blocker = useBlocker(shouldAsk);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(message)) blocker.proceed();
    else blocker.reset();
  }, [blocker, message]);

  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older browsers ask only when this is set
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [dirty]);

  return useCallback(() => {
    saved.current = true;
  }, []);
}

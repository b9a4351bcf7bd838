import { useEffect } from 'react';
import { useBlocker } from 'react-router';

/** While there are unsaved edits, leaving the page (a link, back, closing the tab) asks first. */
export function useUnsavedGuard(dirty: boolean, what = 'your changes') {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(`Leave this page? ${what[0]!.toUpperCase()}${what.slice(1)} are not saved.`)) blocker.proceed();
    else blocker.reset();
  }, [blocker, what]);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}

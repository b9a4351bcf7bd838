import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useTranslate } from '../../i18n/useTranslate';

/** While there are unsaved edits, leaving the page (a link, back, closing the tab) asks first. */
export function useUnsavedGuard(dirty: boolean) {
  const t = useTranslate();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(t('unsaved.leave'))) blocker.proceed();
    else blocker.reset();
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}

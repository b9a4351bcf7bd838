import { useState } from 'react';
import { useTranslate } from '../i18n/useTranslate';

/**
 * Paging through a list by the API's continuation tokens: the tokens of the pages before this one are kept, so going back needs
 * nothing from the API. Reset it when the filter changes.
 */
export function usePageTrail() {
  const [trail, setTrail] = useState<string[]>([]);
  return {
    token: trail.at(-1),
    hasPrevious: trail.length > 0,
    previous: () => setTrail(trail.slice(0, -1)),
    next: (token: string | null | undefined) => token && setTrail([...trail, token]),
    reset: () => setTrail([]),
  };
}

/** The previous and next buttons of a paged list. */
export function Pager({
  trail,
  nextToken,
  previousLabel,
  nextLabel,
}: {
  trail: ReturnType<typeof usePageTrail>;
  nextToken: string | null | undefined;
  previousLabel?: string;
  nextLabel?: string;
}) {
  const t = useTranslate();
  return (
    <nav className="row" aria-label={t('pager.label')}>
      <button type="button" className="secondary" disabled={!trail.hasPrevious} onClick={trail.previous}>
        {previousLabel ?? t('pager.previous')}
      </button>
      <button type="button" className="secondary" disabled={!nextToken} onClick={() => trail.next(nextToken)}>
        {nextLabel ?? t('pager.next')}
      </button>
    </nav>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

/** My team's work waiting for me, the longest waiting first. */
export function ReviewQueue() {
  const t = useTranslate();
  usePageTitle(t('nav.reviews'));
  const { api } = useServices();
  const queue = useQuery({ ...queries.reviewQueue(api), refetchInterval: 30_000 });
  const items = [...(queue.data?.items ?? [])].sort((a, b) => (a.waitingSince ?? '').localeCompare(b.waitingSince ?? ''));
  return (
    <>
      <h1>{t('nav.reviews')}</h1>
      {queue.isPending && <p className="muted">{t('app.loading')}</p>}
      {queue.isError && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && items.length === 0 && <p>{t('queue.empty')}</p>}
      {items.length > 0 && (
        <ol className="cards" aria-label={t('queue.listLabel')}>
          {items.map((item) => (
            <li key={item.enrollmentId} className="card stack">
              <h2>
                <Link to={`/coach/reviews/${item.enrollmentId}`} aria-label={`${item.learnerName}: ${item.certificationTitle}`}>
                  {item.learnerName}
                </Link>
              </h2>
              <p>{item.certificationTitle}</p>
              <p className="muted">
                {item.awaitingApproval ? t('queue.approval') : t('queue.toReview', { count: item.criteria.length })}
                {item.waitingSince ? ` · ${t('queue.since', { at: formatDateTime(item.waitingSince) })}` : ''}
              </p>
              {!item.awaitingApproval && (
                <ul>
                  {item.criteria.map((c) => (
                    <li key={c.criterionId}>
                      {c.title}
                      {c.evidenceCount > 0 ? ` (${t('queue.handIns', { count: c.evidenceCount })})` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

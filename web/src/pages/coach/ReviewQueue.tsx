import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { everyPage, largestPage } from '../../api/everyPage';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

/** My team's work waiting for me, the longest waiting first. */
export function ReviewQueue() {
  usePageTitle('Review queue');
  const { api } = useServices();
  const queue = useQuery({ queryKey: ['review-queue'], queryFn: () => everyPage((continuationToken) => api.GET('/reviews/queue', { params: { query: { pageSize: largestPage, continuationToken } } })), refetchInterval: 30_000 });
  const items = [...(queue.data?.items ?? [])].sort((a, b) => (a.waitingSince ?? '').localeCompare(b.waitingSince ?? ''));
  return (
    <>
      <h1>Review queue</h1>
      {queue.isPending && <p className="muted">Loading…</p>}
      {queue.isError && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && items.length === 0 && <p>Nothing is waiting for you. Well done.</p>}
      {items.length > 0 && (
        <ol className="cards" aria-label="Waiting for you, oldest first">
          {items.map((item) => (
            <li key={item.enrollmentId} className="card stack">
              <h2>
                <Link to={`/coach/reviews/${item.enrollmentId}`} aria-label={`${item.learnerName}: ${item.certificationTitle}`}>
                  {item.learnerName}
                </Link>
              </h2>
              <p>{item.certificationTitle}</p>
              <p className="muted">
                {item.awaitingApproval ? 'Waiting for approval' : `${item.criteria.length} to review`}
                {item.waitingSince ? ` · since ${formatDateTime(item.waitingSince)}` : ''}
              </p>
              {!item.awaitingApproval && (
                <ul>
                  {item.criteria.map((c) => (
                    <li key={c.criterionId}>{c.title}{c.evidenceCount > 0 ? ` (${c.evidenceCount} hand-in${c.evidenceCount === 1 ? '' : 's'})` : ''}</li>
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

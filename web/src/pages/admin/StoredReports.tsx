import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { everyPage, largestPage } from '../../api/everyPage';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

/** Every stored report by the day it was built, with links that work for a quarter of an hour. */
export function StoredReports() {
  usePageTitle('Stored reports');
  const { api } = useServices();
  const stored = useQuery({ queryKey: ['stored-reports'], queryFn: () => everyPage((continuationToken) => api.GET('/reports', { params: { query: { pageSize: largestPage, continuationToken } } })) });
  const days = [...new Set((stored.data?.items ?? []).map((r) => r.date))];
  return (
    <>
      <p><Link to="/admin/reports">← Reports</Link></p>
      <h1>Stored reports</h1>
      {stored.isPending && <p className="muted">Loading…</p>}
      {stored.isError && <ErrorNotice error={stored.error} onRetry={() => void stored.refetch()} />}
      {stored.isSuccess && days.length === 0 && <p>No report has been built yet.</p>}
      {days.map((day) => (
        <section key={day} className="card stack" aria-label={`Reports of ${day}`}>
          <h2>{day}</h2>
          <ul className="plain">
            {stored.data!.items.filter((r) => r.date === day).map((r) => (
              <li key={r.file}>
                <a href={r.downloadUrl} download={r.file}>{r.file}</a> <span className="muted small">{formatBytes(r.bytes)}, {formatDateTime(r.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {stored.isSuccess && days.length > 0 && <p className="hint">The links work for 15 minutes; reload the page for new ones.</p>}
    </>
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { must } from '../../api/client';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { Pager, usePageTrail } from '../../ui/Pager';
import { usePageTitle } from '../../ui/usePageTitle';

/** What the LMS delivered lately, newest first, and what each delivery did. */
export function Deliveries() {
  usePageTitle('LMS deliveries');
  const { api } = useServices();
  const trail = usePageTrail();
  const token = trail.token;
  const deliveries = useQuery({
    queryKey: ['lms-deliveries', token],
    queryFn: () => must(api.GET('/webhooks/lms/deliveries', { params: { query: { pageSize: '25', ...(token && { continuationToken: token }) } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <p><Link to="/admin/settings">← Organization settings</Link></p>
      <div className="row spread">
        <h1>LMS deliveries</h1>
        <button type="button" className="secondary" disabled={deliveries.isFetching} onClick={() => { trail.reset(); void deliveries.refetch(); }}>Refresh</button>
      </div>
      <p className="hint">Deliveries with a valid signature, newest first. A delivery sent again with the same webhook-id is listed once.</p>
      {deliveries.isPending && <p className="muted">Loading…</p>}
      {deliveries.isError && <ErrorNotice error={deliveries.error} onRetry={() => void deliveries.refetch()} />}
      {deliveries.isSuccess && deliveries.data.items.length === 0 && <p role="status">No delivery yet.</p>}
      {deliveries.isSuccess && deliveries.data.items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">LMS deliveries</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Activity</th><th scope="col">Outcome</th><th scope="col">Webhook id</th></tr></thead>
            <tbody>
              {deliveries.data.items.map((d) => (
                <tr key={d.webhookId}>
                  <th scope="row">{formatDateTime(d.receivedAt)}</th>
                  <td>{d.activityId}</td>
                  <td>{d.outcome}{d.completedEnrollments > 0 && ` (${d.completedEnrollments} record${d.completedEnrollments === 1 ? '' : 's'})`}</td>
                  <td><code>{d.webhookId}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deliveries.isSuccess && (
        <Pager trail={trail} nextToken={deliveries.data.continuationToken} previousLabel="Newer" nextLabel="Older" />
      )}
    </>
  );
}

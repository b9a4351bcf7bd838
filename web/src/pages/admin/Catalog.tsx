import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { everyPage, largestPage } from '../../api/everyPage';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { kindNames } from './criterionKinds';

const statusTone: Record<string, string> = { Published: 'badge-success', Draft: 'badge-warning', Archived: '' };

/** Every certification of the organization, drafts first, with what each asks of learners and its learners as last counted. */
export function Catalog() {
  usePageTitle('Catalog');
  const { api } = useServices();
  const catalog = useQuery({ queryKey: ['certifications'], queryFn: () => everyPage((continuationToken) => api.GET('/certifications', { params: { query: { pageSize: largestPage, continuationToken } } })) });
  const order = { Draft: 0, Published: 1, Archived: 2 } as const;
  const items = [...(catalog.data?.items ?? [])].sort((a, b) => order[a.status] - order[b.status] || a.title.localeCompare(b.title));
  return (
    <>
      <div className="row spread">
        <h1>Catalog</h1>
        <Link className="button" to="/admin/certifications/new">New certification</Link>
      </div>
      {catalog.isPending && <p className="muted">Loading…</p>}
      {catalog.isError && <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} />}
      {catalog.isSuccess && items.length === 0 && <p>No certification yet. Create the first one.</p>}
      {items.length > 0 && (
        <ul className="cards" aria-label="Certifications">
          {items.map((c) => (
            <li key={c.id} className="card stack">
              <h2 className="card-title"><Link to={`/admin/certifications/${c.id}`}>{c.title}</Link></h2>
              <p><span className={`badge ${statusTone[c.status] ?? ''}`}>{c.status}</span></p>
              {c.status !== 'Draft' && (
                <p>
                  {c.learners
                    ? <>{c.learners.total} {c.learners.total === 1 ? 'learner' : 'learners'}, {c.learners.overdue} overdue, {c.learners.earned} earned
                      <span className="muted small"> · counted {formatDateTime(c.learners.countedAt)}</span></>
                    : <span className="muted">Learners are counted by the next report run.</span>}
                </p>
              )}
              <p className="muted">
                {c.criteria.length} criteria: {[...new Set(c.criteria.map((k) => kindNames[k.kind] ?? k.kind))].join(', ') || 'none yet'}
              </p>
              <p className="muted">
                {c.requireApproval ? 'Approval required' : 'No approval step'} · {c.validityMonths ? `valid ${c.validityMonths} months` : 'does not expire'}
                {c.publishedAt && <> · published {formatDate(c.publishedAt)}</>}
              </p>
              {c.status === 'Published' && (
                <p className="row">
                  <Link to={`/admin/certifications/${c.id}?assign=1`}>Assign</Link>
                  <Link to={`/admin/certifications/${c.id}/records`}>Learning records</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

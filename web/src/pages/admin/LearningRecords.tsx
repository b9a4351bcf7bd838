import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { must } from '../../api/client';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { ProgressBar, StatusBadge } from '../../ui/Status';
import { Pager, usePageTrail } from '../../ui/Pager';
import { usePageTitle } from '../../ui/usePageTitle';

const statuses = [
  ['NotStarted', 'Not started'], ['Started', 'Started'], ['InProgress', 'In progress'], ['Submitted', 'Submitted'],
  ['NotEarned', 'Not earned'], ['Earned', 'Earned'],
] as const;
const pageSize = 25;

/** A certification's learning records, filtered and searched in the address (so a filtered list can be shared), page by page. */
export function LearningRecords() {
  const { id = '' } = useParams();
  const { api } = useServices();
  const formId = useId();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const source = params.get('source') ?? '';
  const overdue = params.get('overdue') ?? '';
  const search = params.get('search') ?? '';
  const [typed, setTyped] = useState(search);
  // Tokens of the pages before this one, so Previous goes back without the API keeping state.
  const trail = usePageTrail();
  const token = trail.token;

  const records = useQuery({
    queryKey: ['learning-records', id, status, source, overdue, search, token],
    queryFn: () =>
      must(api.GET('/certifications/{id}/learning-records', {
        params: {
          path: { id },
          query: {
            pageSize: String(pageSize), ...(status && { status }), ...(source && { source }), ...(overdue && { overdue }),
            ...(search && { search }), ...(token && { continuationToken: token }),
          },
        },
      })),
    placeholderData: keepPreviousData,
  });
  const title = records.data?.certification.title;
  usePageTitle(title ? `Learning records of ${title}` : 'Learning records');

  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    trail.reset();
    setParams(next, { replace: true });
  };

  return (
    <>
      <p><Link to={`/admin/certifications/${id}`}>← {title ?? 'The certification'}</Link></p>
      <h1>Learning records{title && <> of {title}</>}</h1>
      <form className="card row filters" role="search" aria-label="Filter the learning records"
        onSubmit={(event) => {
          event.preventDefault();
          filter('search', typed.trim());
        }}>
        <div className="field">
          <label htmlFor={`${formId}-status`}>Status</label>
          <select id={`${formId}-status`} value={status} onChange={(e) => filter('status', e.target.value)}>
            <option value="">Any status</option>
            {statuses.map(([value, name]) => <option key={value} value={value}>{name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-source`}>Source</label>
          <select id={`${formId}-source`} value={source} onChange={(e) => filter('source', e.target.value)}>
            <option value="">Assigned or self-enrolled</option>
            <option value="Assigned">Assigned</option>
            <option value="SelfEnrolled">Self-enrolled</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-overdue`}>Due</label>
          <select id={`${formId}-overdue`} value={overdue} onChange={(e) => filter('overdue', e.target.value)}>
            <option value="">Overdue or not</option>
            <option value="true">Overdue only</option>
            <option value="false">Not overdue</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${formId}-search`}>Name or e-mail</label>
          <input id={`${formId}-search`} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" className="secondary">Search</button>
      </form>
      {records.isPending && <p className="muted">Loading…</p>}
      {records.isError && <ErrorNotice error={records.error} onRetry={() => void records.refetch()} />}
      {records.isSuccess && (
        <>
          <p role="status" className="muted">
            {records.data.items.length === 0 ? 'No learning record matches.' : `${records.data.items.length} learning record${records.data.items.length === 1 ? '' : 's'} on this page.`}
          </p>
          {records.data.items.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Learning records</caption>
                <thead>
                  <tr><th scope="col">Learner</th><th scope="col">Status</th><th scope="col">Progress</th><th scope="col">Source</th><th scope="col">Due</th></tr>
                </thead>
                <tbody>
                  {records.data.items.map((r) => (
                    <tr key={r.enrollmentId}>
                      <th scope="row">
                        <Link to={`/admin/enrollments/${r.enrollmentId}`}>{r.learner.displayName}</Link>
                        <div className="muted small">{r.learner.email}</div>
                      </th>
                      <td><StatusBadge status={r.status} />{r.overdue && <> <span className="badge badge-danger">Overdue</span></>}</td>
                      <td><ProgressBar met={r.progress.met} total={r.progress.total} label={`Progress of ${r.learner.displayName}`} /></td>
                      <td>{r.source === 'Assigned' ? 'Assigned' : 'Self-enrolled'}</td>
                      <td>{r.dueDate ? formatDate(r.dueDate) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager trail={trail} nextToken={records.data.continuationToken} />
        </>
      )}
    </>
  );
}

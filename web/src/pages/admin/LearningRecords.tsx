import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDueDate } from '../../ui/format';
import { ProgressBar, StatusBadge } from '../../ui/Status';
import { statusText } from '../../ui/standing';
import { Pager, usePageTrail } from '../../ui/Pager';
import { usePageTitle } from '../../ui/usePageTitle';

const statuses = ['NotStarted', 'Started', 'InProgress', 'Submitted', 'NotEarned', 'Earned'] as const;

/** A certification's learning records, filtered and searched in the address (so a filtered list can be shared), page by page. */
export function LearningRecords() {
  const t = useTranslate();
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
    ...queries.learningRecords(api, id, { status, source, overdue, search, token }),
    placeholderData: keepPreviousData,
  });
  const title = records.data?.certification.title;
  usePageTitle(title ? t('records.of', { title }) : t('records.heading'));

  const filter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    trail.reset();
    setParams(next, { replace: true });
  };

  return (
    <>
      <p>
        <Link to={`/admin/certifications/${id}`}>{t('records.back', { title: title ?? t('common.certification') })}</Link>
      </p>
      <h1>{title ? t('records.of', { title }) : t('records.heading')}</h1>
      <form
        className="card row filters"
        role="search"
        aria-label={t('records.filter')}
        onSubmit={(event) => {
          event.preventDefault();
          filter('search', typed.trim());
        }}
      >
        <div className="field">
          <label htmlFor={`${formId}-status`}>{t('records.status')}</label>
          <select id={`${formId}-status`} value={status} onChange={(e) => filter('status', e.target.value)}>
            <option value="">{t('records.anyStatus')}</option>
            {statuses.map((value) => (
              <option key={value} value={value}>
                {statusText(value, t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-source`}>{t('records.source')}</label>
          <select id={`${formId}-source`} value={source} onChange={(e) => filter('source', e.target.value)}>
            <option value="">{t('records.anySource')}</option>
            <option value="Assigned">{t('records.assigned')}</option>
            <option value="SelfEnrolled">{t('records.selfEnrolled')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-overdue`}>{t('records.due')}</label>
          <select id={`${formId}-overdue`} value={overdue} onChange={(e) => filter('overdue', e.target.value)}>
            <option value="">{t('records.anyDue')}</option>
            <option value="true">{t('records.overdueOnly')}</option>
            <option value="false">{t('records.notOverdue')}</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${formId}-search`}>{t('records.search')}</label>
          <input id={`${formId}-search`} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t('records.searchButton')}
        </button>
      </form>
      {records.isPending && <p className="muted">{t('app.loading')}</p>}
      {records.isError && <ErrorNotice error={records.error} onRetry={() => void records.refetch()} />}
      {records.isSuccess && (
        <>
          <p role="status" className="muted">
            {records.data.items.length === 0 ? t('records.noMatch') : t('records.onPage', { count: records.data.items.length })}
          </p>
          {records.data.items.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{t('records.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('role.Learner')}</th>
                    <th scope="col">{t('records.status')}</th>
                    <th scope="col">{t('records.progress')}</th>
                    <th scope="col">{t('records.source')}</th>
                    <th scope="col">{t('records.due')}</th>
                  </tr>
                </thead>
                <tbody>
                  {records.data.items.map((r) => (
                    <tr key={r.enrollmentId}>
                      <th scope="row">
                        <Link to={`/admin/enrollments/${r.enrollmentId}`}>{r.learner.displayName}</Link>
                        <div className="muted small">{r.learner.email}</div>
                      </th>
                      <td>
                        <StatusBadge status={r.status} />
                        {r.overdue && (
                          <>
                            {' '}
                            <span className="badge badge-danger">{t('standing.overdue')}</span>
                          </>
                        )}
                      </td>
                      <td>
                        <ProgressBar
                          met={r.progress.met}
                          total={r.progress.total}
                          label={t('records.progressOf', { name: r.learner.displayName })}
                        />
                      </td>
                      <td>{r.source === 'Assigned' ? t('records.assigned') : t('records.selfEnrolled')}</td>
                      <td>{r.dueDate ? formatDueDate(r.dueDate) : '—'}</td>
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

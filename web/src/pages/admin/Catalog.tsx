import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatDateTime, formatList } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { certificationStatusText, kindName } from './criterionKinds';

const statusTone: Record<string, string> = { Published: 'badge-success', Draft: 'badge-warning', Archived: '' };

/** Every certification of the organization, drafts first, with what each asks of learners and its learners as last counted. */
export function Catalog() {
  const t = useTranslate();
  usePageTitle(t('nav.catalog'));
  const { api } = useServices();
  const catalog = useQuery(queries.certifications(api));
  const order = { Draft: 0, Published: 1, Archived: 2 } as const;
  const items = [...(catalog.data?.items ?? [])].sort((a, b) => order[a.status] - order[b.status] || a.title.localeCompare(b.title));
  return (
    <>
      <div className="row spread">
        <h1>{t('nav.catalog')}</h1>
        <Link className="button" to="/admin/certifications/new">
          {t('catalog.new')}
        </Link>
      </div>
      {catalog.isPending && <p className="muted">{t('app.loading')}</p>}
      {catalog.isError && <ErrorNotice error={catalog.error} onRetry={() => void catalog.refetch()} />}
      {catalog.isSuccess && items.length === 0 && <p>{t('catalog.empty')}</p>}
      {items.length > 0 && (
        <ul className="cards" aria-label={t('catalog.listLabel')}>
          {items.map((c) => (
            <li key={c.id} className="card stack">
              <h2 className="card-title">
                <Link to={`/admin/certifications/${c.id}`}>{c.title}</Link>
              </h2>
              <p>
                <span className={`badge ${statusTone[c.status] ?? ''}`}>{certificationStatusText(c.status, t)}</span>
              </p>
              {/* Counts as the reports last made them, with when; none rather than a promise before the first run. */}
              {c.status !== 'Draft' && c.learners && (
                <p>
                  {t('catalog.learners', { total: c.learners.total, overdue: c.learners.overdue, earned: c.learners.earned })}
                  <span className="muted small"> · {t('catalog.counted', { at: formatDateTime(c.learners.countedAt) })}</span>
                </p>
              )}
              <p className="muted">
                {c.criteria.length === 0
                  ? t('catalog.noCriteria')
                  : t('catalog.criteria', {
                      count: c.criteria.length,
                      kinds: formatList([...new Set(c.criteria.map((k) => kindName(k.kind, t)))]),
                    })}
              </p>
              <p className="muted">
                {c.requireApproval ? t('catalog.approval') : t('catalog.noApproval')} ·{' '}
                {c.validityMonths ? t('discover.validity', { months: c.validityMonths }) : t('catalog.noExpiry')}
                {c.publishedAt && <> · {t('catalog.published', { date: formatDate(c.publishedAt) })}</>}
              </p>
              {c.status === 'Published' && (
                <p className="row">
                  <Link to={`/admin/certifications/${c.id}?assign=1`}>{t('assign.assign')}</Link>
                  <Link to={`/admin/certifications/${c.id}/records`}>{t('records.heading')}</Link>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

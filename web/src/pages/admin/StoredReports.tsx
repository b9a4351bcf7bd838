import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatBytes, formatDateTime, formatDay } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

/** Every stored report by the day it was built, with links that work for a quarter of an hour. */
export function StoredReports() {
  const t = useTranslate();
  usePageTitle(t('stored.title'));
  const { api } = useServices();
  const stored = useQuery(queries.storedReports(api));
  const reports = stored.data?.items ?? [];
  const days = [...new Set(reports.map((r) => r.date))];
  return (
    <>
      <p>
        <Link to="/admin/reports">{t('stored.back')}</Link>
      </p>
      <h1>{t('stored.title')}</h1>
      {stored.isPending && <p className="muted">{t('app.loading')}</p>}
      {stored.isError && <ErrorNotice error={stored.error} onRetry={() => void stored.refetch()} />}
      {stored.isSuccess && days.length === 0 && <p>{t('stored.none')}</p>}
      {days.map((day) => (
        <section key={day} className="card stack" aria-label={t('stored.of', { day: formatDay(day) })}>
          <h2>{formatDay(day)}</h2>
          <ul className="plain">
            {reports
              .filter((r) => r.date === day)
              .map((r) => (
                <li key={r.file}>
                  <a href={r.downloadUrl} download={r.file}>
                    {r.file}
                  </a>{' '}
                  <span className="muted small">
                    {formatBytes(r.bytes)}, {formatDateTime(r.createdAt)}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {stored.isSuccess && days.length > 0 && <p className="hint">{t('stored.hint')}</p>}
    </>
  );
}

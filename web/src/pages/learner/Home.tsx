import { useQuery } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { hasRole, useMe, useServices } from '../../app/context';
import { homeOf } from '../../app/me';
import { queries } from '../../app/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDueDate } from '../../ui/format';
import { enrollmentSourceText } from '../../ui/standing';
import { ProgressBar, Standing } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { FormattedMessage } from 'react-intl';
import { useTranslate } from '../../i18n/useTranslate';

/** My certifications: everything I am assigned or enrolled in, soonest due first. */
export function Home() {
  const t = useTranslate();
  usePageTitle(t('home.title'));
  const me = useMe();
  const { api } = useServices();
  const learner = hasRole(me, 'Learner');
  const list = useQuery({ ...queries.myAssignments(api), enabled: learner });

  if (!learner) return <Navigate to={homeOf(me)} replace />;
  return (
    <>
      <h1>{t('home.title')}</h1>
      {list.isPending && <p className="muted">{t('app.loading')}</p>}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.items.length === 0 && (
        <p>
          <FormattedMessage id="home.empty" values={{ discover: (chunks) => <Link to="/discover">{chunks}</Link> }} />
        </p>
      )}
      {list.isSuccess && list.data.items.length > 0 && (
        <ul className="cards" aria-label={t('home.title')}>
          {list.data.items.map((item) => (
            <li key={item.enrollmentId} className="card stack">
              <h2>
                <Link to={`/enrollments/${item.enrollmentId}`}>{item.certification.title}</Link>
              </h2>
              <Standing status={item.status} overdue={item.overdue}>
                <span className="muted">{enrollmentSourceText(item.source, t)}</span>
              </Standing>
              <ProgressBar
                met={Number(item.progress.met)}
                total={Number(item.progress.total)}
                label={t('standing.progressIn', { title: item.certification.title })}
              />
              {item.dueDate && <p className="muted">{t('standing.due', { date: formatDueDate(item.dueDate) })}</p>}
              {item.message && <p>{item.message}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

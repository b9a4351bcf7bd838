import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Schemas } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime, formatMonth, formatMonthAlone } from '../../ui/format';
import { statusText } from '../../ui/standing';
import { usePageTitle } from '../../ui/usePageTitle';
import { ReportRunPanel } from './ReportRunPanel';

type Overview = NonNullable<Schemas['ProgramReportData']['overview']>;

/**
 * A super admin's home: what was issued, where learners stand and what needs someone, from the latest report run
 * (the nightly reports count them once; nothing here is counted per visit).
 */
export function AdminHome() {
  const t = useTranslate();
  usePageTitle(t('nav.overview'));
  const { api } = useServices();
  const program = useQuery(queries.programReport(api));
  const none = program.error instanceof ApiProblem && program.error.status === 404;
  const overview = program.data?.overview;
  return (
    <>
      <h1>{t('nav.overview')}</h1>
      {program.isPending && <p className="muted">{t('app.loading')}</p>}
      {program.isError && !none && <ErrorNotice error={program.error} onRetry={() => void program.refetch()} />}
      {(none || (program.isSuccess && !overview)) && (
        <>
          <p>{t('adminHome.none')}</p>
          <ReportRunPanel />
        </>
      )}
      {program.isSuccess && overview && (
        <>
          <p className="muted">{t('reports.asOf', { at: formatDateTime(program.data.generatedAt) })}</p>
          <div className="overview">
            <Issued overview={overview} />
            <Attention overview={overview} />
            <Learners overview={overview} />
          </div>
        </>
      )}
    </>
  );
}

function Issued({ overview }: { overview: Overview }) {
  const t = useTranslate();
  const most = Math.max(1, ...overview.issuedByMonth.map((m) => m.issued));
  return (
    <section className="card stack overview-issued" aria-labelledby="issued-title">
      <p className="figure">
        <strong>{overview.issuedThisMonth}</strong> {t('adminHome.issuedThisMonth', { count: overview.issuedThisMonth })}
      </p>
      <h2 id="issued-title">{t('adminHome.issuedOverTime')}</h2>
      <ol className="month-bars">
        {overview.issuedByMonth.map((m, i) => (
          <li key={m.month} aria-label={t('adminHome.month', { month: formatMonth(m.month), count: m.issued })}>
            <span className="count" aria-hidden="true">
              {m.issued}
            </span>
            <span className="bar" aria-hidden="true" style={{ blockSize: `${(m.issued / most) * 100}%` }} />
            {/* The year is written under the first month and under each January. */}
            <span className="month" aria-hidden="true">
              {formatMonthAlone(m.month)}
              {(i === 0 || m.month.endsWith('-01-01')) && <span className="year">{m.month.slice(0, 4)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Attention({ overview }: { overview: Overview }) {
  const t = useTranslate();
  const items: [count: number, text: string, to: string | null][] = [
    [overview.reviewsWaiting, t('adminHome.reviewsWaiting', { count: overview.reviewsWaiting }), '/admin/reports'],
    [overview.overdue, t('adminHome.overdue', { count: overview.overdue }), '/admin/reports'],
    [overview.notDelivered, t('adminHome.notDelivered', { count: overview.notDelivered }), '/admin/certificates'],
    [overview.expiringSoon, t('adminHome.expiring', { count: overview.expiringSoon }), null],
  ];
  return (
    <section className="card stack" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('adminHome.attention')}</h2>
      <ul className="plain-list stack attention">
        {items.map(([count, text, to]) => (
          <li key={text} className={count > 0 ? 'needs' : 'fine'}>
            {text}
            {count > 0 && to && (
              <>
                {' '}
                <Link to={to}>{t('adminHome.see')}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Learners({ overview }: { overview: Overview }) {
  const t = useTranslate();
  const total = overview.learners.reduce((sum, s) => sum + s.learners, 0);
  const summary = overview.learners.map((s) => `${statusText(s.status, t)} ${s.learners}`).join(', ');
  return (
    <section className="card stack overview-learners" aria-labelledby="learners-title">
      <h2 id="learners-title">{t('adminHome.learners')}</h2>
      <div className="stack-bar" role="img" aria-label={summary}>
        {overview.learners
          .filter((s) => s.learners > 0)
          .map((s) => (
            <span key={s.status} className={`segment status-${s.status}`} style={{ flexGrow: s.learners }} />
          ))}
        {total === 0 && <span className="segment empty">{t('reports.nobody')}</span>}
      </div>
      <ul className="legend">
        {overview.learners.map((s) => (
          <li key={s.status}>
            <span className={`swatch status-${s.status}`} aria-hidden="true" /> {statusText(s.status, t)}: {s.learners}
          </li>
        ))}
      </ul>
    </section>
  );
}

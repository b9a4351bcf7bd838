import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Schemas } from '../../api/client';
import { downloadProtectedFile } from '../../api/download';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { statusText } from '../../ui/standing';
import { usePageTitle } from '../../ui/usePageTitle';
import { ReportRunPanel } from './ReportRunPanel';

type Program = Schemas['ProgramReportData'];
type Row = Program['certifications'][number];

/** The program report drawn per certification, the criteria progress downloads, and running the reports now. */
export function Reports() {
  const t = useTranslate();
  usePageTitle(t('nav.reports'));
  const { api } = useServices();
  const program = useQuery(queries.programReport(api));
  const none = program.error instanceof ApiProblem && program.error.status === 404;

  return (
    <>
      <div className="row spread">
        <h1>{t('nav.reports')}</h1>
        <Link to="/admin/reports/stored">{t('stored.title')}</Link>
      </div>
      <ReportRunPanel />
      {program.isPending && <p className="muted">{t('app.loading')}</p>}
      {none && <p>{t('reports.none')}</p>}
      {program.isError && !none && <ErrorNotice error={program.error} onRetry={() => void program.refetch()} />}
      {program.isSuccess && (
        <section className="stack" aria-labelledby="program-title">
          <h2 id="program-title">{t('reports.program')}</h2>
          <p className="muted">{t('reports.asOf', { at: formatDateTime(program.data.generatedAt) })}</p>
          {program.data.certifications.length === 0 && <p>{t('reports.noCertification')}</p>}
          <ul className="stack plain-list">
            {program.data.certifications.map((row) => (
              <ProgramCard key={row.id} row={row} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function ProgramCard({ row }: { row: Row }) {
  const t = useTranslate();
  const { auth, config } = useServices();
  const [error, setError] = useState<unknown>(null);
  const summary = row.statuses.map((s) => `${statusText(s.status, t)} ${s.learners}`).join(', ');
  return (
    <li className="card stack">
      <h3 className="card-title">{row.title}</h3>
      <p className="row">
        <span>{t('reports.learners', { count: row.learners })}</span>
        <span>{t('reports.overdue', { count: row.overdue })}</span>
        <span>{t('reports.earnedThisMonth', { count: row.earnedThisMonth })}</span>
        {row.status === 'Archived' && <span className="badge">{t('certificationStatus.Archived')}</span>}
      </p>
      <div className="stack-bar" role="img" aria-label={`${row.title}: ${summary}`}>
        {row.statuses
          .filter((s) => s.learners > 0)
          .map((s) => (
            <span
              key={s.status}
              className={`segment status-${s.status}`}
              style={{ flexGrow: s.learners }}
              title={`${statusText(s.status, t)}: ${s.learners}`}
            />
          ))}
        {row.learners === 0 && <span className="segment empty">{t('reports.nobody')}</span>}
      </div>
      <ul className="legend" aria-label={t('reports.perStatus', { title: row.title })}>
        {row.statuses.map((s) => (
          <li key={s.status}>
            <details>
              <summary>
                <span className={`swatch status-${s.status}`} aria-hidden="true" /> {statusText(s.status, t)}: {s.learners}
              </summary>
              <p className="muted small">{t('reports.coachActions')}</p>
              <ul className="plain">
                {s.coachActions.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setError(null);
            downloadProtectedFile(
              `${config.apiBaseUrl}/certifications/${encodeURIComponent(row.id)}/reports/criteria-progress`,
              `criteria-progress-${row.title}.csv`,
              auth,
            ).catch(setError);
          }}
        >
          {t('reports.download', { title: row.title })}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}

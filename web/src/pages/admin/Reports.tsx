import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { downloadProtectedFile } from '../../api/download';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { statusText } from '../../ui/standing';
import { usePageTitle } from '../../ui/usePageTitle';

type Program = Schemas['ProgramReportData'];
type Row = Program['certifications'][number];

/** The program report drawn per certification, the criteria progress downloads, and running the reports now. */
export function Reports() {
  const t = useTranslate();
  usePageTitle(t('nav.reports'));
  const { api } = useServices();
  const client = useQueryClient();
  const program = useQuery(queries.programReport(api));
  // When this page asked for a run: the latest run is followed from then until it has ended.
  const [since, setSince] = useState<number | null>(null);
  const follow = () => {
    setSince(Date.now());
    void client.invalidateQueries({ queryKey: keys.reportRun });
  };
  const run = useMutation({
    mutationFn: () => must(api.POST('/reports/runs')),
    onSuccess: follow,
    // A run already going (409) is followed like our own.
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) follow();
    },
  });
  const latest = useQuery({
    ...queries.latestReportRun(api),
    enabled: since !== null,
    refetchInterval: (query) => (query.state.data && ended(query.state.data.status) ? false : 1000),
  });
  // The run as read since it was asked for; an answer from before says nothing about it.
  const current = since !== null && latest.dataUpdatedAt >= since ? latest.data : undefined;
  const finished = current !== undefined && ended(current.status);
  const running = since !== null && !finished;
  useEffect(() => {
    if (!finished) return;
    void client.invalidateQueries({ queryKey: keys.programReport });
    void client.invalidateQueries({ queryKey: keys.storedReports });
  }, [finished, client]);
  const none = program.error instanceof ApiProblem && program.error.status === 404;

  return (
    <>
      <div className="row spread">
        <h1>{t('nav.reports')}</h1>
        <Link to="/admin/reports/stored">{t('stored.title')}</Link>
      </div>
      <section className="card stack" aria-label={t('reports.run')}>
        <p>{t('reports.intro')}</p>
        <div className="row">
          <button type="button" disabled={running || run.isPending} onClick={() => run.mutate()}>
            {running ? t('reports.running') : t('reports.runNow')}
          </button>
        </div>
        <p role="status" className="muted">
          {running &&
            (current
              ? t(current.status === 'Pending' ? 'reports.pending' : 'reports.inProgress', { at: formatDateTime(current.startedAt) })
              : t('reports.starting'))}
          {finished && current.status === 'Completed' && t('reports.done', { count: current.files.length })}
          {finished && current.status === 'Failed' && t('reports.failed')}
        </p>
        {run.isError && !(run.error instanceof ApiProblem && run.error.status === 409) && <ErrorNotice error={run.error} />}
      </section>
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

/** Whether a report run has ended, well or not. */
function ended(status: string): boolean {
  return status !== 'Pending' && status !== 'Running';
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { downloadProtectedFile } from '../../api/download';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

type Program = Schemas['ProgramReportData'];
type Row = Program['certifications'][number];

/** The program report drawn per certification, the criteria progress downloads, and running the reports now. */
export function Reports() {
  usePageTitle('Reports');
  const { api } = useServices();
  const client = useQueryClient();
  const program = useQuery({ queryKey: ['program-report'], queryFn: () => must(api.GET('/reports/program')), retry: false });
  const [running, setRunning] = useState(false);
  const run = useMutation({
    mutationFn: () => must(api.POST('/reports/runs')),
    onSuccess: () => setRunning(true),
    // A run already going (409) is followed like our own.
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) setRunning(true);
    },
  });
  const latest = useQuery({
    queryKey: ['report-run'],
    queryFn: () => must(api.GET('/reports/runs/latest')),
    enabled: running,
    refetchInterval: (query) => (query.state.data && !['Pending', 'Running'].includes(query.state.data.status) ? false : 1000),
  });
  const finished = running && latest.data && !['Pending', 'Running'].includes(latest.data.status);
  useEffect(() => {
    if (!finished) return;
    setRunning(false);
    void client.invalidateQueries({ queryKey: ['program-report'] });
    void client.invalidateQueries({ queryKey: ['stored-reports'] });
  }, [finished, client]);
  const none = program.error instanceof ApiProblem && program.error.status === 404;

  return (
    <>
      <div className="row spread">
        <h1>Reports</h1>
        <Link to="/admin/reports/stored">Stored reports</Link>
      </div>
      <section className="card stack" aria-label="Run the reports">
        <p>The reports are built every night. Run them now to see today’s figures.</p>
        <div className="row">
          <button type="button" disabled={running || run.isPending} onClick={() => run.mutate()}>{running ? 'Running…' : 'Run the reports now'}</button>
        </div>
        <p role="status" className="muted">
          {running && (latest.data ? `The run started at ${formatDateTime(latest.data.startedAt)} is ${latest.data.status.toLowerCase()}.` : 'Starting the run…')}
          {!running && latest.data?.status === 'Completed' && `Done: ${latest.data.files.length} reports written.`}
          {!running && latest.data?.status === 'Failed' && 'The run failed; try again.'}
        </p>
        {run.isError && !(run.error instanceof ApiProblem && run.error.status === 409) && <ErrorNotice error={run.error} />}
      </section>
      {program.isPending && <p className="muted">Loading…</p>}
      {none && <p>No report has been built yet. Run the reports to see the program report.</p>}
      {program.isError && !none && <ErrorNotice error={program.error} onRetry={() => void program.refetch()} />}
      {program.isSuccess && (
        <section className="stack" aria-labelledby="program-title">
          <h2 id="program-title">Program report</h2>
          <p className="muted">As of {formatDateTime(program.data.generatedAt)}.</p>
          {program.data.certifications.length === 0 && <p>No published certification yet.</p>}
          <ul className="stack plain-list">
            {program.data.certifications.map((row) => <ProgramCard key={row.id} row={row} />)}
          </ul>
        </section>
      )}
    </>
  );
}

function ProgramCard({ row }: { row: Row }) {
  const { auth, config } = useServices();
  const [error, setError] = useState<unknown>(null);
  const summary = row.statuses.map((s) => `${s.statusName} ${s.learners}`).join(', ');
  return (
    <li className="card stack">
      <h3 className="card-title">{row.title}</h3>
      <p className="row">
        <span><strong>{row.learners}</strong> {row.learners === 1 ? 'learner' : 'learners'}</span>
        <span><strong>{row.overdue}</strong> overdue</span>
        <span><strong>{row.earnedThisMonth}</strong> earned this month</span>
        {row.status === 'Archived' && <span className="badge">Archived</span>}
      </p>
      <div className="stack-bar" role="img" aria-label={`${row.title}: ${summary}`}>
        {row.statuses.filter((s) => s.learners > 0).map((s) => (
          <span key={s.status} className={`segment status-${s.status}`} style={{ flexGrow: s.learners }} title={`${s.statusName}: ${s.learners}`} />
        ))}
        {row.learners === 0 && <span className="segment empty">Nobody enrolled yet</span>}
      </div>
      <ul className="legend" aria-label={`Learners of ${row.title} per status`}>
        {row.statuses.map((s) => (
          <li key={s.status}>
            <details>
              <summary><span className={`swatch status-${s.status}`} aria-hidden="true" /> {s.statusName}: {s.learners}</summary>
              <p className="muted small">What coaches can do:</p>
              <ul className="plain">{s.coachActions.map((a) => <li key={a}>{a}</li>)}</ul>
            </details>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="secondary" onClick={() => {
          setError(null);
          downloadProtectedFile(`${config.apiBaseUrl}/certifications/${encodeURIComponent(row.id)}/reports/criteria-progress`,
            `criteria-progress-${row.title}.csv`, auth).catch(setError);
        }}>Download the criteria progress of {row.title}</button>
      </div>
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { must } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';

/** Building the reports now, followed until the run ends; the pages that draw the reports then read them again. */
export function ReportRunPanel() {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
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

  return (
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
  );
}

/** Whether a report run has ended, well or not. */
function ended(status: string): boolean {
  return status !== 'Pending' && status !== 'Running';
}

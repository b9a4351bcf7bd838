import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { must, type Schemas } from '../../api/client';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';

type Detail = Schemas['EnrollmentDetail'];

/** What only a super admin sees of a learning record: where its workflow stands, and withdrawing the learner. */
export function EnrollmentAdmin({ detail }: { detail: Detail }) {
  const { api } = useServices();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => must(api.DELETE('/enrollments/{id}', { params: { path: { id: detail.id } } })),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ['enrollment', detail.id] });
      void client.invalidateQueries({ queryKey: ['learning-records', detail.certification.id] });
    },
  });
  const workflow = detail.workflow;
  return (
    <section className="card stack" aria-label="Administration">
      <h2>Workflow</h2>
      {workflow ? (
        <dl className="facts">
          <dt>State</dt><dd>{workflow.runtimeStatus}</dd>
          <dt>Started</dt><dd>{formatDateTime(workflow.createdAt)}</dd>
          <dt>Last change</dt><dd>{formatDateTime(workflow.lastUpdatedAt)}</dd>
          <dt>Instance</dt><dd><code>{workflow.instanceId}</code></dd>
        </dl>
      ) : (
        <p className="muted">No workflow runs for this record.</p>
      )}
      {withdraw.isSuccess && <p className="alert alert-success" role="status">{detail.learner.displayName} is withdrawn.</p>}
      {!confirming && !withdraw.isSuccess && (
        <div className="row"><button type="button" className="secondary" onClick={() => setConfirming(true)}>Withdraw…</button></div>
      )}
      {confirming && (
        <div className="alert alert-warning stack" role="alertdialog" aria-label={`Withdraw ${detail.learner.displayName}?`}>
          <p>
            <strong>Withdraw {detail.learner.displayName} from {detail.certification.title}?</strong> The record is kept for the history but no
            longer counts, its workflow ends, and it leaves the learner’s list. A certificate already awarded stays valid.
          </p>
          <div className="row">
            <button type="button" className="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {withdraw.isPending ? 'Withdrawing…' : 'Withdraw'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep enrolled</button>
          </div>
          {withdraw.isError && <ErrorNotice error={withdraw.error} />}
        </div>
      )}
    </section>
  );
}

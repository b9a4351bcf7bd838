import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { must, type Schemas } from '../../api/client';
import { useServices } from '../../app/context';
import { keys } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';

type Detail = Schemas['EnrollmentDetail'];

/** What only a super admin sees of a learning record: where its workflow stands, and withdrawing the learner. */
export function EnrollmentAdmin({ detail }: { detail: Detail }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => must(api.DELETE('/enrollments/{id}', { params: { path: { id: detail.id } } })),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: keys.enrollment(detail.id) });
      void client.invalidateQueries({ queryKey: keys.learningRecords(detail.certification.id) });
    },
  });
  const workflow = detail.workflow;
  return (
    <section className="card stack" aria-label={t('workflow.label')}>
      <h2>{t('workflow.heading')}</h2>
      {workflow ? (
        <dl className="facts">
          <dt>{t('workflow.state')}</dt>
          <dd>{workflow.runtimeStatus}</dd>
          <dt>{t('workflow.started')}</dt>
          <dd>{formatDateTime(workflow.createdAt)}</dd>
          <dt>{t('workflow.lastChange')}</dt>
          <dd>{formatDateTime(workflow.lastUpdatedAt)}</dd>
          <dt>{t('workflow.instance')}</dt>
          <dd>
            <code>{workflow.instanceId}</code>
          </dd>
        </dl>
      ) : (
        <p className="muted">{t('workflow.none')}</p>
      )}
      {withdraw.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('withdraw.done', { name: detail.learner.displayName })}
        </p>
      )}
      {!confirming && !withdraw.isSuccess && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('withdraw.more')}
          </button>
        </div>
      )}
      {confirming && (
        <div
          className="alert alert-warning stack"
          role="alertdialog"
          aria-label={t('withdraw.label', { name: detail.learner.displayName })}
        >
          <p>
            <strong>{t('withdraw.question', { name: detail.learner.displayName, title: detail.certification.title })}</strong>{' '}
            {t('withdraw.what')}
          </p>
          <div className="row">
            <button type="button" className="danger" disabled={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {withdraw.isPending ? t('withdraw.withdrawing') : t('withdraw.withdraw')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('withdraw.keep')}
            </button>
          </div>
          {withdraw.isError && <ErrorNotice error={withdraw.error} />}
        </div>
      )}
    </section>
  );
}

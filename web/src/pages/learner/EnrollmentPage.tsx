import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { hasRole, useMe, useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProgressBar, Standing } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { criterionKindText, criterionStateText } from '../shared/criterionWords';
import { Evidence, Reviews } from '../shared/Submission';
import { useRecordUpdate } from '../shared/useRecordUpdate';
import { refreshInterval } from '../shared/workflowPending';
import { HandIn } from './HandIn';

type Detail = Schemas['EnrollmentDetail'];
type CriterionView = Detail['criteria'][number];

/** One learning record, criterion by criterion, with the step that is the learner's to take. */
export function EnrollmentPage() {
  const t = useTranslate();
  const { id = '' } = useParams();
  const { api } = useServices();
  const me = useMe();
  const record = useQuery({ ...queries.enrollment(api, id), refetchInterval: (query) => refreshInterval(query.state.data) });
  usePageTitle(record.data?.certification.title ?? t('enrollment.title'));

  if (record.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (record.isError) return <ErrorNotice error={record.error} onRetry={() => void record.refetch()} />;
  const detail = record.data;
  const mine = detail.learner.id === me.user.id && hasRole(me, 'Learner');
  return (
    <>
      <h1>{detail.certification.title}</h1>
      <section id="standing" tabIndex={-1} aria-label={t('enrollment.standing')} className="card stack">
        <Standing status={detail.status} overdue={detail.overdue} dueDate={detail.dueDate} />
        <ProgressBar met={detail.progress.met} total={detail.progress.total} label={t('enrollment.criteriaMet')} />
        {detail.message && <p>{t('enrollment.adminMessage', { message: detail.message })}</p>}
        <ApprovalState detail={detail} />
        {detail.status === 'Earned' && detail.certificateId && (
          <p className="alert alert-success" role="status">
            {t('enrollment.earned')} <Link to="/certificates">{t('enrollment.seeCertificate')}</Link>
          </p>
        )}
        {mine && <LearnerActions detail={detail} />}
      </section>
      <h2>{t('enrollment.criteria')}</h2>
      <ol className="criteria">
        {detail.criteria.map((criterion) => (
          <li key={criterion.criterionId} className="card stack">
            <h3 id={`criterion-${criterion.criterionId}`} tabIndex={-1}>
              {criterion.title}
            </h3>
            {criterion.description && <p>{criterion.description}</p>}
            <p className="muted">
              {criterionKindText(criterion.kind, t)} ·{' '}
              <span>
                {criterion.state === 'Met' && criterion.metAt
                  ? t('enrollment.metOn', { date: formatDate(criterion.metAt) })
                  : criterionStateText(criterion.state, t)}
              </span>
            </p>
            {mine && <CriterionStep detail={detail} criterion={criterion} />}
            <Evidence enrollmentId={detail.id} criterion={criterion} />
            <Reviews criterion={criterion} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ApprovalState({ detail }: { detail: Detail }) {
  const t = useTranslate();
  const last = detail.approvalDecisions[detail.approvalDecisions.length - 1];
  if (detail.approval === 'Awaiting') {
    return <p className="alert alert-info">{t('enrollment.awaitingApproval', { since: formatDateTime(detail.approvalRequestedAt) })}</p>;
  }
  if (detail.approval === 'Approved') {
    const name = last?.approverName ?? '';
    return (
      <p className="muted">
        {last?.comment ? t('enrollment.approvedSaying', { name, comment: last.comment }) : t('enrollment.approvedBy', { name })}
      </p>
    );
  }
  if (detail.approval === 'Rejected') {
    return (
      <div className="alert alert-danger" role="status">
        <strong>{t('enrollment.notApproved')}</strong>{' '}
        {t('enrollment.rejectedSaying', { name: last?.approverName ?? '', comment: last?.comment ?? '' })}
      </div>
    );
  }
  return null;
}

/** Get started and submit: the steps that move the whole record. */
function LearnerActions({ detail }: { detail: Detail }) {
  const t = useTranslate();
  const { api } = useServices();
  const onSuccess = useRecordUpdate(detail.id, [keys.myAssignments]);
  const start = useMutation({
    mutationFn: () => must(api.POST('/enrollments/{id}/start', { params: { path: { id: detail.id } } })),
    // The button is gone once started: focus goes to where the record now stands, not to the page's end.
    onSuccess: (updated) => {
      onSuccess(updated);
      focusSoon('standing');
    },
  });
  const submit = useMutation({
    mutationFn: () => must(api.POST('/enrollments/{id}/submit', { params: { path: { id: detail.id } } })),
    onSuccess,
  });
  const evidenced = detail.criteria.some((c) => c.state === 'Evidenced');
  const resubmit = detail.approval === 'Rejected';
  return (
    <div className="stack">
      {detail.status === 'NotStarted' && (
        <button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
          {start.isPending ? t('enrollment.starting') : t('enrollment.start')}
        </button>
      )}
      {(evidenced || resubmit) && !['Submitted', 'Earned'].includes(detail.status) && (
        <div className="row">
          <button type="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
            {submit.isPending ? t('enrollment.submitting') : resubmit ? t('enrollment.submitAgain') : t('enrollment.submit')}
          </button>
          <span className="muted">{t('enrollment.submitHint')}</span>
        </div>
      )}
      {start.isError && <ErrorNotice error={start.error} />}
      {submit.isError && <ErrorNotice error={submit.error} />}
    </div>
  );
}

/** What the learner can do on one criterion now. */
function CriterionStep({ detail, criterion }: { detail: Detail; criterion: CriterionView }) {
  const t = useTranslate();
  const { api } = useServices();
  const onSuccess = useRecordUpdate(detail.id, [keys.myAssignments]);
  const complete = useMutation({
    mutationFn: () =>
      must(
        api.POST('/enrollments/{id}/criteria/{criterionId}/complete', {
          params: { path: { id: detail.id, criterionId: criterion.criterionId } },
        }),
      ),
    // The button is gone once the criterion is met: focus stays on that criterion.
    onSuccess: (updated) => {
      onSuccess(updated);
      focusSoon(`criterion-${criterion.criterionId}`);
    },
  });
  if (detail.status === 'Earned' || detail.withdrawnAt) return null;
  const reworking = detail.approval === 'Rejected';
  if (criterion.kind === 'content' && criterion.state !== 'Met') {
    return (
      <div>
        <button type="button" className="secondary" disabled={complete.isPending} onClick={() => complete.mutate()}>
          {complete.isPending ? t('common.saving') : t('enrollment.markDone')}
          <span className="visually-hidden"> {criterion.title}</span>
        </button>
        {complete.isError && <ErrorNotice error={complete.error} />}
      </div>
    );
  }
  if (criterion.kind === 'activity' && !criterion.evidenceRequired && criterion.externalActivityId && criterion.state !== 'Met') {
    return <p className="muted">{t('enrollment.activityElsewhere')}</p>;
  }
  if (criterion.kind === 'activity' && criterion.state !== 'AwaitingAssessment' && (criterion.state !== 'Met' || reworking)) {
    return <HandIn enrollmentId={detail.id} criterionId={criterion.criterionId} title={criterion.title} />;
  }
  if (criterion.kind === 'review' && criterion.state === 'NotStarted') {
    return <p className="muted">{t('enrollment.reviewAfterSubmit')}</p>;
  }
  if (criterion.kind === 'live_session' && criterion.state !== 'Met') {
    return <p className="muted">{t('enrollment.liveSessionComing')}</p>;
  }
  return null;
}

/** Moves focus to the element once the page has drawn the step's answer. */
function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { hasRole, useMe, useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProgressBar, Standing } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { Evidence, Reviews } from '../shared/Submission';
import { useRecordUpdate } from '../shared/useRecordUpdate';
import { refreshInterval } from '../shared/workflowPending';
import { HandIn } from './HandIn';

type Detail = Schemas['EnrollmentDetail'];
type CriterionView = Detail['criteria'][number];

const stateWords: Record<CriterionView['state'], string> = {
  NotStarted: 'Not started',
  Evidenced: 'Evidence added, not submitted yet',
  AwaitingAssessment: 'Waiting for your coach',
  Met: 'Met',
  NotDemonstrated: 'Not demonstrated yet',
};

const kindWords: Record<string, string> = {
  content: 'Content',
  activity: 'Activity',
  review: 'Coach review',
  live_session: 'Live session',
};

/** One learning record, criterion by criterion, with the step that is the learner's to take. */
export function EnrollmentPage() {
  const { id = '' } = useParams();
  const { api } = useServices();
  const me = useMe();
  const record = useQuery({
    queryKey: ['enrollment', id],
    queryFn: () => must(api.GET('/enrollments/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => refreshInterval(query.state.data),
  });
  usePageTitle(record.data?.certification.title ?? 'Certification');

  if (record.isPending) return <p className="muted">Loading…</p>;
  if (record.isError) return <ErrorNotice error={record.error} onRetry={() => void record.refetch()} />;
  const detail = record.data;
  const mine = detail.learner.id === me.user.id && hasRole(me, 'Learner');
  return (
    <>
      <h1>{detail.certification.title}</h1>
      <section aria-label="Where you stand" className="card stack">
        <Standing status={detail.status} overdue={detail.overdue} dueDate={detail.dueDate} />
        <ProgressBar met={detail.progress.met} total={detail.progress.total} label="Criteria met" />
        {detail.message && <p>Message from your admin: {detail.message}</p>}
        <ApprovalState detail={detail} />
        {detail.status === 'Earned' && detail.certificateId && (
          <p className="alert alert-success" role="status">
            You earned this certification. <Link to="/certificates">See your certificate</Link>
          </p>
        )}
        {mine && <LearnerActions detail={detail} />}
      </section>
      <h2>Criteria</h2>
      <ol className="criteria">
        {detail.criteria.map((criterion) => (
          <li key={criterion.criterionId} className="card stack">
            <h3>{criterion.title}</h3>
            {criterion.description && <p>{criterion.description}</p>}
            <p className="muted">
              {kindWords[criterion.kind] ?? criterion.kind} · <span>{stateWords[criterion.state]}</span>
              {criterion.metAt ? ` on ${formatDate(criterion.metAt)}` : ''}
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
  const last = detail.approvalDecisions[detail.approvalDecisions.length - 1];
  if (detail.approval === 'Awaiting') return <p className="alert alert-info">Waiting for approval since {formatDateTime(detail.approvalRequestedAt)}.</p>;
  if (detail.approval === 'Approved') return <p className="muted">Approved by {last?.approverName}{last?.comment ? `: “${last.comment}”` : ''}</p>;
  if (detail.approval === 'Rejected') {
    return (
      <div className="alert alert-danger" role="status">
        <strong>Not approved yet.</strong> {last?.approverName} wrote: “{last?.comment}”. Add new evidence where it helps, then submit again.
      </div>
    );
  }
  return null;
}

/** Get started and submit: the steps that move the whole record. */
function LearnerActions({ detail }: { detail: Detail }) {
  const { api } = useServices();
  const onSuccess = useRecordUpdate(detail.id, [['my-assignments']]);
  const start = useMutation({ mutationFn: () => must(api.POST('/enrollments/{id}/start', { params: { path: { id: detail.id } } })), onSuccess });
  const submit = useMutation({ mutationFn: () => must(api.POST('/enrollments/{id}/submit', { params: { path: { id: detail.id } } })), onSuccess });
  const evidenced = detail.criteria.some((c) => c.state === 'Evidenced');
  const resubmit = detail.approval === 'Rejected';
  return (
    <div className="stack">
      {detail.status === 'NotStarted' && (
        <button type="button" disabled={start.isPending} onClick={() => start.mutate()}>{start.isPending ? 'Starting…' : 'Get started'}</button>
      )}
      {(evidenced || resubmit) && !['Submitted', 'Earned'].includes(detail.status) && (
        <div className="row">
          <button type="button" disabled={submit.isPending} onClick={() => submit.mutate()}>
            {submit.isPending ? 'Submitting…' : resubmit ? 'Submit again' : 'Submit for review'}
          </button>
          <span className="muted">Your coach is told and reviews what you handed in.</span>
        </div>
      )}
      {start.isError && <ErrorNotice error={start.error} />}
      {submit.isError && <ErrorNotice error={submit.error} />}
    </div>
  );
}

/** What the learner can do on one criterion now. */
function CriterionStep({ detail, criterion }: { detail: Detail; criterion: CriterionView }) {
  const { api } = useServices();
  const onSuccess = useRecordUpdate(detail.id, [['my-assignments']]);
  const complete = useMutation({
    mutationFn: () =>
      must(api.POST('/enrollments/{id}/criteria/{criterionId}/complete', { params: { path: { id: detail.id, criterionId: criterion.criterionId } } })),
    onSuccess,
  });
  if (detail.status === 'Earned' || detail.withdrawnAt) return null;
  const reworking = detail.approval === 'Rejected';
  if (criterion.kind === 'content' && criterion.state !== 'Met') {
    return (
      <div>
        <button type="button" className="secondary" disabled={complete.isPending} onClick={() => complete.mutate()}>
          {complete.isPending ? 'Saving…' : 'Mark as done'}
          <span className="visually-hidden"> {criterion.title}</span>
        </button>
        {complete.isError && <ErrorNotice error={complete.error} />}
      </div>
    );
  }
  if (criterion.kind === 'activity' && !criterion.evidenceRequired && criterion.externalActivityId && criterion.state !== 'Met') {
    return <p className="muted">Complete this activity in your learning platform; it is recorded here automatically.</p>;
  }
  if (criterion.kind === 'activity' && criterion.state !== 'AwaitingAssessment' && (criterion.state !== 'Met' || reworking)) {
    return <HandIn enrollmentId={detail.id} criterionId={criterion.criterionId} title={criterion.title} />;
  }
  if (criterion.kind === 'review' && criterion.state === 'NotStarted') {
    return <p className="muted">Your coach decides this one after you submit.</p>;
  }
  if (criterion.kind === 'live_session' && criterion.state !== 'Met') {
    return <p className="muted">Your coach schedules a live session with you; the invitation comes by e-mail.</p>;
  }
  return null;
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { ApiProblem, sentenceOf } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { TextAreaField } from '../../ui/TextAreaField';
import { ProgressBar, Standing } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { EnrollmentAdmin } from '../admin/EnrollmentAdmin';
import { Evidence, Reviews } from '../shared/Submission';
import { useRecordUpdate } from '../shared/useRecordUpdate';
import { refreshInterval } from '../shared/workflowPending';

type Detail = Schemas['EnrollmentDetail'];
type CriterionView = Detail['criteria'][number];

/** One learner's submission: the evidence beside a decision per criterion, and the approval when it is asked for. */
export function ReviewSubmission() {
  const t = useTranslate();
  const { id = '' } = useParams();
  const { api } = useServices();
  const location = useLocation();
  const record = useQuery({ ...queries.enrollment(api, id), refetchInterval: (query) => refreshInterval(query.state.data) });
  usePageTitle(record.data ? `${record.data.learner.displayName}: ${record.data.certification.title}` : t('review.title'));
  if (record.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (record.isError) return <ErrorNotice error={record.error} onRetry={() => void record.refetch()} />;
  const detail = record.data;
  const admin = location.pathname.startsWith('/admin/');
  const waiting = detail.criteria.filter((c) => c.state === 'AwaitingAssessment' || (c.kind === 'review' && c.state !== 'Met'));
  return (
    <>
      {admin ? (
        <p>
          <Link to={`/admin/certifications/${detail.certification.id}/records`}>
            {t('review.backToRecords', { title: detail.certification.title })}
          </Link>
        </p>
      ) : (
        <p>
          <Link to="/coach/reviews">{t('review.backToQueue')}</Link>
        </p>
      )}
      <h1>{detail.learner.displayName}</h1>
      <section className="card stack" aria-label={t('review.record')}>
        <p>
          <strong>{detail.certification.title}</strong>
        </p>
        <Standing status={detail.status} overdue={detail.overdue} dueDate={detail.dueDate} />
        <ProgressBar met={detail.progress.met} total={detail.progress.total} label={t('enrollment.criteriaMet')} />
      </section>
      {admin && <EnrollmentAdmin detail={detail} />}
      {detail.approval === 'Awaiting' && <ApprovalForm detail={detail} />}
      <h2>{t('enrollment.criteria')}</h2>
      <ol className="criteria">
        {detail.criteria.map((criterion) => (
          <li key={criterion.criterionId} className="card stack">
            <h3>{criterion.title}</h3>
            <Evidence enrollmentId={detail.id} criterion={criterion} />
            <Reviews criterion={criterion} />
            {waiting.includes(criterion) && detail.status !== 'Earned' && <ReviewForm detail={detail} criterion={criterion} />}
            {!waiting.includes(criterion) && (
              <p className="muted">{criterion.state === 'Met' ? t('criterionState.Met') : t('review.nothingToDecide')}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** When someone else decided first the API says so (409); the page says what happened and shows the record as it is now. */
function StaleNotice({ error, onReload }: { error: unknown; onReload: () => void }) {
  const t = useTranslate();
  if (!(error instanceof ApiProblem && (error.status === 409 || error.status === 412))) return <ErrorNotice error={error} />;
  return (
    <div className="alert alert-danger" role="alert">
      {sentenceOf(error, t)} {t('review.someoneElse')}{' '}
      <button type="button" className="secondary" onClick={onReload}>
        {t('review.showCurrent')}
      </button>
    </div>
  );
}

function ReviewForm({ detail, criterion }: { detail: Detail; criterion: CriterionView }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [decision, setDecision] = useState<'Demonstrated' | 'NotDemonstrated' | ''>('');
  const [rating, setRating] = useState('');
  const [feedback, setFeedback] = useState('');
  const updateRecord = useRecordUpdate(detail.id, [keys.reviewQueue]);
  const review = useMutation({
    mutationFn: () =>
      must(
        api.POST('/enrollments/{id}/criteria/{criterionId}/reviews', {
          params: { path: { id: detail.id, criterionId: criterion.criterionId } },
          body: {
            decision: decision as 'Demonstrated' | 'NotDemonstrated',
            rating: rating ? Number(rating) : null,
            feedback: feedback || null,
          },
        }),
      ),
    onSuccess: updateRecord,
  });
  const reload = () => {
    review.reset();
    void client.invalidateQueries({ queryKey: keys.enrollment(detail.id) });
  };
  const feedbackRequired = decision === 'NotDemonstrated';
  return (
    <form
      className="stack"
      aria-label={t('review.formLabel', { title: criterion.title })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!review.isPending) review.mutate();
      }}
    >
      <fieldset aria-describedby={`${id}-decision-error`}>
        <legend>{t('review.decision')}</legend>
        <div className="choices">
          <label>
            <input
              type="radio"
              name={`${id}-decision`}
              checked={decision === 'Demonstrated'}
              onChange={() => setDecision('Demonstrated')}
              required
            />{' '}
            {t('reviews.demonstrated')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-decision`}
              checked={decision === 'NotDemonstrated'}
              onChange={() => setDecision('NotDemonstrated')}
            />{' '}
            {t('reviews.notDemonstrated')}
          </label>
        </div>
        <FieldError error={review.error} field="decision" label={t('review.field.decision')} id={`${id}-decision-error`} />
      </fieldset>
      <fieldset aria-describedby={`${id}-rating-error`}>
        <legend>{t('review.rating')}</legend>
        <div className="choices">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n}>
              <input type="radio" name={`${id}-rating`} value={n} checked={rating === String(n)} onChange={() => setRating(String(n))} />{' '}
              {n}
            </label>
          ))}
        </div>
        <FieldError error={review.error} field="rating" label={t('review.field.rating')} id={`${id}-rating-error`} />
      </fieldset>
      <TextAreaField
        label={feedbackRequired ? t('review.feedbackRequired') : t('review.feedback')}
        value={feedback}
        onChange={setFeedback}
        error={review.error}
        field="feedback"
        fieldLabel={t('review.feedback')}
        maxLength={4000}
      />
      {review.isError && !(review.error instanceof ApiProblem && review.error.problem.errors) && (
        <StaleNotice error={review.error} onReload={reload} />
      )}
      <button type="submit" disabled={review.isPending || decision === ''}>
        {review.isPending ? t('common.saving') : t('review.save')}
      </button>
    </form>
  );
}

function ApprovalForm({ detail }: { detail: Detail }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [comment, setComment] = useState('');
  const updateRecord = useRecordUpdate(detail.id, [keys.reviewQueue]);
  const decide = useMutation({
    mutationFn: (decision: 'Approve' | 'Reject') =>
      must(
        api.POST('/enrollments/{id}/approval', {
          params: { path: { id: detail.id } },
          body: { decision, comment: comment || null },
        }),
      ),
    onSuccess: updateRecord,
  });
  const reload = () => {
    decide.reset();
    void client.invalidateQueries({ queryKey: keys.enrollment(detail.id) });
  };
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('approval.title')}</h2>
      <p>{t('approval.intro')}</p>
      <TextAreaField
        label={t('approval.comment')}
        value={comment}
        onChange={setComment}
        error={decide.error}
        field="comment"
        fieldLabel={t('approval.field.comment')}
        maxLength={4000}
      />
      {decide.isError && !(decide.error instanceof ApiProblem && decide.error.problem.errors) && (
        <StaleNotice error={decide.error} onReload={reload} />
      )}
      <div className="row">
        <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('Approve')}>
          {t('approval.approve')}
        </button>
        <button type="button" className="danger" disabled={decide.isPending} onClick={() => decide.mutate('Reject')}>
          {t('approval.sendBack')}
        </button>
      </div>
    </section>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { must } from '../../api/client';
import { uploadForm } from '../../api/upload';
import { useServices } from '../../app/context';
import { keys } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { TextAreaField } from '../../ui/TextAreaField';
import { formatDateTime } from '../../ui/format';
import { RatingSummary } from '../sessions/RatingSummary';
import { callTypes, callTypeText, sessionStateText } from '../sessions/sessionWords';

type Session = Schemas['LiveSessionResponse'];

/** The coach's side of a session: the learner's history, the calls, the end, and the rating. */
export function SessionRoom({ session: s }: { session: Session }) {
  return (
    <>
      <Calls session={s} />
      {(s.state === 'Ended' || s.state === 'InCall') && <RatingForm session={s} />}
      {s.state === 'Rated' && s.rating && <RatingGiven rating={s.rating} />}
      <History session={s} />
    </>
  );
}

function Calls({ session: s }: { session: Session }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [callType, setCallType] = useState<string>('Video call');
  const onSuccess = (updated: Session) =>
    client.setQueryData(keys.liveSession(s.id), {
      ...s,
      ...updated,
      history: s.history,
      reviews: s.reviews,
      skills: s.skills,
      minStars: s.minStars,
    });
  const path = { params: { path: { id: s.id } } };
  const start = useMutation({
    mutationFn: () => must(api.POST('/live-sessions/{id}/start', { ...path, body: { callType } })),
    onSuccess,
  });
  const another = useMutation({
    mutationFn: () => must(api.POST('/live-sessions/{id}/calls', { ...path, body: { callType } })),
    onSuccess,
  });
  const end = useMutation({ mutationFn: () => must(api.POST('/live-sessions/{id}/end', path)), onSuccess });
  const cancel = useMutation({ mutationFn: () => must(api.POST('/live-sessions/{id}/cancel', path)), onSuccess });
  const noShow = useMutation({ mutationFn: () => must(api.POST('/live-sessions/{id}/no-show', path)), onSuccess });
  const busy = start.isPending || another.isPending || end.isPending || cancel.isPending || noShow.isPending;
  const error = start.error ?? another.error ?? end.error ?? cancel.error ?? noShow.error;
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('room.title')}</h2>
      {s.state === 'Scheduled' && <p>{t('room.notYet', { learner: s.learner })}</p>}
      {s.state === 'LearnerWaiting' && <p className="alert alert-info">{t('room.waiting', { learner: s.learner })}</p>}
      {s.calls.length > 0 && (
        <ol aria-label={t('room.calls')}>
          {s.calls.map((c) => (
            <li key={c.startedAt}>
              {callTypeText(c.callType, t)}, {formatDateTime(c.startedAt)}
            </li>
          ))}
        </ol>
      )}
      {(s.state === 'LearnerWaiting' || s.state === 'InCall') && (
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('room.callType')}</label>
          <select id={`${id}-type`} value={callType} onChange={(e) => setCallType(e.target.value)}>
            {Object.keys(callTypes).map((type) => (
              <option key={type} value={type}>
                {callTypeText(type, t)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="row">
        {s.state === 'LearnerWaiting' && (
          <button type="button" disabled={busy} onClick={() => start.mutate()}>
            {t('room.start')}
          </button>
        )}
        {s.state === 'InCall' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => another.mutate()}>
            {t('room.another')}
          </button>
        )}
        {s.state === 'InCall' && (
          <button type="button" disabled={busy} onClick={() => end.mutate()}>
            {t('room.end')}
          </button>
        )}
        {s.state === 'Scheduled' && (
          <button type="button" className="secondary" disabled={busy} onClick={() => noShow.mutate()}>
            {t('sessionState.NoShow')}
          </button>
        )}
        {s.state === 'Scheduled' && (
          <button type="button" className="danger" disabled={busy} onClick={() => cancel.mutate()}>
            {t('room.cancel')}
          </button>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
    </section>
  );
}

/** What the coach gave, as the learner sees it: the rating is kept once saved. */
function RatingGiven({ rating }: { rating: NonNullable<Session['rating']> }) {
  const t = useTranslate();
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('room.ratingGiven')}</h2>
      <RatingSummary rating={rating} />
    </section>
  );
}

function RatingForm({ session: s }: { session: Session }) {
  const t = useTranslate();
  const { auth, config } = useServices();
  const client = useQueryClient();
  const id = useId();
  const skills = s.skills ?? [];
  const [stars, setStars] = useState<Record<string, number>>({});
  const [comments, setComments] = useState('');
  const [feedback, setFeedback] = useState('');
  const [report, setReport] = useState<File | null>(null);
  const rate = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append(
        'rating',
        JSON.stringify({
          skills: skills.map((skill) => ({ skill, stars: stars[skill] ?? null })),
          comments: comments || null,
          feedback: feedback || null,
        }),
      );
      if (report) form.append('report', report, report.name);
      return uploadForm<Session>(`${config.apiBaseUrl}/live-sessions/${encodeURIComponent(s.id)}/rating`, form, auth, () => {});
    },
    onSuccess: (updated) => client.setQueryData(keys.liveSession(s.id), { ...s, ...updated, history: s.history, reviews: s.reviews }),
  });
  if (s.state !== 'Ended') return null;
  return (
    <form
      className="card stack"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!rate.isPending) rate.mutate();
      }}
    >
      <h2 id={`${id}-title`}>{t('room.rate')}</h2>
      {s.minStars && <p className="muted">{t('room.minStars', { stars: s.minStars })}</p>}
      {skills.map((skill) => (
        <fieldset key={skill}>
          <legend>{skill}</legend>
          <div className="choices">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={`${id}-${skill}`}
                  checked={stars[skill] === n}
                  onChange={() => setStars({ ...stars, [skill]: n })}
                />
                {t('room.stars', { stars: n })}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <FieldError error={rate.error} field="skills" label={t('room.field.stars')} id={`${id}-skills-error`} />
      <TextAreaField
        label={t('room.comments')}
        value={comments}
        onChange={setComments}
        error={rate.error}
        field="comments"
        fieldLabel={t('room.field.comments')}
        maxLength={4000}
      />
      <TextAreaField
        label={t('room.feedback')}
        value={feedback}
        onChange={setFeedback}
        error={rate.error}
        field="feedback"
        fieldLabel={t('room.field.feedback')}
        maxLength={4000}
      />
      <div className="field">
        <label htmlFor={`${id}-report`}>{t('room.report')}</label>
        <input
          id={`${id}-report`}
          type="file"
          accept="application/pdf"
          onChange={(e) => setReport(e.target.files?.[0] ?? null)}
          aria-describedby={`${id}-report-error`}
        />
        <FieldError error={rate.error} field="report" label={t('room.field.report')} id={`${id}-report-error`} />
      </div>
      {rate.isError && <ErrorNotice error={rate.error} />}
      <button type="submit" disabled={rate.isPending}>
        {rate.isPending ? t('common.saving') : t('room.saveRating')}
      </button>
    </form>
  );
}

function History({ session: s }: { session: Session }) {
  const t = useTranslate();
  const id = useId();
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('room.history', { learner: s.learner, certification: s.certification })}</h2>
      {(s.history ?? []).length === 0 && (s.reviews ?? []).length === 0 && <p className="muted">{t('room.noHistory')}</p>}
      {(s.history ?? []).length > 0 && (
        <ul aria-label={t('room.earlier')}>
          {(s.history ?? []).map((h) => (
            <li key={h.id}>
              {h.criterion}, {formatDateTime(h.startsAt)}: {sessionStateText(h.state, t)}
              {h.rating ? ` (${h.rating.met ? t('room.met') : t('room.notMet')})` : ''}
            </li>
          ))}
        </ul>
      )}
      {(s.reviews ?? []).length > 0 && (
        <ul aria-label={t('reviews.heading')}>
          {(s.reviews ?? []).map((r) => (
            <li key={r.at + r.criterionId}>
              {t(r.decision === 'Demonstrated' ? 'room.demonstratedBy' : 'room.notDemonstratedBy', {
                name: r.reviewerName,
                at: formatDateTime(r.at),
              })}
              {r.feedback ? `: ${r.feedback}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

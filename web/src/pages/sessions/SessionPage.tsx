import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { useMe, useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { RatingSummary } from './RatingSummary';
import { callTypeText, sessionStateText } from './sessionWords';

type Session = Schemas['LiveSessionResponse'];

// The coach's room is its own chunk: learners never download it.
const CoachRoom = lazy(async () => ({ default: (await import('../coach/SessionRoom')).SessionRoom }));

/** One live session: the learner's waiting room, or the coach's session room. */
export function SessionPage() {
  const t = useTranslate();
  const { id = '' } = useParams();
  const { api } = useServices();
  const me = useMe();
  const session = useQuery({
    ...queries.liveSession(api, id),
    // Both sides watch the other: the learner waits for the call to start, the coach for the learner to arrive.
    refetchInterval: (query) => (['Scheduled', 'LearnerWaiting', 'InCall', 'Ended'].includes(query.state.data?.state ?? '') ? 3000 : false),
  });
  usePageTitle(session.data?.criterion ?? t('sessions.title'));
  if (session.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  return (
    <>
      <h1>{s.criterion}</h1>
      <section className="card stack" aria-label={t('sessions.theSession')}>
        <p>
          {s.certification} ·{' '}
          {s.coachId === me.user.id ? t('sessions.with', { other: s.learner }) : t('sessions.withCoach', { coach: s.coach })}
        </p>
        <p className="muted">
          {formatDateTime(s.startsAt)} · {t('sessions.minutes', { minutes: s.durationMinutes })}
        </p>
        <p role="status">
          <span className="badge">{sessionStateText(s.state, t)}</span>
        </p>
      </section>
      {s.coachId === me.user.id ? (
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <CoachRoom session={s} />
        </Suspense>
      ) : (
        <WaitingRoom session={s} />
      )}
    </>
  );
}

function WaitingRoom({ session: s }: { session: Session }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const join = useMutation({
    mutationFn: () => must(api.POST('/live-sessions/{id}/join', { params: { path: { id: s.id } } })),
    onSuccess: (updated) => client.setQueryData(keys.liveSession(s.id), updated),
  });
  const lastCall = s.calls[s.calls.length - 1];
  return (
    <section className="card stack" aria-label={t('waiting.label')}>
      {s.state === 'Scheduled' && (
        <>
          <p>{t('waiting.intro')}</p>
          <button type="button" disabled={join.isPending} onClick={() => join.mutate()}>
            {join.isPending ? t('waiting.joining') : t('waiting.join')}
          </button>
        </>
      )}
      {s.state === 'LearnerWaiting' && <p className="alert alert-info">{t('waiting.here', { coach: s.coach })}</p>}
      {s.state === 'InCall' && (
        <p className="alert alert-success">
          {lastCall
            ? t('waiting.callOnType', { coach: s.coach, type: callTypeText(lastCall.callType, t) })
            : t('waiting.callOn', { coach: s.coach })}
        </p>
      )}
      {s.state === 'Ended' && <p>{t('waiting.ended', { coach: s.coach })}</p>}
      {s.state === 'Rated' && s.rating && <RatingSummary rating={s.rating} />}
      {join.isError && <ErrorNotice error={join.error} />}
    </section>
  );
}

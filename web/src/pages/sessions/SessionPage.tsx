import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { useMe, useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { stateWords } from './sessionWords';

type Session = Schemas['LiveSessionResponse'];

// The coach's room is its own chunk: learners never download it.
const CoachRoom = lazy(async () => ({ default: (await import('../coach/SessionRoom')).SessionRoom }));

/** One live session: the learner's waiting room, or the coach's session room. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { api } = useServices();
  const me = useMe();
  const session = useQuery({
    queryKey: ['live-session', id],
    queryFn: () => must(api.GET('/live-sessions/{id}', { params: { path: { id } } })),
    // Both sides watch the other: the learner waits for the call to start, the coach for the learner to arrive.
    refetchInterval: (query) => (['Scheduled', 'LearnerWaiting', 'InCall', 'Ended'].includes(query.state.data?.state ?? '') ? 3000 : false),
  });
  usePageTitle(session.data?.criterion ?? 'Live session');
  if (session.isPending) return <p className="muted">Loading…</p>;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  return (
    <>
      <h1>{s.criterion}</h1>
      <section className="card stack" aria-label="The session">
        <p>{s.certification} · {s.coachId === me.user.id ? `with ${s.learner}` : `with your coach ${s.coach}`}</p>
        <p className="muted">{formatDateTime(s.startsAt)} · {s.durationMinutes} minutes</p>
        <p role="status"><span className="badge">{stateWords[s.state] ?? s.state}</span></p>
      </section>
      {s.coachId === me.user.id ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <CoachRoom session={s} />
        </Suspense>
      ) : (
        <WaitingRoom session={s} />
      )}
    </>
  );
}

function WaitingRoom({ session: s }: { session: Session }) {
  const { api } = useServices();
  const queries = useQueryClient();
  const join = useMutation({
    mutationFn: () => must(api.POST('/live-sessions/{id}/join', { params: { path: { id: s.id } } })),
    onSuccess: (updated) => queries.setQueryData(['live-session', s.id], updated),
  });
  const lastCall = s.calls[s.calls.length - 1];
  return (
    <section className="card stack" aria-label="Waiting room">
      {s.state === 'Scheduled' && (
        <>
          <p>When it is time, come into the waiting room: your coach sees that you are here and starts the call.</p>
          <button type="button" disabled={join.isPending} onClick={() => join.mutate()}>{join.isPending ? 'Joining…' : 'Join the waiting room'}</button>
        </>
      )}
      {s.state === 'LearnerWaiting' && <p className="alert alert-info">You are in the waiting room. {s.coach} has been told you are here.</p>}
      {s.state === 'InCall' && (
        <p className="alert alert-success">The call is on{lastCall ? ` (${lastCall.callType})` : ''}. {s.coach} is calling you now.</p>
      )}
      {s.state === 'Ended' && <p>The session has ended. {s.coach} rates it next; you will see the rating here.</p>}
      {s.state === 'Rated' && s.rating && (
        <div className="stack">
          <p className={`alert ${s.rating.met ? 'alert-success' : 'alert-danger'}`}>
            {s.rating.met ? 'You met this criterion.' : 'Not met this time; your coach will plan another session with you.'}
          </p>
          <ul aria-label="Stars per skill">
            {s.rating.skills.map((r) => <li key={r.skill}>{r.skill}: {r.stars} of 5 stars</li>)}
          </ul>
          {s.rating.feedback && <p>Feedback: {s.rating.feedback}</p>}
        </div>
      )}
      {join.isError && <ErrorNotice error={join.error} />}
    </section>
  );
}

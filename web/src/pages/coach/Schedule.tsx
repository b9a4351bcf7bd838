import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { must } from '../../api/client';
import { everyPage, largestPage } from '../../api/everyPage';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** The HH:mm a time input takes, in the viewer's time zone. */
function localTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** My day with its free slots, and scheduling a live session for a team member within the calendar's rules. */
export function Schedule() {
  usePageTitle('Schedule a live session');
  const { api } = useServices();
  const navigate = useNavigate();
  const id = useId();
  // The day comes first; who and what are read once the coach picks a time, so the page's first render needs one call besides /me.
  const [choosing, setChoosing] = useState(false);
  const team = useQuery({ queryKey: ['my-team'], queryFn: () => everyPage((continuationToken) => api.GET('/me/team', { params: { query: { pageSize: largestPage, continuationToken } } })), enabled: choosing });
  const certifications = useQuery({ queryKey: ['certifications'], queryFn: () => everyPage((continuationToken) => api.GET('/certifications', { params: { query: { pageSize: largestPage, continuationToken } } })), enabled: choosing });
  const [learnerId, setLearnerId] = useState('');
  const [certificationId, setCertificationId] = useState('');
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('');
  const [minutes, setMinutes] = useState(20);

  const withSessions = (certifications.data?.items ?? []).filter((c) => c.status === 'Published' && c.criteria.some((k) => k.kind === 'live_session'));
  const certification = withSessions.find((c) => c.id === certificationId) ?? withSessions[0];
  const criterion = certification?.criteria.find((k) => k.kind === 'live_session');
  const learner = learnerId || team.data?.items[0]?.id || '';

  const day = useQuery({
    queryKey: ['availability', date, minutes],
    queryFn: () => must(api.GET('/live-sessions/availability', { params: { query: { date, durationMinutes: String(minutes) } } })),
    enabled: Boolean(date),
  });
  const schedule = useMutation({
    mutationFn: (startsAt: string) =>
      must(api.POST('/live-sessions', {
        body: { learnerId: learner, certificationId: certification?.id ?? null, criterionId: criterion?.id ?? null, startsAt, durationMinutes: minutes, mode: 'sync' },
      })),
    onSuccess: (created) => void navigate(`/live-sessions/${created.id}`),
  });
  const startsAt = time ? new Date(`${date}T${time}`).toISOString() : '';
  const nextSlot = schedule.error instanceof ApiProblem ? (schedule.error.problem as { nextSlot?: string | null }).nextSlot : null;

  return (
    <>
      <h1>Schedule a live session</h1>
      {(team.isError || certifications.isError) && <ErrorNotice error={team.error ?? certifications.error} onRetry={() => { void team.refetch(); void certifications.refetch(); }} />}
      <form className="card stack" aria-label="Schedule a live session"
        onSubmit={(event) => {
          event.preventDefault();
          if (startsAt && !schedule.isPending) schedule.mutate(startsAt);
        }}>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-date`}>Day</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>Start</label>
            <input id={`${id}-time`} type="time" value={time} aria-describedby={`${id}-start-error`}
              onChange={(e) => { setTime(e.target.value); setChoosing(true); }} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-minutes`}>Minutes</label>
            <input id={`${id}-minutes`} type="number" min={5} max={240} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
          </div>
        </div>
        <FieldError error={schedule.error} field="startsAt" label="The start" id={`${id}-start-error`} />
        <section aria-labelledby={`${id}-free`}>
          <h2 id={`${id}-free`}>Free starts that day</h2>
          {day.isPending && <p className="muted">Loading…</p>}
          {day.isError && <ErrorNotice error={day.error} onRetry={() => void day.refetch()} />}
          {day.isSuccess && day.data.starts.length === 0 && <p>No free slot that day.</p>}
          {day.isSuccess && day.data.starts.length > 0 && (
            <div className="choices" role="group" aria-label="Free starts">
              {day.data.starts.slice(0, 24).map((start) => (
                <button key={start} type="button" className="secondary" onClick={() => { setTime(localTime(new Date(start))); setChoosing(true); }}>
                  {timeFormat.format(new Date(start))}
                </button>
              ))}
            </div>
          )}
        </section>
        {!choosing && <p className="hint">Pick a free start, or type one, to choose the team member and certification.</p>}
        {choosing && (
          <>
            <div className="field">
              <label htmlFor={`${id}-learner`}>Team member</label>
              <select id={`${id}-learner`} value={learner} onChange={(e) => setLearnerId(e.target.value)} aria-describedby={`${id}-learner-error`}>
                {(team.data?.items ?? []).map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
              </select>
              <FieldError error={schedule.error} field="learnerId" label="The team member" id={`${id}-learner-error`} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-certification`}>Certification</label>
              <select id={`${id}-certification`} value={certification?.id ?? ''} onChange={(e) => setCertificationId(e.target.value)}>
                {withSessions.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
              </select>
              {criterion && <p className="hint">Assesses “{criterion.title}”.</p>}
            </div>
          </>
        )}
        {schedule.isError && !(schedule.error instanceof ApiProblem && schedule.error.problem.errors) && (
          <div className="alert alert-danger" role="alert">
            {schedule.error.message}
            {nextSlot && (
              <>
                {' '}
                <button type="button" onClick={() => schedule.mutate(nextSlot)}>Schedule at {formatDateTime(nextSlot)}</button>
              </>
            )}
          </div>
        )}
        <button type="submit" disabled={!startsAt || !learner || !criterion || schedule.isPending}>{schedule.isPending ? 'Scheduling…' : 'Schedule'}</button>
      </form>
    </>
  );
}

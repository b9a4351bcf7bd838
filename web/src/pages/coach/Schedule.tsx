import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { must } from '../../api/client';
import { ApiProblem, sentenceOf } from '../../api/problem';
import { useMe, useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { formatDateTime, formatTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { WorkingHours } from './WorkingHours';

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The HH:mm a time input takes, in the viewer's time zone. */
function localTime(at: Date): string {
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** My day with its free slots, and scheduling a live session for a team member within the calendar's rules. */
export function Schedule() {
  const t = useTranslate();
  usePageTitle(t('schedule.title'));
  const { api } = useServices();
  const navigate = useNavigate();
  const id = useId();
  // The day comes first; who and what are read once the coach picks a time, so the page's first render needs one call besides /me.
  const [choosing, setChoosing] = useState(false);
  const team = useQuery({ ...queries.myTeam(api), enabled: choosing });
  const certifications = useQuery({ ...queries.certifications(api), enabled: choosing });
  const [learnerId, setLearnerId] = useState('');
  const [certificationId, setCertificationId] = useState('');
  const [date, setDate] = useState(tomorrow);
  const [time, setTime] = useState('');
  const [minutes, setMinutes] = useState(20);

  const withSessions = (certifications.data?.items ?? []).filter(
    (c) => c.status === 'Published' && c.criteria.some((k) => k.kind === 'live_session'),
  );
  const certification = withSessions.find((c) => c.id === certificationId) ?? withSessions[0];
  const criterion = certification?.criteria.find((k) => k.kind === 'live_session');
  const learner = learnerId || team.data?.items[0]?.id || '';

  const me = useMe();
  // A coach's zone is first saved as the page opens (from the browser): the day is read again once it is.
  const day = useQuery({
    ...queries.availability(api, date, minutes, { timeZone: me.user.timeZone, ...me.user.workingHours }),
    enabled: Boolean(date),
  });
  const schedule = useMutation({
    mutationFn: (startsAt: string) =>
      must(
        api.POST('/live-sessions', {
          body: {
            learnerId: learner,
            certificationId: certification?.id ?? null,
            criterionId: criterion?.id ?? null,
            startsAt,
            durationMinutes: minutes,
            mode: 'sync',
          },
        }),
      ),
    onSuccess: (created) => void navigate(`/live-sessions/${created.id}`),
  });
  const startsAt = time ? new Date(`${date}T${time}`).toISOString() : '';
  const nextSlot = schedule.error instanceof ApiProblem ? (schedule.error.problem as { nextSlot?: string | null }).nextSlot : null;

  return (
    <>
      <h1>{t('schedule.title')}</h1>
      {(team.isError || certifications.isError) && (
        <ErrorNotice
          error={team.error ?? certifications.error}
          onRetry={() => {
            void team.refetch();
            void certifications.refetch();
          }}
        />
      )}
      <form
        className="card stack"
        aria-label={t('schedule.title')}
        onSubmit={(event) => {
          event.preventDefault();
          if (startsAt && !schedule.isPending) schedule.mutate(startsAt);
        }}
      >
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('schedule.day')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>{t('schedule.start')}</label>
            <input
              id={`${id}-time`}
              type="time"
              value={time}
              aria-describedby={`${id}-start-error`}
              onChange={(e) => {
                setTime(e.target.value);
                setChoosing(true);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-minutes`}>{t('schedule.minutes')}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              min={5}
              max={240}
              value={minutes}
              onChange={(e) => setMinutes(Number(e.target.value))}
            />
          </div>
        </div>
        <FieldError error={schedule.error} field="startsAt" label={t('schedule.field.start')} id={`${id}-start-error`} />
        <section aria-labelledby={`${id}-free`}>
          <h2 id={`${id}-free`}>{t('schedule.freeStarts')}</h2>
          {day.isPending && <p className="muted">{t('app.loading')}</p>}
          {day.isError && <ErrorNotice error={day.error} onRetry={() => void day.refetch()} />}
          {day.isSuccess && day.data.starts.length === 0 && <p>{t('schedule.noFreeSlot')}</p>}
          {day.isSuccess && day.data.starts.length > 0 && (
            <div className="choices" role="group" aria-label={t('schedule.free')}>
              {day.data.starts.map((start) => (
                <button
                  key={start}
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setTime(localTime(new Date(start)));
                    setChoosing(true);
                  }}
                >
                  {formatTime(start)}
                </button>
              ))}
            </div>
          )}
        </section>
        {!choosing && <p className="hint">{t('schedule.pickFirst')}</p>}
        {choosing && (
          <>
            <div className="field">
              <label htmlFor={`${id}-learner`}>{t('schedule.member')}</label>
              <select
                id={`${id}-learner`}
                value={learner}
                onChange={(e) => setLearnerId(e.target.value)}
                aria-describedby={`${id}-learner-error`}
              >
                {(team.data?.items ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
              <FieldError error={schedule.error} field="learnerId" label={t('schedule.field.member')} id={`${id}-learner-error`} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-certification`}>{t('common.certification')}</label>
              <select id={`${id}-certification`} value={certification?.id ?? ''} onChange={(e) => setCertificationId(e.target.value)}>
                {withSessions.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
              {criterion && <p className="hint">{t('schedule.assesses', { title: criterion.title })}</p>}
            </div>
          </>
        )}
        {schedule.isError && !(schedule.error instanceof ApiProblem && schedule.error.problem.errors) && (
          <div className="alert alert-danger" role="alert">
            {sentenceOf(schedule.error, t)}
            {nextSlot && (
              <>
                {' '}
                <button type="button" onClick={() => schedule.mutate(nextSlot)}>
                  {t('schedule.at', { at: formatDateTime(nextSlot) })}
                </button>
              </>
            )}
          </div>
        )}
        <button type="submit" disabled={!startsAt || !learner || !criterion || schedule.isPending}>
          {schedule.isPending ? t('schedule.scheduling') : t('schedule.schedule')}
        </button>
      </form>
      <WorkingHours />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type Schemas } from '../../api/client';
import { downloadProtectedFile } from '../../api/download';
import { hasRole, useMe, useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { sessionStateText } from './sessionWords';

type Session = Schemas['LiveSessionResponse'];

/** My live sessions, from yesterday on: the invitation, and the way into the waiting room or the session room. */
export function LiveSessions() {
  const t = useTranslate();
  usePageTitle(t('nav.liveSessions'));
  const { api } = useServices();
  const me = useMe();
  const list = useQuery(queries.upcomingSessions(api));
  return (
    <>
      <h1>{t('nav.liveSessions')}</h1>
      {hasRole(me, 'Coach') && (
        <p>
          <Link className="button" to="/coach/schedule">
            {t('sessions.schedule')}
          </Link>
        </p>
      )}
      {list.isPending && <p className="muted">{t('app.loading')}</p>}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.data.items.length === 0 && <p>{t('sessions.empty')}</p>}
      {list.isSuccess && list.data.items.length > 0 && (
        <ul className="cards" aria-label={t('sessions.mine')}>
          {list.data.items.map((s) => (
            <SessionCard key={s.id} session={s} coach={s.coachId === me.user.id} />
          ))}
        </ul>
      )}
    </>
  );
}

function SessionCard({ session: s, coach }: { session: Session; coach: boolean }) {
  const t = useTranslate();
  const { auth, config } = useServices();
  const [error, setError] = useState<unknown>(null);
  const other = coach ? s.learner : s.coach;
  return (
    <li className="card stack">
      <h2>
        <Link
          to={`/live-sessions/${s.id}`}
          aria-label={t('sessions.linkLabel', { criterion: s.criterion, other, at: formatDateTime(s.startsAt) })}
        >
          {s.criterion}
        </Link>
      </h2>
      <p>
        {s.certification} · {t('sessions.with', { other })}
      </p>
      <p className="muted">
        {formatDateTime(s.startsAt)} · {t('sessions.minutes', { minutes: s.durationMinutes })} · {sessionStateText(s.state, t)}
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          downloadProtectedFile(`${config.apiBaseUrl}${s.invitePath.replace(/^\/api/, '')}`, 'invitation.ics', auth).catch(setError)
        }
      >
        {t('sessions.addToCalendar')}
      </button>
      {error !== null && <ErrorNotice error={error} />}
    </li>
  );
}

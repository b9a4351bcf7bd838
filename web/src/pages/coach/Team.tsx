import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ProgressBar, Standing } from '../../ui/Status';
import { usePageTitle } from '../../ui/usePageTitle';
import { AssignmentFields, AssignmentResult, dueAt } from '../shared/AssignmentFields';

type Certification = Schemas['ListResponseOfTeamCertificationRecords']['items'][number];

/** The certifications my team may be in, their learning records, and assigning to team members: one read for the page. */
export function Team() {
  const t = useTranslate();
  usePageTitle(t('nav.team'));
  const { api } = useServices();
  const overview = useQuery(queries.teamRecords(api));
  const [selected, setSelected] = useState('');
  const certifications = overview.data?.items ?? [];
  const current = certifications.find((c) => c.id === selected) ?? certifications.find((c) => c.records.length > 0) ?? certifications[0];
  return (
    <>
      <h1>{t('nav.team')}</h1>
      {overview.isPending && <p className="muted">{t('app.loading')}</p>}
      {overview.isError && <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isSuccess && certifications.length === 0 && <p>{t('team.noCertification')}</p>}
      {current && (
        <>
          <div className="field">
            <label htmlFor="team-certification">{t('common.certification')}</label>
            <select id="team-certification" value={current.id} onChange={(e) => setSelected(e.target.value)}>
              {certifications.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
          <LearningRecords certification={current} />
          <Assign certification={current} />
        </>
      )}
    </>
  );
}

function LearningRecords({ certification }: { certification: Certification }) {
  const t = useTranslate();
  const records = certification.records;
  return (
    <section aria-labelledby="records-title">
      <h2 id="records-title">{t('records.heading')}</h2>
      {records.length === 0 && <p>{t('team.nobody', { title: certification.title })}</p>}
      {records.length > 0 && (
        <ul className="cards" aria-label={t('records.of', { title: certification.title })}>
          {records.map((r) => (
            <li key={r.enrollmentId} className="card stack">
              <h3>
                <Link to={`/coach/reviews/${r.enrollmentId}`}>{r.learner.displayName}</Link>
              </h3>
              <Standing status={r.status} overdue={r.overdue} dueDate={r.dueDate} />
              <ProgressBar met={r.progress.met} total={r.progress.total} label={t('records.progressOf', { name: r.learner.displayName })} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Assign({ certification }: { certification: Certification }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState('');
  const team = useQuery({ ...queries.myTeam(api), enabled: open });
  const assign = useMutation({
    mutationFn: () =>
      must(
        api.POST('/certifications/{id}/assignments', {
          params: { path: { id: certification.id } },
          body: {
            learnerIds: chosen,
            groupIds: null,
            dueDate: dueAt(dueDate),
            message: message || null,
          },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.teamRecords }),
  });
  const names = new Map((team.data?.items ?? []).map((u) => [u.id, u.displayName]));
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('assign.title', { title: certification.title })}
      </button>
    );
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('assign.title', { title: certification.title })}</h2>
      {team.isPending && <p className="muted">{t('team.loading')}</p>}
      {team.isError && <ErrorNotice error={team.error} onRetry={() => void team.refetch()} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!assign.isPending) assign.mutate();
        }}
      >
        {team.isSuccess && (
          <CheckboxGroup
            legend={t('team.members')}
            items={team.data.items.map((u) => ({ id: u.id, name: u.displayName }))}
            chosen={chosen}
            onChange={setChosen}
            error={assign.error}
            field="learnerIds"
            label={t('team.field.members')}
          />
        )}
        <AssignmentFields dueDate={dueDate} message={message} onDueDate={setDueDate} onMessage={setMessage} error={assign.error} />
        {assign.isError && !(assign.error as { problem?: { errors?: unknown } }).problem?.errors && <ErrorNotice error={assign.error} />}
        <button type="submit" disabled={assign.isPending || chosen.length === 0}>
          {assign.isPending ? t('assign.assigning') : t('assign.assign')}
        </button>
      </form>
      {assign.isSuccess && <AssignmentResult report={assign.data} names={names} />}
    </section>
  );
}

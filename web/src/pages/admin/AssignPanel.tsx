import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { must } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AssignmentFields, AssignmentResult, dueAt } from '../shared/AssignmentFields';
import type { Certification } from './certificationDraft';

/** Assigns a published certification to learners and groups, with a due date and a message, then says what happened to each learner. */
export function AssignPanel({ certification, onClose }: { certification: Certification; onClose: () => void }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const users = useQuery(queries.activePeople(api));
  const groups = useQuery(queries.groups(api));
  const [learnerIds, setLearnerIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      must(
        api.POST('/certifications/{id}/assignments', {
          params: { path: { id: certification.id } },
          body: {
            learnerIds,
            groupIds,
            dueDate: dueAt(dueDate),
            message: message || null,
          },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.learningRecords(certification.id) }),
  });
  const learners = (users.data?.items ?? []).filter((u) => u.roles.includes('Learner') && !u.disabledAt);
  const wanted = search.trim().toLocaleLowerCase();
  const shown = wanted ? learners.filter((u) => `${u.displayName} ${u.email}`.toLocaleLowerCase().includes(wanted)) : learners;
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('assign.title', { title: certification.title })}</h2>
      {(users.isError || groups.isError) && (
        <ErrorNotice
          error={users.error ?? groups.error}
          onRetry={() => {
            void users.refetch();
            void groups.refetch();
          }}
        />
      )}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!assign.isPending) assign.mutate();
        }}
      >
        {groups.isPending && <p className="muted">{t('app.loading')}</p>}
        <CheckboxGroup
          legend={t('groups.title')}
          items={groups.data?.items ?? []}
          chosen={groupIds}
          onChange={setGroupIds}
          error={assign.error}
          field="groupIds"
          label={t('groups.field')}
        />
        <div className="field">
          <label htmlFor={`${id}-search`}>{t('assign.find')}</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {users.isPending && <p className="muted">{t('app.loading')}</p>}
        <div className="scroll-list">
          <CheckboxGroup
            legend={t('assign.learners')}
            items={shown.slice(0, 100).map((u) => ({ id: u.id, name: u.displayName }))}
            chosen={learnerIds}
            onChange={setLearnerIds}
            error={assign.error}
            field="learnerIds"
            label={t('assign.field.learners')}
          />
        </div>
        {shown.length > 100 && <p className="hint">{t('assign.more', { count: shown.length - 100 })}</p>}
        <AssignmentFields dueDate={dueDate} message={message} onDueDate={setDueDate} onMessage={setMessage} error={assign.error} />
        {assign.isError && !(assign.error instanceof ApiProblem && assign.error.problem.errors) && <ErrorNotice error={assign.error} />}
        <div className="row">
          <button type="submit" disabled={assign.isPending || (learnerIds.length === 0 && groupIds.length === 0)}>
            {assign.isPending ? t('assign.assigning') : t('assign.assign')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
      {assign.isSuccess && <AssignmentResult report={assign.data} names={names} />}
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { mustVersioned, type Schemas, type Versioned } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { roleText } from '../../ui/roles';

type User = Schemas['UserResponse'];
const roles = ['Learner', 'Coach', 'SuperAdmin'] as const;

/** Creates a user, or edits one read with its ETag; a save someone else made first is said, and what was typed stays. */
export function UserForm({ user, onDone }: { user?: Versioned<User>; onDone: (saved: User) => void }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const groups = useQuery(queries.groups(api));
  // Coaches are read on their own, not from the list on the page, which may be a search that finds none of them.
  const people = useQuery(queries.activePeople(api));
  const coaches = (people.data?.items ?? []).filter((c) => c.roles.includes('Coach'));
  const u = user?.data;
  const [displayName, setDisplayName] = useState(u?.displayName ?? '');
  const [email, setEmail] = useState(u?.email ?? '');
  const [chosenRoles, setRoles] = useState<string[]>(u?.roles ?? ['Learner']);
  const [groupIds, setGroupIds] = useState<string[]>(u?.groupIds ?? []);
  const [coachId, setCoachId] = useState(u?.coachId ?? '');
  const [etag, setEtag] = useState(user?.etag ?? '');
  const save = useMutation({
    mutationFn: (ifMatch: string) => {
      const body = { displayName, email, roles: chosenRoles, groupIds, coachId: coachId || null };
      return u
        ? mustVersioned(api.PUT('/users/{id}', { params: { path: { id: u.id } }, headers: { 'If-Match': ifMatch }, body }))
        : mustVersioned(api.POST('/users', { body }));
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: keys.users });
      onDone(saved.data);
    },
  });
  const stale = save.error instanceof ApiProblem && save.error.status === 412;

  return (
    <form
      className="card stack"
      aria-label={u ? t('user.edit', { name: u.displayName }) : t('user.new')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!save.isPending) save.mutate(etag);
      }}
    >
      <h2>{u ? t('user.edit', { name: u.displayName }) : t('user.new')}</h2>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>{t('user.name')}</label>
          <input
            id={`${id}-name`}
            value={displayName}
            maxLength={200}
            aria-describedby={`${id}-name-error`}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <FieldError error={save.error} field="displayName" label={t('user.field.name')} id={`${id}-name-error`} />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-email`}>{t('user.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            aria-describedby={`${id}-email-error`}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FieldError error={save.error} field="email" label={t('user.field.email')} id={`${id}-email-error`} />
        </div>
      </div>
      <CheckboxGroup
        legend={t('user.roles')}
        items={roles.map((role) => ({ id: role, name: roleText(role, t) }))}
        chosen={chosenRoles}
        onChange={setRoles}
        error={save.error}
        field="roles"
        label={t('user.field.roles')}
      />
      {groups.isError && <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />}
      <CheckboxGroup
        legend={t('groups.title')}
        items={groups.data?.items ?? []}
        chosen={groupIds}
        onChange={setGroupIds}
        error={save.error}
        field="groupIds"
        label={t('groups.field')}
        empty={groups.isSuccess ? t('groups.none') : undefined}
      />
      <div className="field">
        <label htmlFor={`${id}-coach`}>{t('role.Coach')}</label>
        <select id={`${id}-coach`} value={coachId} aria-describedby={`${id}-coach-error`} onChange={(e) => setCoachId(e.target.value)}>
          <option value="">{t('user.noCoach')}</option>
          {coaches
            .filter((c) => c.id !== u?.id)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
        </select>
        <FieldError error={save.error} field="coachId" label={t('user.field.coach')} id={`${id}-coach-error`} />
      </div>
      {stale && (
        <div className="alert alert-warning" role="alert">
          {t('user.stale')}{' '}
          <button
            type="button"
            onClick={() => {
              if (!u) return;
              void mustVersioned(api.GET('/users/{id}', { params: { path: { id: u.id } } })).then((fresh) => {
                setEtag(fresh.etag);
                save.mutate(fresh.etag);
              });
            }}
          >
            {t('stale.keepMine')}
          </button>
        </div>
      )}
      {save.isError && !stale && !(save.error instanceof ApiProblem && save.error.problem.errors) && <ErrorNotice error={save.error} />}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : u ? t('user.save') : t('user.create')}
        </button>
      </div>
    </form>
  );
}

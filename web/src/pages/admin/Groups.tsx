import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { must } from '../../api/client';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';

/** The organization's groups (view access and assigning go by them), and a new one. */
export function Groups() {
  const t = useTranslate();
  usePageTitle(t('groups.title'));
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const groups = useQuery(queries.groups(api));
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => must(api.POST('/groups', { body: { name } })),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: keys.groups });
    },
  });
  return (
    <>
      <p>
        <Link to="/admin/people">{t('people.back')}</Link>
      </p>
      <h1>{t('groups.title')}</h1>
      <form
        className="card row filters"
        aria-label={t('groups.new')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!create.isPending) create.mutate();
        }}
      >
        <div className="field grow">
          <label htmlFor={`${id}-name`}>{t('groups.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={100}
            aria-describedby={`${id}-name-error`}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError error={create.error} field="name" label={t('user.field.name')} id={`${id}-name-error`} />
        </div>
        <button type="submit" disabled={create.isPending || !name.trim()}>
          {t('groups.create')}
        </button>
      </form>
      {create.isError && !(create.error as { problem?: { errors?: unknown } }).problem?.errors && <ErrorNotice error={create.error} />}
      {create.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('groups.created', { name: create.data.name })}
        </p>
      )}
      {groups.isPending && <p className="muted">{t('app.loading')}</p>}
      {groups.isError && <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />}
      {groups.isSuccess && (
        <ul className="cards" aria-label={t('groups.title')}>
          {groups.data.items.map((g) => (
            <li key={g.id} className="card">
              {g.name}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { must, mustVersioned, type Schemas, type Versioned } from '../../api/client';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate, formatList } from '../../ui/format';
import { Pager, usePageTrail } from '../../ui/Pager';
import { roleText } from '../../ui/roles';
import { usePageTitle } from '../../ui/usePageTitle';
import { UserForm } from './UserForm';

type User = Schemas['UserResponse'];

/** The organization's people: found by name or e-mail, created, edited, disabled and enabled, invited again. */
export function People() {
  const t = useTranslate();
  usePageTitle(t('nav.people'));
  const { api } = useServices();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const [typed, setTyped] = useState(search);
  const trail = usePageTrail();
  const [editing, setEditing] = useState<Versioned<User> | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const token = trail.token;
  const users = useQuery({ ...queries.people(api, search, token), placeholderData: keepPreviousData });
  const open = async (user: User) => setEditing(await mustVersioned(api.GET('/users/{id}', { params: { path: { id: user.id } } })));

  return (
    <>
      <div className="row spread">
        <h1>{t('nav.people')}</h1>
        <div className="row">
          <Link to="/admin/people/groups">{t('groups.title')}</Link>
          <Link to="/admin/people/import">{t('people.import')}</Link>
          <button type="button" onClick={() => setEditing('new')}>
            {t('user.new')}
          </button>
        </div>
      </div>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.data.id}
          user={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            setNotice(t('people.saved', { name: saved.displayName }));
          }}
        />
      )}
      <form
        className="card row filters"
        role="search"
        aria-label={t('people.find')}
        onSubmit={(event) => {
          event.preventDefault();
          trail.reset();
          setParams(typed.trim() ? { search: typed.trim() } : {}, { replace: true });
        }}
      >
        <div className="field grow">
          <label htmlFor={`${id}-search`}>{t('records.search')}</label>
          <input id={`${id}-search`} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t('records.searchButton')}
        </button>
      </form>
      {users.isPending && <p className="muted">{t('app.loading')}</p>}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && users.data.items.length === 0 && <p role="status">{t('people.noMatch')}</p>}
      {users.isSuccess && users.data.items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('nav.people')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('user.name')}</th>
                <th scope="col">{t('user.roles')}</th>
                <th scope="col">{t('records.status')}</th>
                <th scope="col">{t('people.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    {u.displayName}
                    <div className="muted small">{u.email}</div>
                  </th>
                  <td>{formatList(u.roles.map((r) => roleText(r, t)))}</td>
                  <td>
                    <UserStatus user={u} />
                  </td>
                  <td>
                    <UserActions user={u} onEdit={() => void open(u)} onDone={setNotice} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.isSuccess && <Pager trail={trail} nextToken={users.data.continuationToken} />}
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  const t = useTranslate();
  if (user.disabledAt) return <span className="badge badge-danger">{t('people.disabledOn', { date: formatDate(user.disabledAt) })}</span>;
  if (user.status === 'invited') {
    return (
      <span className="badge badge-warning">
        {user.invitationExpiresAt ? t('people.invitedUntil', { date: formatDate(user.invitationExpiresAt) }) : t('people.invited')}
      </span>
    );
  }
  return <span className="badge badge-success">{t('people.active')}</span>;
}

function UserActions({ user, onEdit, onDone }: { user: User; onEdit: () => void; onDone: (notice: string) => void }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const path = { params: { path: { id: user.id } } };
  const done = (notice: string) => () => {
    void client.invalidateQueries({ queryKey: keys.users });
    onDone(notice);
  };
  const disable = useMutation({
    mutationFn: () => must(api.DELETE('/users/{id}', path)),
    onSuccess: done(t('people.disabled', { name: user.displayName })),
  });
  const enable = useMutation({
    mutationFn: () => must(api.POST('/users/{id}/enable', path)),
    onSuccess: done(t('people.enabled', { name: user.displayName })),
  });
  const invite = useMutation({
    mutationFn: () => must(api.POST('/users/{id}/invitation', path)),
    onSuccess: done(t('people.invitationSent', { email: user.email })),
  });
  const [confirming, setConfirming] = useState(false);
  const error = disable.error ?? enable.error ?? invite.error;
  return (
    <div className="row">
      <button type="button" className="secondary small" aria-label={t('user.edit', { name: user.displayName })} onClick={onEdit}>
        {t('people.editButton')}
      </button>
      {user.disabledAt ? (
        <button
          type="button"
          className="secondary small"
          aria-label={t('people.enableLabel', { name: user.displayName })}
          disabled={enable.isPending}
          onClick={() => enable.mutate()}
        >
          {t('people.enable')}
        </button>
      ) : (
        <button
          type="button"
          className="secondary danger small"
          aria-label={t('people.disableLabel', { name: user.displayName })}
          disabled={disable.isPending || confirming}
          onClick={() => setConfirming(true)}
        >
          {t('people.disable')}
        </button>
      )}
      {confirming && !user.disabledAt && (
        <div className="alert alert-warning stack" role="alertdialog" aria-label={t('people.disableQuestion', { name: user.displayName })}>
          <p>
            <strong>{t('people.disableQuestion', { name: user.displayName })}</strong> {t('people.disableWhat')}
          </p>
          <div className="row">
            <button
              type="button"
              className="danger small"
              disabled={disable.isPending}
              onClick={() => disable.mutate(undefined, { onSettled: () => setConfirming(false) })}
            >
              {t('people.disable')}
            </button>
            <button type="button" className="secondary small" onClick={() => setConfirming(false)}>
              {t('people.keepEnabled')}
            </button>
          </div>
        </div>
      )}
      {user.status === 'invited' && (
        <button
          type="button"
          className="secondary small"
          aria-label={t('people.resendLabel', { name: user.displayName })}
          disabled={invite.isPending}
          onClick={() => invite.mutate()}
        >
          {t('people.resend')}
        </button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

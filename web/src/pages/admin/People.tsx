import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { must, mustVersioned, type Schemas, type Versioned } from '../../api/client';
import { useServices } from '../../app/context';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { Pager, usePageTrail } from '../../ui/Pager';
import { usePageTitle } from '../../ui/usePageTitle';
import { UserForm } from './UserForm';

type User = Schemas['UserResponse'];
const roleNames: Record<string, string> = { Learner: 'Learner', Coach: 'Coach', SuperAdmin: 'Super admin' };

/** The organization's people: found by name or e-mail, created, edited, disabled and enabled, invited again. */
export function People() {
  usePageTitle('People');
  const { api } = useServices();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const [typed, setTyped] = useState(search);
  const trail = usePageTrail();
  const [editing, setEditing] = useState<Versioned<User> | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const token = trail.token;
  const users = useQuery({
    queryKey: ['users', 'page', search, token],
    queryFn: () =>
      must(api.GET('/users', {
        params: { query: { include: 'disabled', pageSize: '50', ...(search && { search }), ...(token && { continuationToken: token }) } },
      })),
    placeholderData: keepPreviousData,
  });
  const open = async (user: User) => setEditing(await mustVersioned(api.GET('/users/{id}', { params: { path: { id: user.id } } })));

  return (
    <>
      <div className="row spread">
        <h1>People</h1>
        <div className="row">
          <Link to="/admin/people/groups">Groups</Link>
          <Link to="/admin/people/import">Import from CSV</Link>
          <button type="button" onClick={() => setEditing('new')}>New user</button>
        </div>
      </div>
      {notice && <p className="alert alert-success" role="status">{notice}</p>}
      {editing && (
        <UserForm key={editing === 'new' ? 'new' : editing.data.id} user={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            setNotice(`${saved.displayName} is saved.`);
          }} />
      )}
      <form className="card row filters" role="search" aria-label="Find people"
        onSubmit={(event) => {
          event.preventDefault();
          trail.reset();
          setParams(typed.trim() ? { search: typed.trim() } : {}, { replace: true });
        }}>
        <div className="field grow">
          <label htmlFor={`${id}-search`}>Name or e-mail</label>
          <input id={`${id}-search`} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" className="secondary">Search</button>
      </form>
      {users.isPending && <p className="muted">Loading…</p>}
      {users.isError && <ErrorNotice error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && users.data.items.length === 0 && <p role="status">Nobody matches.</p>}
      {users.isSuccess && users.data.items.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">People</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Roles</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {users.data.items.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.displayName}<div className="muted small">{u.email}</div></th>
                  <td>{u.roles.map((r) => roleNames[r] ?? r).join(', ')}</td>
                  <td><UserStatus user={u} /></td>
                  <td><UserActions user={u} onEdit={() => void open(u)} onDone={setNotice} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.isSuccess && (
        <Pager trail={trail} nextToken={users.data.continuationToken} />
      )}
    </>
  );
}

function UserStatus({ user }: { user: User }) {
  if (user.disabledAt) return <span className="badge badge-danger">Disabled {formatDate(user.disabledAt)}</span>;
  if (user.status === 'invited') return <span className="badge badge-warning">Invited{user.invitationExpiresAt && `, until ${formatDate(user.invitationExpiresAt)}`}</span>;
  return <span className="badge badge-success">Active</span>;
}

function UserActions({ user, onEdit, onDone }: { user: User; onEdit: () => void; onDone: (notice: string) => void }) {
  const { api } = useServices();
  const client = useQueryClient();
  const path = { params: { path: { id: user.id } } };
  const done = (notice: string) => () => {
    void client.invalidateQueries({ queryKey: ['users'] });
    onDone(notice);
  };
  const disable = useMutation({ mutationFn: () => must(api.DELETE('/users/{id}', path)), onSuccess: done(`${user.displayName} is disabled and can no longer sign in.`) });
  const enable = useMutation({ mutationFn: () => must(api.POST('/users/{id}/enable', path)), onSuccess: done(`${user.displayName} can sign in again.`) });
  const invite = useMutation({ mutationFn: () => must(api.POST('/users/{id}/invitation', path)), onSuccess: done(`A new invitation is on its way to ${user.email}.`) });
  const error = disable.error ?? enable.error ?? invite.error;
  return (
    <div className="row">
      <button type="button" className="secondary small" aria-label={`Edit ${user.displayName}`} onClick={onEdit}>Edit</button>
      {user.disabledAt ? (
        <button type="button" className="secondary small" aria-label={`Enable ${user.displayName}`} disabled={enable.isPending} onClick={() => enable.mutate()}>Enable</button>
      ) : (
        <button type="button" className="secondary danger small" aria-label={`Disable ${user.displayName}`} disabled={disable.isPending}
          onClick={() => disable.mutate()}>Disable</button>
      )}
      {user.status === 'invited' && (
        <button type="button" className="secondary small" aria-label={`Resend invitation to ${user.displayName}`} disabled={invite.isPending}
          onClick={() => invite.mutate()}>Resend invitation</button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </div>
  );
}

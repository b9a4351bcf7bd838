import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { must } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import type { Certification } from './certificationDraft';

const resultWords: Record<string, string> = { Created: 'assigned', AlreadyEnrolled: 'already enrolled' };

/** Assigns a published certification to learners and groups, with a due date and a message, then says what happened to each learner. */
export function AssignPanel({ certification, onClose }: { certification: Certification; onClose: () => void }) {
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const users = useQuery({ queryKey: ['users', 'learners'], queryFn: () => must(api.GET('/users', { params: { query: { pageSize: '500' } } })) });
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => must(api.GET('/groups')) });
  const [learnerIds, setLearnerIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState('');
  const assign = useMutation({
    mutationFn: () =>
      must(api.POST('/certifications/{id}/assignments', {
        params: { path: { id: certification.id } },
        body: {
          learnerIds, groupIds,
          // The end of the chosen day where the admin is.
          dueDate: dueDate ? new Date(`${dueDate}T23:59:59`).toISOString() : null,
          message: message || null,
        },
      })),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['learning-records', certification.id] }),
  });
  const learners = (users.data?.items ?? []).filter((u) => u.roles.includes('Learner') && !u.disabledAt);
  const wanted = search.trim().toLocaleLowerCase();
  const shown = wanted ? learners.filter((u) => `${u.displayName} ${u.email}`.toLocaleLowerCase().includes(wanted)) : learners;
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((x) => x !== value));

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Assign {certification.title}</h2>
      {(users.isError || groups.isError) && <ErrorNotice error={users.error ?? groups.error} onRetry={() => { void users.refetch(); void groups.refetch(); }} />}
      <form className="stack" onSubmit={(event) => {
        event.preventDefault();
        if (!assign.isPending) assign.mutate();
      }}>
        <fieldset aria-describedby={`${id}-groups-error`}>
          <legend>Groups</legend>
          {groups.isPending && <p className="muted">Loading…</p>}
          <div className="choices">
            {(groups.data?.items ?? []).map((g) => (
              <label key={g.id} className="check">
                <input type="checkbox" checked={groupIds.includes(g.id)} onChange={(e) => setGroupIds(toggle(groupIds, g.id, e.target.checked))} />
                {g.name}
              </label>
            ))}
          </div>
          <FieldError error={assign.error} field="groupIds" label="The groups" id={`${id}-groups-error`} />
        </fieldset>
        <fieldset aria-describedby={`${id}-learners-error`}>
          <legend>Learners</legend>
          <div className="field">
            <label htmlFor={`${id}-search`}>Find a learner</label>
            <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {users.isPending && <p className="muted">Loading…</p>}
          <div className="choices scroll-list">
            {shown.slice(0, 100).map((u) => (
              <label key={u.id} className="check">
                <input type="checkbox" checked={learnerIds.includes(u.id)} onChange={(e) => setLearnerIds(toggle(learnerIds, u.id, e.target.checked))} />
                {u.displayName}
              </label>
            ))}
          </div>
          {shown.length > 100 && <p className="hint">{shown.length - 100} more: narrow the search.</p>}
          <FieldError error={assign.error} field="learnerIds" label="The learners" id={`${id}-learners-error`} />
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due date</label>
          <input id={`${id}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} aria-describedby={`${id}-due-error`} />
          <FieldError error={assign.error} field="dueDate" label="The due date" id={`${id}-due-error`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-message`}>Message</label>
          <textarea id={`${id}-message`} value={message} onChange={(e) => setMessage(e.target.value)} aria-describedby={`${id}-message-error`} />
          <FieldError error={assign.error} field="message" label="The message" id={`${id}-message-error`} />
        </div>
        {assign.isError && !(assign.error instanceof ApiProblem && assign.error.problem.errors) && <ErrorNotice error={assign.error} />}
        <div className="row">
          <button type="submit" disabled={assign.isPending || (learnerIds.length === 0 && groupIds.length === 0)}>
            {assign.isPending ? 'Assigning…' : 'Assign'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>Close</button>
        </div>
      </form>
      {assign.isSuccess && (
        <div role="status" className="stack">
          <p className="alert alert-success">
            {assign.data.created} assigned, {assign.data.alreadyEnrolled} already enrolled
            {assign.data.skippedNotInTeam.length > 0 && <>, {assign.data.skippedNotInTeam.length} skipped</>}.
          </p>
          <ul aria-label="Result per learner">
            {assign.data.results.map((line) => (
              <li key={line.learnerId}>
                {names.get(line.learnerId) ?? line.learnerId}: {resultWords[line.result] ?? line.result}
                {line.dueDateAdded && ' (due date added)'}
              </li>
            ))}
            {assign.data.skippedNotInTeam.map((learnerId) => <li key={learnerId}>{names.get(learnerId) ?? learnerId}: skipped, not in your team</li>)}
          </ul>
        </div>
      )}
    </section>
  );
}

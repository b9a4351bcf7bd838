import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mustVersioned, type Versioned } from '../../api/client';
import { everyPage, largestPage } from '../../api/everyPage';
import { useServices } from '../../app/context';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { AssignPanel } from './AssignPanel';
import type { Certification } from './certificationDraft';

/** What can be done with a saved certification: publish, view access, archive, and its other pages. */
export function CertificationActions({ certification, dirty }: { certification: Versioned<Certification>; dirty: boolean }) {
  const { api } = useServices();
  const client = useQueryClient();
  const c = certification.data;
  const path = { params: { path: { id: c.id } }, headers: { 'If-Match': certification.etag } };
  const written = (next: Versioned<Certification>) => {
    client.setQueryData(['certification', c.id], next);
    void client.invalidateQueries({ queryKey: ['certifications'] });
  };
  const publish = useMutation({ mutationFn: () => mustVersioned(api.POST('/certifications/{id}/publish', path)), onSuccess: written });
  const archive = useMutation({ mutationFn: () => mustVersioned(api.POST('/certifications/{id}/archive', path)), onSuccess: written });
  const [confirming, setConfirming] = useState(false);
  const [params, setParams] = useSearchParams();
  const assigning = params.get('assign') === '1' && c.status === 'Published';
  const setAssigning = (on: boolean) => setParams(on ? { assign: '1' } : {}, { replace: true });

  return (
    <section className="card stack" aria-label="Status and actions">
      <p>
        Status: <strong>{c.status}</strong>
        {c.publishedAt && <> · published {formatDate(c.publishedAt)}</>}
        {c.archivedAt && <> · archived {formatDate(c.archivedAt)}</>}
      </p>
      <div className="row">
        <Link to={`/admin/certifications/${c.id}/design`}>Certificate design</Link>
        {c.status !== 'Draft' && <Link to={`/admin/certifications/${c.id}/records`}>Learning records</Link>}
      </div>
      {c.status === 'Draft' && (
        <div className="stack">
          {c.criteria.length === 0 && <p className="hint">A certification is published once it has at least one criterion.</p>}
          {dirty && <p className="hint">Save your changes before publishing.</p>}
          <div className="row">
            <button type="button" disabled={publish.isPending || dirty} onClick={() => publish.mutate()}>
              {publish.isPending ? 'Publishing…' : 'Publish'}
            </button>
          </div>
          {publish.isError && <ErrorNotice error={publish.error} />}
        </div>
      )}
      {c.status === 'Published' && !assigning && <div className="row"><button type="button" onClick={() => setAssigning(true)}>Assign…</button></div>}
      {assigning && <AssignPanel certification={c} onClose={() => setAssigning(false)} />}
      {c.status !== 'Archived' && <ViewAccess certification={certification} onWritten={written} />}
      {c.status !== 'Archived' && !confirming && (
        <div className="row"><button type="button" className="secondary" onClick={() => setConfirming(true)}>Archive…</button></div>
      )}
      {confirming && c.status !== 'Archived' && (
        <div className="alert alert-warning stack" role="alertdialog" aria-label={`Archive ${c.title}?`}>
          <p>
            <strong>Archive {c.title}?</strong> Nobody can enroll or be assigned any more, and it leaves Discover. Learners already enrolled
            carry on and can still earn it; certificates already awarded stay valid. Archiving cannot be undone.
          </p>
          <div className="row">
            <button type="button" className="danger" disabled={archive.isPending} onClick={() => archive.mutate(undefined, { onSuccess: () => setConfirming(false) })}>
              {archive.isPending ? 'Archiving…' : 'Archive'}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep it</button>
          </div>
          {archive.isError && <ErrorNotice error={archive.error} />}
        </div>
      )}
    </section>
  );
}

/** The groups whose learners may discover and self-enroll; read only when the admin opens it, so the page's first render stays at two calls. */
function ViewAccess({ certification, onWritten }: { certification: Versioned<Certification>; onWritten: (next: Versioned<Certification>) => void }) {
  const { api } = useServices();
  const id = useId();
  const c = certification.data;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(c.viewAccess.groupIds);
  const groups = useQuery({ queryKey: ['groups'], queryFn: () => everyPage((continuationToken) => api.GET('/groups', { params: { query: { pageSize: largestPage, continuationToken } } })), enabled: open });
  const save = useMutation({
    mutationFn: () =>
      mustVersioned(api.PUT('/certifications/{id}/view-access', {
        params: { path: { id: c.id } }, headers: { 'If-Match': certification.etag }, body: { groupIds: chosen },
      })),
    onSuccess: (next) => {
      onWritten(next);
      setOpen(false);
    },
  });
  const count = c.viewAccess.groupIds.length;
  if (!open) {
    return (
      <div className="row">
        <span>{count === 0 ? 'No group may self-enroll; learners get it by assignment.' : `${count} group${count === 1 ? '' : 's'} may self-enroll.`}</span>
        <button type="button" className="secondary" onClick={() => { setChosen(c.viewAccess.groupIds); setOpen(true); }}>Change view access</button>
      </div>
    );
  }
  return (
    <div className="stack">
      <p className="hint" id={`${id}-hint`}>Learners in any of these groups can discover it and enroll themselves. Assigned learners need no view access.</p>
      {groups.isPending && <p className="muted">Loading groups…</p>}
      {groups.isError && <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />}
      <CheckboxGroup legend="View access" items={groups.data?.items ?? []} chosen={chosen} onChange={setChosen} error={save.error} field="groupIds"
        label="The groups" empty={groups.isSuccess ? 'There are no groups yet; create them under People.' : undefined} />
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="row">
        <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>{save.isPending ? 'Saving…' : 'Save view access'}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </div>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mustVersioned, type Versioned } from '../../api/client';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { AssignPanel } from './AssignPanel';
import type { Certification } from './certificationDraft';
import { certificationStatusText } from './criterionKinds';

/** What can be done with a saved certification: publish, view access, archive, and its other pages. */
export function CertificationActions({ certification, dirty }: { certification: Versioned<Certification>; dirty: boolean }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const c = certification.data;
  const path = { params: { path: { id: c.id } }, headers: { 'If-Match': certification.etag } };
  const written = (next: Versioned<Certification>) => {
    client.setQueryData(keys.certification(c.id), next);
    void client.invalidateQueries({ queryKey: keys.certifications });
  };
  const publish = useMutation({ mutationFn: () => mustVersioned(api.POST('/certifications/{id}/publish', path)), onSuccess: written });
  const archive = useMutation({ mutationFn: () => mustVersioned(api.POST('/certifications/{id}/archive', path)), onSuccess: written });
  const [confirming, setConfirming] = useState(false);
  const [params, setParams] = useSearchParams();
  const assigning = params.get('assign') === '1' && c.status === 'Published';
  const setAssigning = (on: boolean) => setParams(on ? { assign: '1' } : {}, { replace: true });

  return (
    <section className="card stack" aria-label={t('actions.label')}>
      <p>
        {t('actions.status')} <strong>{certificationStatusText(c.status, t)}</strong>
        {c.publishedAt && <> · {t('catalog.published', { date: formatDate(c.publishedAt) })}</>}
        {c.archivedAt && <> · {t('actions.archivedOn', { date: formatDate(c.archivedAt) })}</>}
      </p>
      <div className="row">
        <Link to={`/admin/certifications/${c.id}/design`}>{t('designer.title')}</Link>
        {c.status !== 'Draft' && <Link to={`/admin/certifications/${c.id}/records`}>{t('records.heading')}</Link>}
      </div>
      {c.status === 'Draft' && (
        <div className="stack">
          {c.criteria.length === 0 && <p className="hint">{t('actions.needsCriterion')}</p>}
          {dirty && <p className="hint">{t('actions.saveFirst')}</p>}
          <div className="row">
            <button type="button" disabled={publish.isPending || dirty} onClick={() => publish.mutate()}>
              {publish.isPending ? t('actions.publishing') : t('actions.publish')}
            </button>
          </div>
          {publish.isError && <ErrorNotice error={publish.error} />}
        </div>
      )}
      {c.status === 'Published' && !assigning && (
        <div className="row">
          <button type="button" onClick={() => setAssigning(true)}>
            {t('actions.assign')}
          </button>
        </div>
      )}
      {assigning && <AssignPanel certification={c} onClose={() => setAssigning(false)} />}
      {c.status !== 'Archived' && <ViewAccess certification={certification} onWritten={written} />}
      {c.status !== 'Archived' && !confirming && (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('actions.archiveMore')}
          </button>
        </div>
      )}
      {confirming && c.status !== 'Archived' && (
        <div className="alert alert-warning stack" role="alertdialog" aria-label={t('actions.archiveQuestion', { title: c.title })}>
          <p>
            <strong>{t('actions.archiveQuestion', { title: c.title })}</strong> {t('actions.archiveWhat')}
          </p>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={archive.isPending}
              onClick={() => archive.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {archive.isPending ? t('actions.archiving') : t('actions.archive')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('actions.keep')}
            </button>
          </div>
          {archive.isError && <ErrorNotice error={archive.error} />}
        </div>
      )}
    </section>
  );
}

/** The groups whose learners may discover and self-enroll; read only when the admin opens it, so the page's first render stays at two calls. */
function ViewAccess({
  certification,
  onWritten,
}: {
  certification: Versioned<Certification>;
  onWritten: (next: Versioned<Certification>) => void;
}) {
  const t = useTranslate();
  const { api } = useServices();
  const id = useId();
  const c = certification.data;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>(c.viewAccess.groupIds);
  const groups = useQuery({ ...queries.groups(api), enabled: open });
  const save = useMutation({
    mutationFn: () =>
      mustVersioned(
        api.PUT('/certifications/{id}/view-access', {
          params: { path: { id: c.id } },
          headers: { 'If-Match': certification.etag },
          body: { groupIds: chosen },
        }),
      ),
    onSuccess: (next) => {
      onWritten(next);
      setOpen(false);
    },
  });
  const count = c.viewAccess.groupIds.length;
  if (!open) {
    return (
      <div className="row">
        <span>{count === 0 ? t('access.none') : t('access.groups', { count })}</span>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setChosen(c.viewAccess.groupIds);
            setOpen(true);
          }}
        >
          {t('access.change')}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <p className="hint" id={`${id}-hint`}>
        {t('access.hint')}
      </p>
      {groups.isPending && <p className="muted">{t('app.loading')}</p>}
      {groups.isError && <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />}
      <CheckboxGroup
        legend={t('access.legend')}
        items={groups.data?.items ?? []}
        chosen={chosen}
        onChange={setChosen}
        error={save.error}
        field="groupIds"
        label={t('groups.field')}
        empty={groups.isSuccess ? t('access.noGroups') : undefined}
      />
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="row">
        <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>
          {save.isPending ? t('common.saving') : t('access.save')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

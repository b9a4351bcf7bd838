import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { mustVersioned, type Versioned } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';
import { CertificationActions } from './CertificationActions';
import { draftOf, emptyDraft, inputOf, sameDraft, type Certification, type CertificationDraft } from './certificationDraft';
import { CriteriaEditor } from './CriteriaEditor';
import { kindName } from './criterionKinds';
import { useUnsavedGuard } from './useUnsavedGuard';

/** Creates a certification or edits one: its details and criteria, then publishing, view access and archiving. */
export function CertificationEditor() {
  const t = useTranslate();
  const { id } = useParams();
  const { api } = useServices();
  const loaded = useQuery({ ...queries.certification(api, id ?? ''), enabled: Boolean(id) });
  usePageTitle(id ? (loaded.data?.data.title ?? t('common.certification')) : t('catalog.new'));
  if (!id) return <Editor key="new" />;
  if (loaded.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (loaded.isError) return <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />;
  return <Editor key={id} saved={loaded.data} />;
}

function Editor({ saved }: { saved?: Versioned<Certification> }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const navigate = useNavigate();
  const id = useId();
  const [baseline, setBaseline] = useState<CertificationDraft>(() => (saved ? draftOf(saved.data) : emptyDraft));
  const [draft, setDraft] = useState<CertificationDraft>(baseline);
  const [etag, setEtag] = useState(saved?.etag ?? '');
  const [newer, setNewer] = useState<Versioned<Certification> | null>(null);
  const dirty = !sameDraft(draft, baseline);
  useUnsavedGuard(dirty);
  // Moving to the new draft's address waits for the render in which nothing is unsaved any more, or the guard would ask.
  const [created, setCreated] = useState<string | null>(null);
  useEffect(() => {
    if (created && !dirty) void navigate(`/admin/certifications/${created}`, { replace: true });
  }, [created, dirty, navigate]);

  // Only this page's own writes (publish, view access) change the cached version: take its ETag, and its fields unless some
  // are being typed. Done while rendering, on the render that first sees the new version.
  const [seen, setSeen] = useState(saved?.etag ?? '');
  if (saved && saved.etag !== seen) {
    setSeen(saved.etag);
    if (saved.etag !== etag) {
      setEtag(saved.etag);
      if (!dirty) {
        setBaseline(draftOf(saved.data));
        setDraft(draftOf(saved.data));
      }
    }
  }

  const save = useMutation({
    mutationFn: async (ifMatch: string) =>
      saved
        ? mustVersioned(
            api.PUT('/certifications/{id}', {
              params: { path: { id: saved.data.id } },
              body: inputOf(draft),
              headers: { 'If-Match': ifMatch },
            }),
          )
        : mustVersioned(api.POST('/certifications', { body: inputOf(draft) })),
    onSuccess: (written) => {
      setNewer(null);
      setBaseline(draftOf(written.data));
      setDraft(draftOf(written.data));
      setEtag(written.etag);
      client.setQueryData(keys.certification(written.data.id), written);
      void client.invalidateQueries({ queryKey: keys.certifications });
      if (!saved) setCreated(written.data.id);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 412 && saved) {
        setNewer(await mustVersioned(api.GET('/certifications/{id}', { params: { path: { id: saved.data.id } } })));
      }
    },
  });
  const set = (change: Partial<CertificationDraft>) => setDraft({ ...draft, ...change });
  const stale = save.error instanceof ApiProblem && save.error.status === 412;
  const fieldProblems = save.error instanceof ApiProblem && save.error.problem.errors;

  return (
    <>
      <p>
        <Link to="/admin/catalog">{t('editor.backToCatalog')}</Link>
      </p>
      <h1>{saved ? saved.data.title : t('catalog.new')}</h1>
      {saved && <CertificationActions certification={saved} dirty={dirty} />}
      <form
        className="stack"
        aria-label={t('common.certification')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!save.isPending) save.mutate(etag);
        }}
      >
        <section className="card stack" aria-labelledby={`${id}-details`}>
          <h2 id={`${id}-details`}>{t('editor.details')}</h2>
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('editor.title')}</label>
            <input
              id={`${id}-title`}
              value={draft.title}
              maxLength={200}
              aria-describedby={`${id}-title-error`}
              onChange={(e) => set({ title: e.target.value })}
            />
            <FieldError error={save.error} field="title" label={t('editor.field.title')} id={`${id}-title-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-description`}>{t('editor.description')}</label>
            <textarea
              id={`${id}-description`}
              value={draft.description}
              rows={3}
              aria-describedby={`${id}-description-error`}
              onChange={(e) => set({ description: e.target.value })}
            />
            <FieldError error={save.error} field="description" label={t('editor.field.description')} id={`${id}-description-error`} />
          </div>
          <label className="check">
            <input type="checkbox" checked={draft.requireApproval} onChange={(e) => set({ requireApproval: e.target.checked })} />
            {t('editor.requireApproval')}
          </label>
          <div className="field">
            <label htmlFor={`${id}-validity`}>{t('editor.validity')}</label>
            <input
              id={`${id}-validity`}
              type="number"
              min={1}
              inputMode="numeric"
              value={draft.validityMonths}
              aria-describedby={`${id}-validity-hint ${id}-validity-error`}
              onChange={(e) => set({ validityMonths: e.target.value })}
            />
            <p className="hint" id={`${id}-validity-hint`}>
              {t('editor.validityHint')}
            </p>
            <FieldError error={save.error} field="validityMonths" label={t('editor.field.validity')} id={`${id}-validity-error`} />
          </div>
        </section>
        <CriteriaEditor criteria={draft.criteria} onChange={(criteria) => set({ criteria })} error={save.error} />
        {stale && newer && (
          <Stale
            newer={newer.data}
            onKeepMine={() => save.mutate(newer.etag)}
            onTakeTheirs={() => {
              client.setQueryData(keys.certification(newer.data.id), newer);
              setBaseline(draftOf(newer.data));
              setDraft(draftOf(newer.data));
              setEtag(newer.etag);
              setNewer(null);
              save.reset();
            }}
          />
        )}
        {save.isError && !stale && !fieldProblems && <ErrorNotice error={save.error} />}
        {fieldProblems && (
          <p className="alert alert-danger" role="alert">
            {t('editor.nothingSaved')}
          </p>
        )}
        {save.isSuccess && !dirty && (
          <p className="alert alert-success" role="status">
            {t('editor.saved')}
          </p>
        )}
        <div className="row">
          <button type="submit" disabled={save.isPending || (!dirty && Boolean(saved))}>
            {save.isPending ? t('common.saving') : saved ? t('editor.save') : t('editor.create')}
          </button>
          {dirty && saved && (
            <button type="button" className="secondary" onClick={() => setDraft(baseline)}>
              {t('designer.discard')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

/** Someone saved first: their version beside the edits, which stay in the form until the admin chooses. */
function Stale({ newer, onKeepMine, onTakeTheirs }: { newer: Certification; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const t = useTranslate();
  return (
    <section className="alert alert-warning stack" role="alert" aria-label={t('stale.label')}>
      <p>
        <strong>{t('stale.heading')}</strong> {t('stale.yoursKept')}
      </p>
      <div>
        <p>{t('stale.theirs')}</p>
        <dl className="facts">
          <dt>{t('editor.title')}</dt>
          <dd>{newer.title}</dd>
          <dt>{t('editor.description')}</dt>
          <dd>{newer.description || '—'}</dd>
          <dt>{t('enrollment.criteria')}</dt>
          <dd>
            <ol>
              {newer.criteria.map((k) => (
                <li key={k.id}>
                  {k.title} ({kindName(k.kind, t)})
                </li>
              ))}
            </ol>
          </dd>
        </dl>
      </div>
      <div className="row">
        <button type="button" onClick={onKeepMine}>
          {t('stale.keepMine')}
        </button>
        <button type="button" className="secondary" onClick={onTakeTheirs}>
          {t('stale.takeTheirs')}
        </button>
      </div>
    </section>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { must, mustVersioned, type Api, type Schemas, type Versioned } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';
import { certificationQuery } from './CertificationEditor';
import type { Certification } from './certificationDraft';
import { placeholderHelp, placeholders, unknownPlaceholders } from './placeholders';
import { useUnsavedGuard } from './useUnsavedGuard';

const PdfCanvas = lazy(() => import('./PdfCanvas'));

type Design = Schemas['CertificateDesignInput'] & { heading: string; body: string; primaryColor: string; accentColor: string; orientation: string };

const maxLogoBytes = 1024 * 1024;
const logoTypes = ['image/png', 'image/jpeg'];

function designOf(c: Certification): Design {
  const d = c.certificateDesign;
  return { ...d, orientation: d.orientation.toLowerCase() };
}

/** The certificate's heading, wording, colours, logo, signatory and orientation, with the real PDF drawn as it is edited. */
export function CertificateDesigner() {
  const { id = '' } = useParams();
  const { api } = useServices();
  const loaded = useQuery(certificationQuery(api, id));
  usePageTitle(loaded.data ? `Certificate design of ${loaded.data.data.title}` : 'Certificate design');
  if (loaded.isPending) return <p className="muted">Loading…</p>;
  if (loaded.isError) return <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />;
  return <Designer saved={loaded.data} />;
}

function Designer({ saved }: { saved: Versioned<Certification> }) {
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const c = saved.data;
  const [baseline, setBaseline] = useState(() => designOf(c));
  const [design, setDesign] = useState(baseline);
  const [etag, setEtag] = useState(saved.etag);
  const [logoProblem, setLogoProblem] = useState('');
  const body = useRef<HTMLTextAreaElement>(null);
  const dirty = JSON.stringify(design) !== JSON.stringify(baseline);
  useUnsavedGuard(dirty);
  const set = (change: Partial<Design>) => setDesign({ ...design, ...change });

  const preview = usePreview(api, c.id, design);
  const save = useMutation({
    mutationFn: (ifMatch: string) =>
      mustVersioned(api.PUT('/certifications/{id}/certificate-design', { params: { path: { id: c.id } }, headers: { 'If-Match': ifMatch }, body: design })),
    onSuccess: (written) => {
      client.setQueryData(['certification', c.id], written);
      const next = designOf(written.data);
      setBaseline(next);
      setDesign(next);
      setEtag(written.etag);
    },
  });
  const stale = save.error instanceof ApiProblem && save.error.status === 412;
  // While typing, the page flags what the API would refuse; the API's own answer (from the preview or a save) shows under the field too.
  const problems = save.error ?? preview.error;

  const insert = (name: string) => {
    const field = body.current;
    const token = `{{${name}}}`;
    const at = field?.selectionStart ?? design.body.length;
    const end = field?.selectionEnd ?? at;
    set({ body: design.body.slice(0, at) + token + design.body.slice(end) });
    requestAnimationFrame(() => {
      field?.focus();
      field?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (!logoTypes.includes(file.type)) {
      setLogoProblem(`“${file.name}” is not a PNG or JPEG image.`);
      return;
    }
    if (file.size > maxLogoBytes) {
      setLogoProblem(`“${file.name}” is larger than 1 MB.`);
      return;
    }
    setLogoProblem('');
    const reader = new FileReader();
    reader.onload = () => set({ logo: String(reader.result) });
    reader.readAsDataURL(file);
  };

  const unknownInHeading = unknownPlaceholders(design.heading);
  const unknownInBody = unknownPlaceholders(design.body);
  const logoShown = design.logo?.startsWith('data:') ? design.logo : null;

  return (
    <>
      <p><Link to={`/admin/certifications/${c.id}`}>← {c.title}</Link></p>
      <h1>Certificate design</h1>
      <div className="designer">
        <form className="card stack" aria-label="Certificate design" noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!save.isPending) save.mutate(etag);
          }}>
          <div className="field">
            <label htmlFor={`${id}-heading`}>Heading</label>
            <input id={`${id}-heading`} value={design.heading} maxLength={120} aria-describedby={`${id}-heading-unknown ${id}-heading-error`}
              onChange={(e) => set({ heading: e.target.value })} />
            <Unknown names={unknownInHeading} id={`${id}-heading-unknown`} />
            <FieldError error={problems} field="heading" label="The heading" id={`${id}-heading-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>Body</label>
            <div className="choices" role="group" aria-label="Insert a placeholder">
              {placeholders.map((name) => (
                <button key={name} type="button" className="secondary small" title={placeholderHelp[name]} onClick={() => insert(name)}>
                  {`{{${name}}}`}
                </button>
              ))}
            </div>
            <textarea id={`${id}-body`} ref={body} rows={5} maxLength={1000} value={design.body}
              aria-describedby={`${id}-body-unknown ${id}-body-error`} onChange={(e) => set({ body: e.target.value })} />
            <Unknown names={unknownInBody} id={`${id}-body-unknown`} />
            <FieldError error={problems} field="body" label="The body" id={`${id}-body-error`} />
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-primary`}>Main colour</label>
              <input id={`${id}-primary`} type="color" value={design.primaryColor} onChange={(e) => set({ primaryColor: e.target.value.toUpperCase() })} />
              <FieldError error={problems} field="primaryColor" label="The main colour" id={`${id}-primary-error`} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-accent`}>Accent colour</label>
              <input id={`${id}-accent`} type="color" value={design.accentColor} onChange={(e) => set({ accentColor: e.target.value.toUpperCase() })} />
              <FieldError error={problems} field="accentColor" label="The accent colour" id={`${id}-accent-error`} />
            </div>
            <fieldset>
              <legend>Orientation</legend>
              <div className="row">
                {['landscape', 'portrait'].map((o) => (
                  <label key={o} className="check">
                    <input type="radio" name={`${id}-orientation`} value={o} checked={design.orientation === o} onChange={() => set({ orientation: o })} />
                    {o === 'landscape' ? 'Landscape' : 'Portrait'}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          <div className="field">
            <label htmlFor={`${id}-logo`}>Logo</label>
            <p className="hint" id={`${id}-logo-hint`}>A PNG or JPEG image of at most 1 MB.</p>
            <input id={`${id}-logo`} type="file" accept="image/png,image/jpeg" aria-describedby={`${id}-logo-hint ${id}-logo-error`}
              onChange={(e) => pickLogo(e.target.files?.[0])} />
            {logoProblem && <p className="field-error" role="alert">{logoProblem}</p>}
            <FieldError error={problems} field="logo" label="The logo" id={`${id}-logo-error`} />
            {logoShown && <img className="logo-preview" src={logoShown} alt="The new logo" />}
            {design.logo && !logoShown && <p className="muted">The current logo is kept.</p>}
            {design.logo && <button type="button" className="secondary small" onClick={() => set({ logo: null })}>Remove the logo</button>}
          </div>
          <div className="row">
            <div className="field grow">
              <label htmlFor={`${id}-signatory`}>Signatory name</label>
              <input id={`${id}-signatory`} value={design.signatoryName ?? ''} maxLength={100} onChange={(e) => set({ signatoryName: e.target.value || null })} />
              <FieldError error={problems} field="signatoryName" label="The signatory name" id={`${id}-signatory-error`} />
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-signatory-title`}>Signatory title</label>
              <input id={`${id}-signatory-title`} value={design.signatoryTitle ?? ''} maxLength={100}
                onChange={(e) => set({ signatoryTitle: e.target.value || null })} />
              <FieldError error={problems} field="signatoryTitle" label="The signatory title" id={`${id}-signatory-title-error`} />
            </div>
          </div>
          {stale && (
            <div className="alert alert-warning" role="alert">
              Someone else changed this certification since you opened it. Your design is still here.{' '}
              <button type="button" onClick={() => {
                void mustVersioned(api.GET('/certifications/{id}', { params: { path: { id: c.id } } })).then((fresh) => {
                  setEtag(fresh.etag);
                  save.mutate(fresh.etag);
                });
              }}>Save my design anyway</button>
            </div>
          )}
          {save.isError && !stale && !(save.error instanceof ApiProblem && save.error.problem.errors) && <ErrorNotice error={save.error} />}
          {save.isSuccess && !dirty && <p className="alert alert-success" role="status">Design saved.</p>}
          <div className="row">
            <button type="submit" disabled={save.isPending || !dirty}>{save.isPending ? 'Saving…' : 'Save design'}</button>
            {dirty && <button type="button" className="secondary" onClick={() => setDesign(baseline)}>Discard changes</button>}
          </div>
        </form>
        <section className="card stack" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>Preview</h2>
          <p className="hint">The real certificate with sample values, redrawn a moment after each change. {dirty ? 'Not saved yet.' : ''}</p>
          <p className="muted" role="status">{preview.pending ? 'Updating the preview…' : preview.pdf ? 'Preview up to date.' : ''}</p>
          {preview.error !== null && !(preview.error instanceof ApiProblem && preview.error.problem.errors) && <ErrorNotice error={preview.error} />}
          {preview.error instanceof ApiProblem && preview.error.problem.errors && (
            <p className="alert alert-danger" role="alert">This design cannot be drawn: see the marked fields.</p>
          )}
          {preview.pdf && (
            <Suspense fallback={<p className="muted">Loading the viewer…</p>}>
              <PdfCanvas pdf={preview.pdf} label={`Preview of the certificate of ${c.title}`} />
            </Suspense>
          )}
        </section>
      </div>
    </>
  );
}

function Unknown({ names, id }: { names: string[]; id: string }) {
  if (names.length === 0) return <span id={id} hidden />;
  const list = names.map((n) => `{{${n}}}`).join(', ');
  return <p className="field-error" id={id}>Unknown placeholder{names.length === 1 ? '' : 's'}: {list}. Use the buttons above.</p>;
}

/** The PDF of the design as it stands, fetched 600 ms after the last edit; a newer edit cancels the older request. */
function usePreview(api: Api, certificationId: string, design: Design) {
  const [state, setState] = useState<{ pdf: ArrayBuffer | null; error: unknown; pending: boolean }>({ pdf: null, error: null, pending: true });
  const body = JSON.stringify(design);
  useEffect(() => {
    const abort = new AbortController();
    setState((s) => ({ ...s, pending: true }));
    const timer = setTimeout(() => {
      must(api.POST('/certifications/{id}/certificate-design/preview', {
        params: { path: { id: certificationId } }, body: design, parseAs: 'arrayBuffer', signal: abort.signal,
      })).then(
        (pdf) => setState({ pdf: pdf as unknown as ArrayBuffer, error: null, pending: false }),
        (error: unknown) => {
          if (!abort.signal.aborted) setState((s) => ({ ...s, error, pending: false }));
        },
      );
    }, 600);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // The design's text is what matters; a new object with the same fields is not an edit.
  }, [api, certificationId, body]);
  return state;
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { must, mustVersioned, type Api, type Schemas, type Versioned } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import type { MessageKey } from '../../i18n/i18n';
import { endonym, shippedLanguages } from '../../i18n/languages';
import { useTranslate } from '../../i18n/useTranslate';
import { usePageTitle } from '../../ui/usePageTitle';
import type { Certification } from './certificationDraft';
import { placeholderHelp, placeholders, unknownPlaceholders } from './placeholders';
import { useUnsavedGuard } from './useUnsavedGuard';

const PdfCanvas = lazy(() => import('./PdfCanvas'));

type Design = Schemas['CertificateDesignInput'] & {
  heading: string;
  body: string;
  primaryColor: string;
  accentColor: string;
  orientation: string;
  language: string;
  direction: string;
};

const maxLogoBytes = 1024 * 1024;
const logoTypes = ['image/png', 'image/jpeg'];
const maxFontBytes = 2 * 1024 * 1024;

function designOf(c: Certification): Design {
  // rightToLeft is what the API works out from the language; it is not part of what is saved.
  const { rightToLeft: _, ...d } = c.certificateDesign;
  return { ...d, orientation: d.orientation.toLowerCase() };
}

/** The certificate's heading, wording, colours, logo, signatory and orientation, with the real PDF drawn as it is edited. */
export function CertificateDesigner() {
  const { id = '' } = useParams();
  const { api } = useServices();
  const loaded = useQuery(queries.certification(api, id));
  const t = useTranslate();
  usePageTitle(loaded.data ? t('designer.titleOf', { title: loaded.data.data.title }) : t('designer.title'));
  if (loaded.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (loaded.isError) return <ErrorNotice error={loaded.error} onRetry={() => void loaded.refetch()} />;
  return <Designer saved={loaded.data} />;
}

function Designer({ saved }: { saved: Versioned<Certification> }) {
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const t = useTranslate();
  const [showPdf, setShowPdf] = useState(false);
  const c = saved.data;
  const [baseline, setBaseline] = useState(() => designOf(c));
  const [design, setDesign] = useState(baseline);
  const [etag, setEtag] = useState(saved.etag);
  const [logoProblem, setLogoProblem] = useState('');
  const [fontProblem, setFontProblem] = useState('');
  const body = useRef<HTMLTextAreaElement>(null);
  const dirty = JSON.stringify(design) !== JSON.stringify(baseline);
  useUnsavedGuard(dirty);
  const set = (change: Partial<Design>) => setDesign({ ...design, ...change });

  const preview = usePreview(api, c.id, design, showPdf ? 'pdf' : 'png');
  const save = useMutation({
    mutationFn: (ifMatch: string) =>
      mustVersioned(
        api.PUT('/certifications/{id}/certificate-design', {
          params: { path: { id: c.id } },
          headers: { 'If-Match': ifMatch },
          body: design,
        }),
      ),
    onSuccess: (written) => {
      client.setQueryData(keys.certification(c.id), written);
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

  /** Checks a picked file by its kind and size, then reads it into the design as a data URL; or says why not. */
  const pick = (
    file: File | undefined,
    fits: (f: File) => boolean,
    maxBytes: number,
    messages: [MessageKey, MessageKey],
    setProblem: (problem: string) => void,
    accept: (dataUrl: string) => void,
  ) => {
    if (!file) return;
    const problem = !fits(file) ? messages[0] : file.size > maxBytes ? messages[1] : null;
    setProblem(problem ? t(problem, { name: file.name }) : '');
    if (problem) return;
    const reader = new FileReader();
    reader.onload = () => accept(String(reader.result));
    reader.readAsDataURL(file);
  };
  const pickLogo = (file: File | undefined) =>
    pick(
      file,
      (f) => logoTypes.includes(f.type),
      maxLogoBytes,
      ['designer.logoNotImage', 'designer.logoTooLarge'],
      setLogoProblem,
      (logo) => set({ logo }),
    );
  const pickFont = (file: File | undefined) =>
    pick(
      file,
      (f) => /\.(ttf|otf)$/i.test(f.name),
      maxFontBytes,
      ['designer.fontNotFont', 'designer.fontTooLarge'],
      setFontProblem,
      (headingFont) => set({ headingFont }),
    );

  const unknownInHeading = unknownPlaceholders(design.heading);
  const unknownInBody = unknownPlaceholders(design.body);
  const logoShown = design.logo?.startsWith('data:') ? design.logo : null;

  return (
    <>
      <p>
        <Link to={`/admin/certifications/${c.id}`}>← {c.title}</Link>
      </p>
      <h1>{t('designer.title')}</h1>
      <div className="designer">
        <form
          className="card stack"
          aria-label={t('designer.title')}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!save.isPending) save.mutate(etag);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-heading`}>{t('designer.heading')}</label>
            <input
              id={`${id}-heading`}
              value={design.heading}
              maxLength={120}
              aria-describedby={`${id}-heading-unknown ${id}-heading-error`}
              onChange={(e) => set({ heading: e.target.value })}
            />
            <Unknown names={unknownInHeading} id={`${id}-heading-unknown`} />
            <FieldError error={problems} field="heading" label={t('designer.field.heading')} id={`${id}-heading-error`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-body`}>{t('designer.body')}</label>
            <div className="choices" role="group" aria-label={t('designer.insertPlaceholder')}>
              {placeholders.map((name) => (
                <button key={name} type="button" className="secondary small" title={placeholderHelp(name, t)} onClick={() => insert(name)}>
                  {`{{${name}}}`}
                </button>
              ))}
            </div>
            <textarea
              id={`${id}-body`}
              ref={body}
              rows={5}
              maxLength={1000}
              value={design.body}
              aria-describedby={`${id}-body-unknown ${id}-body-error`}
              onChange={(e) => set({ body: e.target.value })}
            />
            <Unknown names={unknownInBody} id={`${id}-body-unknown`} />
            <FieldError error={problems} field="body" label={t('designer.field.body')} id={`${id}-body-error`} />
          </div>
          <div className="row">
            <div className="field">
              <label htmlFor={`${id}-primary`}>{t('designer.mainColour')}</label>
              <input
                id={`${id}-primary`}
                type="color"
                value={design.primaryColor}
                onChange={(e) => set({ primaryColor: e.target.value.toUpperCase() })}
              />
              <FieldError error={problems} field="primaryColor" label={t('designer.field.primaryColor')} id={`${id}-primary-error`} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-accent`}>{t('designer.accentColour')}</label>
              <input
                id={`${id}-accent`}
                type="color"
                value={design.accentColor}
                onChange={(e) => set({ accentColor: e.target.value.toUpperCase() })}
              />
              <FieldError error={problems} field="accentColor" label={t('designer.field.accentColor')} id={`${id}-accent-error`} />
            </div>
            <fieldset>
              <legend>{t('designer.orientation')}</legend>
              <div className="row">
                {['landscape', 'portrait'].map((o) => (
                  <label key={o} className="check">
                    <input
                      type="radio"
                      name={`${id}-orientation`}
                      value={o}
                      checked={design.orientation === o}
                      onChange={() => set({ orientation: o })}
                    />
                    {o === 'landscape' ? t('designer.landscape') : t('designer.portrait')}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          <div className="row">
            <div className="field grow">
              <label htmlFor={`${id}-language`}>{t('designer.language')}</label>
              <select
                id={`${id}-language`}
                value={design.language}
                aria-describedby={`${id}-language-hint ${id}-language-error`}
                onChange={(e) => set({ language: e.target.value })}
              >
                {[...new Set([...shippedLanguages, design.language])].map((language) => (
                  <option key={language} value={language} lang={language}>
                    {endonym(language)}
                  </option>
                ))}
              </select>
              <p className="hint" id={`${id}-language-hint`}>
                {t('designer.languageHint')}
              </p>
              <FieldError error={problems} field="language" label={t('designer.field.language')} id={`${id}-language-error`} />
            </div>
            <fieldset>
              <legend>{t('designer.direction')}</legend>
              <div className="row">
                {(['auto', 'ltr', 'rtl'] as const).map((d) => (
                  <label key={d} className="check">
                    <input
                      type="radio"
                      name={`${id}-direction`}
                      value={d}
                      checked={design.direction === d}
                      onChange={() => set({ direction: d })}
                    />
                    {t(d === 'auto' ? 'designer.directionAuto' : d === 'ltr' ? 'designer.directionLtr' : 'designer.directionRtl')}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          <FileField
            id={`${id}-logo`}
            field="logo"
            label={t('designer.logo')}
            hint={t('designer.logoHint')}
            accept="image/png,image/jpeg"
            errorLabel={t('designer.field.logo')}
            problem={logoProblem}
            problems={problems}
            onPick={pickLogo}
            value={design.logo}
            kept={t('designer.logoKept')}
            remove={t('designer.removeLogo')}
            onRemove={() => set({ logo: null })}
          >
            {logoShown && <img className="logo-preview" src={logoShown} alt={t('designer.newLogo')} />}
          </FileField>
          <FileField
            id={`${id}-font`}
            field="headingFont"
            label={t('designer.headingFont')}
            hint={t('designer.headingFontHint')}
            accept=".ttf,.otf,font/ttf,font/otf"
            errorLabel={t('designer.field.headingFont')}
            problem={fontProblem}
            problems={problems}
            onPick={pickFont}
            value={design.headingFont}
            kept={t('designer.fontKept')}
            remove={t('designer.removeFont')}
            onRemove={() => set({ headingFont: null })}
          />
          <div className="row">
            <div className="field grow">
              <label htmlFor={`${id}-signatory`}>{t('designer.signatoryName')}</label>
              <input
                id={`${id}-signatory`}
                value={design.signatoryName ?? ''}
                maxLength={100}
                onChange={(e) => set({ signatoryName: e.target.value || null })}
              />
              <FieldError error={problems} field="signatoryName" label={t('designer.field.signatoryName')} id={`${id}-signatory-error`} />
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-signatory-title`}>{t('designer.signatoryTitle')}</label>
              <input
                id={`${id}-signatory-title`}
                value={design.signatoryTitle ?? ''}
                maxLength={100}
                onChange={(e) => set({ signatoryTitle: e.target.value || null })}
              />
              <FieldError
                error={problems}
                field="signatoryTitle"
                label={t('designer.field.signatoryTitle')}
                id={`${id}-signatory-title-error`}
              />
            </div>
          </div>
          {stale && (
            <div className="alert alert-warning" role="alert">
              {t('designer.stale')}{' '}
              <button
                type="button"
                onClick={() => {
                  void mustVersioned(api.GET('/certifications/{id}', { params: { path: { id: c.id } } })).then((fresh) => {
                    setEtag(fresh.etag);
                    save.mutate(fresh.etag);
                  });
                }}
              >
                {t('designer.saveAnyway')}
              </button>
            </div>
          )}
          {save.isError && !stale && !(save.error instanceof ApiProblem && save.error.problem.errors) && <ErrorNotice error={save.error} />}
          {save.isSuccess && !dirty && (
            <p className="alert alert-success" role="status">
              {t('designer.saved')}
            </p>
          )}
          <div className="row">
            <button type="submit" disabled={save.isPending || !dirty}>
              {save.isPending ? t('designer.saving') : t('designer.save')}
            </button>
            {dirty && (
              <button type="button" className="secondary" onClick={() => setDesign(baseline)}>
                {t('designer.discard')}
              </button>
            )}
          </div>
        </form>
        <section className="card stack" aria-labelledby={`${id}-preview`}>
          <h2 id={`${id}-preview`}>{t('designer.preview')}</h2>
          <p className="hint">
            {t('designer.previewHint')} {dirty ? t('designer.notSaved') : ''}
          </p>
          <p className="muted" role="status">
            {preview.pending ? t('designer.updating') : preview.file ? t('designer.upToDate') : ''}
          </p>
          <button type="button" className="secondary small" aria-pressed={showPdf} onClick={() => setShowPdf(!showPdf)}>
            {showPdf ? t('designer.viewPicture') : t('designer.viewPdf')}
          </button>
          {preview.error !== null && !(preview.error instanceof ApiProblem && preview.error.problem.errors) && (
            <ErrorNotice error={preview.error} />
          )}
          {preview.error instanceof ApiProblem && preview.error.problem.errors && (
            <p className="alert alert-danger" role="alert">
              {t('designer.cannotDraw')}
            </p>
          )}
          {preview.file && preview.format === 'png' && <Picture png={preview.file} alt={t('designer.pictureAlt', { title: c.title })} />}
          {preview.file && preview.format === 'pdf' && (
            <Suspense fallback={<p className="muted">{t('designer.loadingViewer')}</p>}>
              <PdfCanvas pdf={preview.file} label={t('designer.pdfLabel', { title: c.title })} />
            </Suspense>
          )}
        </section>
      </div>
    </>
  );
}

/** A file the design carries (the logo, the heading font): picked, checked, kept while it is the stored one, or removed. */
function FileField(props: {
  id: string;
  field: string;
  label: string;
  hint: string;
  accept: string;
  errorLabel: string;
  problem: string;
  problems: unknown;
  onPick: (file: File | undefined) => void;
  value: string | null | undefined;
  kept: string;
  remove: string;
  onRemove: () => void;
  children?: React.ReactNode;
}) {
  const { id, value } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <p className="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <input
        id={id}
        type="file"
        accept={props.accept}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(e) => props.onPick(e.target.files?.[0])}
      />
      {props.problem && (
        <p className="field-error" role="alert">
          {props.problem}
        </p>
      )}
      <FieldError error={props.problems} field={props.field} label={props.errorLabel} id={`${id}-error`} />
      {props.children}
      {value && !value.startsWith('data:') && <p className="muted">{props.kept}</p>}
      {value && (
        <button type="button" className="secondary small" onClick={props.onRemove}>
          {props.remove}
        </button>
      )}
    </div>
  );
}

function Unknown({ names, id }: { names: string[]; id: string }) {
  const t = useTranslate();
  if (names.length === 0) return <span id={id} hidden />;
  const list = names.map((n) => `{{${n}}}`).join(', ');
  return (
    <p className="field-error" id={id}>
      {t('designer.unknownPlaceholders', { count: names.length, list })}
    </p>
  );
}

/** The certificate's picture, as the renderer drew it beside the PDF. */
function Picture({ png, alt }: { png: ArrayBuffer; alt: string }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([png], { type: 'image/png' })), [png]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="certificate-picture" src={url} alt={alt} />;
}

/**
 * The picture (or, when asked, the PDF) of the design as it stands, fetched 600 ms after the last edit; a newer edit cancels
 * the older request. Both come from the same drawing on the server.
 */
function usePreview(api: Api, certificationId: string, design: Design, format: 'png' | 'pdf') {
  // The design's text is what matters; a new object with the same fields is not an edit.
  const body = JSON.stringify(design);
  const wanted = `${format} ${body}`;
  const [state, setState] = useState<{ file: ArrayBuffer | null; format: 'png' | 'pdf'; error: unknown; drawn: string }>({
    file: null,
    format,
    error: null,
    drawn: '',
  });
  useEffect(() => {
    const abort = new AbortController();
    const timer = setTimeout(() => {
      must(
        api.POST('/certifications/{id}/certificate-design/preview', {
          params: { path: { id: certificationId }, query: { format } },
          body: JSON.parse(body) as Design,
          parseAs: 'arrayBuffer',
          signal: abort.signal,
        }),
      ).then(
        (file) => setState({ file: file as unknown as ArrayBuffer, format, error: null, drawn: `${format} ${body}` }),
        (error: unknown) => {
          if (!abort.signal.aborted) setState((s) => ({ ...s, error, drawn: `${format} ${body}` }));
        },
      );
    }, 600);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, certificationId, body, format]);
  // Pending until what was last drawn is the design as it stands now.
  return { ...state, pending: state.drawn !== wanted };
}

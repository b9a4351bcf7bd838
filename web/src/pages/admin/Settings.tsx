import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { mustVersioned, type Schemas, type Versioned } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useMe, useServices } from '../../app/context';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { formatDateTime } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';
import { endonym, shippedLanguages } from '../../i18n/languages';
import { useTranslate } from '../../i18n/useTranslate';

type Settings = Schemas['OrganizationSettingsResponse'];
type SettingsInput = Schemas['OrganizationSettingsInput'];

/** A Standard Webhooks secret from the browser's cryptographic random source: "whsec_" and base64 of 32 bytes. */
function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/** The organization's settings: the add-on, its name and colours, the Entra tenant, and the LMS connection. */
export function OrganizationSettings() {
  usePageTitle('Organization settings');
  const { api } = useServices();
  const settings = useQuery({
    queryKey: ['org-settings'],
    queryFn: () => mustVersioned(api.GET('/org/settings')),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  if (settings.isPending) return <p className="muted">Loading…</p>;
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <>
      <h1>Organization settings</h1>
      <AddOnSwitch settings={settings.data} />
      <General settings={settings.data} />
      <LmsConnection settings={settings.data} />
    </>
  );
}

/** One write of some settings with the version they were read at (or a newer one given); what comes back becomes the page's version. */
function useSettingsWrite(settings: Versioned<Settings>) {
  const { api } = useServices();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, ifMatch }: { body: SettingsInput; ifMatch?: string }) =>
      mustVersioned(api.PUT('/org/settings', { body, headers: { 'If-Match': ifMatch ?? settings.etag } })),
    onSuccess: (next) => {
      client.setQueryData(['org-settings'], next);
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

function AddOnSwitch({ settings }: { settings: Versioned<Settings> }) {
  const on = settings.data.addOns.certifications;
  const write = useSettingsWrite(settings);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card stack" aria-labelledby="add-on-title">
      <h2 id="add-on-title">Certifications add-on</h2>
      <p>The add-on is <strong>{on ? 'on' : 'off'}</strong>.</p>
      {on && !confirming && <div className="row"><button type="button" className="secondary danger" onClick={() => setConfirming(true)}>Switch off…</button></div>}
      {on && confirming && (
        <div className="alert alert-warning stack" role="alertdialog" aria-label="Switch Certifications off?">
          <p><strong>Switch Certifications off for everyone in {settings.data.name}?</strong></p>
          <ul className="plain">
            <li>Learners, coaches and admins see a page saying it is off; certifications, reviews, live sessions and reports cannot be opened.</li>
            <li>LMS deliveries are refused, so the LMS keeps them and sends them again later.</li>
            <li>Nothing is deleted: records, evidence and certificates are kept, and certificates can still be verified.</li>
            <li>These settings stay open to super admins, to switch it on again.</li>
          </ul>
          <div className="row">
            <button type="button" className="danger" disabled={write.isPending}
              onClick={() => write.mutate({ body: { addOns: { certifications: false } } }, { onSuccess: () => setConfirming(false) })}>Switch off</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep it on</button>
          </div>
        </div>
      )}
      {!on && (
        <div className="row">
          <button type="button" disabled={write.isPending} onClick={() => write.mutate({ body: { addOns: { certifications: true } } })}>Switch on</button>
        </div>
      )}
      {write.isError && <ErrorNotice error={write.error} />}
    </section>
  );
}

function General({ settings }: { settings: Versioned<Settings> }) {
  const id = useId();
  const s = settings.data;
  const [name, setName] = useState(s.name);
  const [primary, setPrimary] = useState(s.branding.primaryColor);
  const [accent, setAccent] = useState(s.branding.accentColor);
  const [language, setLanguage] = useState(s.language);
  const t = useTranslate();
  const { api } = useServices();
  const write = useSettingsWrite(settings);
  const stale = write.error instanceof ApiProblem && write.error.status === 412;
  const [newer, setNewer] = useState<Versioned<Settings> | null>(null);
  const body = { name, branding: { primaryColor: primary, accentColor: accent }, language };
  useEffect(() => {
    if (stale) void mustVersioned(api.GET('/org/settings')).then(setNewer, () => setNewer(null));
  }, [stale, api]);
  return (
    <form className="card stack" aria-label="Organization" noValidate onSubmit={(event) => {
      event.preventDefault();
      if (!write.isPending) write.mutate({ body }, { onSuccess: () => setNewer(null) });
    }}>
      <h2>Organization</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} maxLength={200} aria-describedby={`${id}-name-error`} onChange={(e) => setName(e.target.value)} />
        <FieldError error={write.error} field="name" label="The name" id={`${id}-name-error`} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-primary`}>Main colour</label>
          <input id={`${id}-primary`} type="color" value={primary} onChange={(e) => setPrimary(e.target.value.toUpperCase())} />
          <FieldError error={write.error} field="branding.primaryColor" label="The main colour" id={`${id}-primary-error`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-accent`}>Accent colour</label>
          <input id={`${id}-accent`} type="color" value={accent} onChange={(e) => setAccent(e.target.value.toUpperCase())} />
          <FieldError error={write.error} field="branding.accentColor" label="The accent colour" id={`${id}-accent-error`} />
        </div>
      </div>
      <p className="hint">The colours are used on certificates of certifications without a design of their own.</p>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
        <select id={`${id}-language`} value={language} aria-describedby={`${id}-language-hint ${id}-language-error`}
          onChange={(e) => setLanguage(e.target.value)}>
          {[...new Set([...shippedLanguages, s.language])].map((l) => (
            <option key={l} value={l} lang={l}>{endonym(l)}</option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>{t('settings.languageHint')}</p>
        <FieldError error={write.error} field="language" label={t('designer.field.language')} id={`${id}-language-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tenant`}>Microsoft Entra tenant id</label>
        <input id={`${id}-tenant`} readOnly value={s.entraTenantId ?? ''} aria-describedby={`${id}-tenant-hint`} />
        <p className="hint" id={`${id}-tenant-hint`}>
          Only people signing in through this tenant are let in. A tenant belongs to one organization and is named by someone signed in
          from it, so moving to another one is done with us, not here.
        </p>
      </div>
      {stale && newer && (
        <div className="alert alert-warning stack" role="alert">
          <p><strong>Someone else saved the settings while you were editing.</strong> What you typed is still in the form; nothing of yours was saved.</p>
          <dl className="facts">
            <dt>Their name</dt><dd>{newer.data.name}</dd>
            <dt>Their colours</dt><dd>{newer.data.branding.primaryColor}, {newer.data.branding.accentColor}</dd>
            <dt>Their tenant</dt><dd>{newer.data.entraTenantId || '—'}</dd>
          </dl>
          <div className="row">
            <button type="button" onClick={() => write.mutate({ body, ifMatch: newer.etag }, { onSuccess: () => setNewer(null) })}>Save mine over theirs</button>
          </div>
        </div>
      )}
      {write.isError && !stale && !(write.error instanceof ApiProblem && write.error.problem.errors) && <ErrorNotice error={write.error} />}
      {write.isSuccess && <p className="alert alert-success" role="status">Settings saved.</p>}
      <div className="row"><button type="submit" disabled={write.isPending}>{write.isPending ? 'Saving…' : 'Save settings'}</button></div>
    </form>
  );
}

/** The replaced secret's overlap, and a way to end it at once (a leaked secret must not keep working for a day). */
function PreviousSecret({ settings, until }: { settings: Versioned<Settings>; until: string }) {
  const write = useSettingsWrite(settings);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack">
      <p>The previous secret keeps working until {formatDateTime(until)}, so the LMS can move to the new one.</p>
      {!confirming ? (
        <div className="row"><button type="button" className="secondary danger" onClick={() => setConfirming(true)}>Revoke the previous secret now…</button></div>
      ) : (
        <div className="alert alert-warning stack" role="alertdialog" aria-label="Revoke the previous secret now?">
          <p><strong>Revoke the previous secret now?</strong> Deliveries signed with it are refused from now on; the LMS must use the new one.</p>
          <div className="row">
            <button type="button" className="danger" disabled={write.isPending}
              onClick={() => write.mutate({ body: { revokePreviousWebhookSecret: true } }, { onSuccess: () => setConfirming(false) })}>Revoke it</button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>Keep it until then</button>
          </div>
        </div>
      )}
      {write.isError && <ErrorNotice error={write.error} />}
    </div>
  );
}

function LmsConnection({ settings }: { settings: Versioned<Settings> }) {
  const { config } = useServices();
  const me = useMe();
  const write = useSettingsWrite(settings);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const base = new URL(config.apiBaseUrl, window.location.origin).toString().replace(/\/$/, '');
  const endpoint = `${base}/webhooks/lms/${me.organizationId}`;
  const copy = (what: string, text: string) =>
    void navigator.clipboard.writeText(text).then(() => setCopied(what), () => setCopied(''));
  return (
    <section className="card stack" aria-labelledby="lms-title">
      <h2 id="lms-title">LMS connection</h2>
      <p>Give your LMS this endpoint and a signing secret. It posts completions signed the Standard Webhooks way.</p>
      <div className="field">
        <label htmlFor="lms-endpoint">Endpoint URL</label>
        <div className="row">
          <input id="lms-endpoint" className="grow" readOnly value={endpoint} />
          <button type="button" className="secondary" onClick={() => copy('endpoint', endpoint)}>Copy the endpoint</button>
        </div>
      </div>
      <p>
        {settings.data.webhookSecretSet
          ? <>A signing secret is set{settings.data.webhookSecretHint && <>: <code>{settings.data.webhookSecretHint}</code></>}.</>
          : 'No signing secret yet: the LMS cannot deliver until one is set.'}
      </p>
      {settings.data.previousWebhookSecretWorksUntil && <PreviousSecret settings={settings} until={settings.data.previousWebhookSecretWorksUntil} />}
      {secret ? (
        <div className="alert alert-success stack" role="status">
          <p><strong>The new secret is shown only now.</strong> Copy it into your LMS; the previous one keeps working for 24 hours, unless you revoke it.</p>
          <div className="row">
            <input aria-label="New signing secret" className="grow" readOnly value={secret} />
            <button type="button" className="secondary" onClick={() => copy('secret', secret)}>Copy the secret</button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button type="button" disabled={write.isPending} onClick={() => {
            const fresh = newWebhookSecret();
            write.mutate({ body: { webhookSecret: fresh } }, { onSuccess: () => setSecret(fresh) });
          }}>{settings.data.webhookSecretSet ? 'Generate a new secret' : 'Generate a secret'}</button>
        </div>
      )}
      {copied && <p className="muted" role="status">The {copied} is copied.</p>}
      {write.isError && <ErrorNotice error={write.error} />}
      <p><Link to="/admin/settings/deliveries">Recent deliveries</Link></p>
    </section>
  );
}

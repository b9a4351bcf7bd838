import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { mustVersioned, type Schemas, type Versioned } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { useMe, useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
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
  const t = useTranslate();
  usePageTitle(t('settings.title'));
  const { api } = useServices();
  const settings = useQuery(queries.orgSettings(api));
  if (settings.isPending) return <p className="muted">{t('app.loading')}</p>;
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <>
      <h1>{t('settings.title')}</h1>
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
      client.setQueryData(keys.orgSettings, next);
      void client.invalidateQueries({ queryKey: keys.me });
    },
  });
}

function AddOnSwitch({ settings }: { settings: Versioned<Settings> }) {
  const t = useTranslate();
  const on = settings.data.addOns.certifications;
  const write = useSettingsWrite(settings);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card stack" aria-labelledby="add-on-title">
      <h2 id="add-on-title">{t('addOn.title')}</h2>
      <p>{on ? t('addOn.isOn') : t('addOn.isOff')}</p>
      {on && !confirming && (
        <div className="row">
          <button type="button" className="secondary danger" onClick={() => setConfirming(true)}>
            {t('addOn.switchOffMore')}
          </button>
        </div>
      )}
      {on && confirming && (
        <div
          className="alert alert-warning stack"
          role="alertdialog"
          aria-label={t('addOn.question', { organization: settings.data.name })}
        >
          <p>
            <strong>{t('addOn.question', { organization: settings.data.name })}</strong>
          </p>
          <ul className="plain">
            <li>{t('addOn.what1')}</li>
            <li>{t('addOn.what2')}</li>
            <li>{t('addOn.what3')}</li>
            <li>{t('addOn.what4')}</li>
          </ul>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={write.isPending}
              onClick={() => write.mutate({ body: { addOns: { certifications: false } } }, { onSuccess: () => setConfirming(false) })}
            >
              {t('addOn.switchOff')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('addOn.keepOn')}
            </button>
          </div>
        </div>
      )}
      {!on && (
        <div className="row">
          <button type="button" disabled={write.isPending} onClick={() => write.mutate({ body: { addOns: { certifications: true } } })}>
            {t('addOn.switchOn')}
          </button>
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
    <form
      className="card stack"
      aria-label={t('settings.organization')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!write.isPending) write.mutate({ body }, { onSuccess: () => setNewer(null) });
      }}
    >
      <h2>{t('settings.organization')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('user.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={200}
          aria-describedby={`${id}-name-error`}
          onChange={(e) => setName(e.target.value)}
        />
        <FieldError error={write.error} field="name" label={t('user.field.name')} id={`${id}-name-error`} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-primary`}>{t('designer.mainColour')}</label>
          <input id={`${id}-primary`} type="color" value={primary} onChange={(e) => setPrimary(e.target.value.toUpperCase())} />
          <FieldError
            error={write.error}
            field="branding.primaryColor"
            label={t('designer.field.primaryColor')}
            id={`${id}-primary-error`}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-accent`}>{t('designer.accentColour')}</label>
          <input id={`${id}-accent`} type="color" value={accent} onChange={(e) => setAccent(e.target.value.toUpperCase())} />
          <FieldError error={write.error} field="branding.accentColor" label={t('designer.field.accentColor')} id={`${id}-accent-error`} />
        </div>
      </div>
      <p className="hint">{t('settings.coloursHint')}</p>
      <div className="field">
        <label htmlFor={`${id}-language`}>{t('settings.language')}</label>
        <select
          id={`${id}-language`}
          value={language}
          aria-describedby={`${id}-language-hint ${id}-language-error`}
          onChange={(e) => setLanguage(e.target.value)}
        >
          {[...new Set([...shippedLanguages, s.language])].map((l) => (
            <option key={l} value={l} lang={l}>
              {endonym(l)}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>
          {t('settings.languageHint')}
        </p>
        <FieldError error={write.error} field="language" label={t('designer.field.language')} id={`${id}-language-error`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-tenant`}>{t('settings.tenant')}</label>
        <input id={`${id}-tenant`} readOnly value={s.entraTenantId ?? ''} aria-describedby={`${id}-tenant-hint`} />
        <p className="hint" id={`${id}-tenant-hint`}>
          {t('settings.tenantHint')}
        </p>
      </div>
      {stale && newer && (
        <div className="alert alert-warning stack" role="alert">
          <p>
            <strong>{t('settings.staleHeading')}</strong> {t('stale.yoursKept')}
          </p>
          <dl className="facts">
            <dt>{t('settings.theirName')}</dt>
            <dd>{newer.data.name}</dd>
            <dt>{t('settings.theirColours')}</dt>
            <dd>
              {newer.data.branding.primaryColor}, {newer.data.branding.accentColor}
            </dd>
            <dt>{t('settings.theirTenant')}</dt>
            <dd>{newer.data.entraTenantId || '—'}</dd>
          </dl>
          <div className="row">
            <button type="button" onClick={() => write.mutate({ body, ifMatch: newer.etag }, { onSuccess: () => setNewer(null) })}>
              {t('stale.keepMine')}
            </button>
          </div>
        </div>
      )}
      {write.isError && !stale && !(write.error instanceof ApiProblem && write.error.problem.errors) && <ErrorNotice error={write.error} />}
      {write.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('settings.saved')}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={write.isPending}>
          {write.isPending ? t('common.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  );
}

/** The replaced secret's overlap, and a way to end it at once (a leaked secret must not keep working for a day). */
function PreviousSecret({ settings, until }: { settings: Versioned<Settings>; until: string }) {
  const t = useTranslate();
  const write = useSettingsWrite(settings);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack">
      <p>{t('secret.previousUntil', { at: formatDateTime(until) })}</p>
      {!confirming ? (
        <div className="row">
          <button type="button" className="secondary danger" onClick={() => setConfirming(true)}>
            {t('secret.revokeMore')}
          </button>
        </div>
      ) : (
        <div className="alert alert-warning stack" role="alertdialog" aria-label={t('secret.revokeQuestion')}>
          <p>
            <strong>{t('secret.revokeQuestion')}</strong> {t('secret.revokeWhat')}
          </p>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={write.isPending}
              onClick={() => write.mutate({ body: { revokePreviousWebhookSecret: true } }, { onSuccess: () => setConfirming(false) })}
            >
              {t('secret.revoke')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('secret.keep')}
            </button>
          </div>
        </div>
      )}
      {write.isError && <ErrorNotice error={write.error} />}
    </div>
  );
}

function LmsConnection({ settings }: { settings: Versioned<Settings> }) {
  const t = useTranslate();
  const { config } = useServices();
  const me = useMe();
  const write = useSettingsWrite(settings);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState<'' | 'endpoint' | 'secret'>('');
  const base = new URL(config.apiBaseUrl, window.location.origin).toString().replace(/\/$/, '');
  const endpoint = `${base}/webhooks/lms/${me.organizationId}`;
  const copy = (what: 'endpoint' | 'secret', text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => setCopied(what),
      () => setCopied(''),
    );
  return (
    <section className="card stack" aria-labelledby="lms-title">
      <h2 id="lms-title">{t('lms.title')}</h2>
      <p>{t('lms.intro')}</p>
      <div className="field">
        <label htmlFor="lms-endpoint">{t('lms.endpoint')}</label>
        <div className="row">
          <input id="lms-endpoint" className="grow" readOnly value={endpoint} />
          <button type="button" className="secondary" onClick={() => copy('endpoint', endpoint)}>
            {t('lms.copyEndpoint')}
          </button>
        </div>
      </div>
      <p>
        {settings.data.webhookSecretSet ? (
          <>
            {t('lms.secretSet')}
            {settings.data.webhookSecretHint && (
              <>
                {' '}
                <code>{settings.data.webhookSecretHint}</code>
              </>
            )}
          </>
        ) : (
          t('lms.noSecret')
        )}
      </p>
      {settings.data.previousWebhookSecretWorksUntil && (
        <PreviousSecret settings={settings} until={settings.data.previousWebhookSecretWorksUntil} />
      )}
      {secret ? (
        <div className="alert alert-success stack" role="status">
          <p>
            <strong>{t('secret.shownOnce')}</strong> {t('secret.copyIt')}
          </p>
          <div className="row">
            <input aria-label={t('secret.new')} className="grow" readOnly value={secret} />
            <button type="button" className="secondary" onClick={() => copy('secret', secret)}>
              {t('secret.copy')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button
            type="button"
            disabled={write.isPending}
            onClick={() => {
              const fresh = newWebhookSecret();
              write.mutate({ body: { webhookSecret: fresh } }, { onSuccess: () => setSecret(fresh) });
            }}
          >
            {settings.data.webhookSecretSet ? t('secret.generateNew') : t('secret.generate')}
          </button>
        </div>
      )}
      {copied && (
        <p className="muted" role="status">
          {copied === 'endpoint' ? t('lms.endpointCopied') : t('secret.copied')}
        </p>
      )}
      {write.isError && <ErrorNotice error={write.error} />}
      <p>
        <Link to="/admin/settings/deliveries">{t('lms.deliveries')}</Link>
      </p>
    </section>
  );
}

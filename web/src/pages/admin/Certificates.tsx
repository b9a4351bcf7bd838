import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { useServices } from '../../app/context';
import { keys, queries } from '../../app/queries';
import type { MessageKey, Translate } from '../../i18n/i18n';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice, FieldError } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

type Certificate = Schemas['CertificateResponse'];
const statusTone: Record<string, string> = { valid: 'badge-success', expired: 'badge-warning', revoked: 'badge-danger' };

/** Finds certificates by their id or by the learner, and revokes (with a reason) or reinstates them. */
export function Certificates() {
  const t = useTranslate();
  usePageTitle(t('nav.adminCertificates'));
  const { api } = useServices();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const learnerId = params.get('learner') ?? '';
  const [typed, setTyped] = useState(query);
  const byId = /^cer_[a-z0-9]+$/i.test(query.trim());

  const one = useQuery({ ...queries.certificate(api, query.trim()), enabled: byId });
  const people = useQuery({ ...queries.people(api, query.trim(), undefined), enabled: Boolean(query.trim()) && !byId && !learnerId });
  const ofLearner = useQuery({ ...queries.certificatesOf(api, learnerId), enabled: Boolean(learnerId) });

  return (
    <>
      <h1>{t('nav.adminCertificates')}</h1>
      <NeedAttention />
      <form
        className="card row filters"
        role="search"
        aria-label={t('adminCertificates.find')}
        onSubmit={(event) => {
          event.preventDefault();
          setParams(typed.trim() ? { q: typed.trim() } : {}, { replace: true });
        }}
      >
        <div className="field grow">
          <label htmlFor={`${id}-q`}>{t('adminCertificates.query')}</label>
          <input id={`${id}-q`} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} />
        </div>
        <button type="submit" className="secondary">
          {t('adminCertificates.findButton')}
        </button>
      </form>
      {byId && one.isError && <ErrorNotice error={one.error} />}
      {byId && one.isSuccess && <CertificateList items={[one.data]} />}
      {people.isError && <ErrorNotice error={people.error} />}
      {people.isSuccess && people.data.items.length === 0 && <p role="status">{t('adminCertificates.nobody', { query })}</p>}
      {people.isSuccess && people.data.items.length > 0 && (
        <ul className="stack plain-list" aria-label={t('adminCertificates.people')}>
          {people.data.items.map((u) => (
            <li key={u.id} className="row">
              <span>
                {u.displayName} <span className="muted">{u.email}</span>
              </span>
              <button type="button" className="secondary small" onClick={() => setParams({ q: query, learner: u.id }, { replace: true })}>
                {t('adminCertificates.of', { name: u.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {ofLearner.isError && <ErrorNotice error={ofLearner.error} />}
      {ofLearner.isSuccess && ofLearner.data.items.length === 0 && <p role="status">{t('adminCertificates.none')}</p>}
      {ofLearner.isSuccess && ofLearner.data.items.length > 0 && <CertificateList items={ofLearner.data.items} />}
    </>
  );
}

function CertificateList({ items }: { items: Certificate[] }) {
  const t = useTranslate();
  return (
    <ul className="cards" aria-label={t('adminCertificates.found')}>
      {items.map((c) => (
        <CertificateCard key={c.id} certificate={c} />
      ))}
    </ul>
  );
}

function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const id = useId();
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => {
    setRevoking(false);
    setReason('');
    void client.invalidateQueries({ queryKey: keys.certificates });
  };
  const path = { params: { path: { id: c.id } } };
  const revoke = useMutation({
    mutationFn: () => must(api.POST('/certificates/{id}/revoke', { ...path, body: { reason } })),
    onSuccess: refresh,
  });
  const reinstate = useMutation({ mutationFn: () => must(api.POST('/certificates/{id}/reinstate', path)), onSuccess: refresh });
  return (
    <li className="card stack">
      <h2 className="card-title">{c.certification}</h2>
      <p>
        {c.learner} · <span className={`badge ${statusTone[c.status] ?? ''}`}>{t(`certificateStatus.${c.status}` as MessageKey)}</span>
      </p>
      <dl className="facts">
        <dt>{t('certificates.id')}</dt>
        <dd>
          <code>{c.id}</code>
        </dd>
        <dt>{t('certificates.issued')}</dt>
        <dd>{formatDate(c.issuedAt)}</dd>
        {c.expiresAt && (
          <>
            <dt>{t('certificates.expires')}</dt>
            <dd>{formatDate(c.expiresAt)}</dd>
          </>
        )}
        {c.revokedAt && (
          <>
            <dt>{t('certificates.revoked')}</dt>
            <dd>
              {formatDate(c.revokedAt)}: {c.revokedReason}
            </dd>
          </>
        )}
      </dl>
      <p>
        <a href={c.verifyUrl} target="_blank" rel="noreferrer">
          {t('certificates.verifyPage')}
        </a>
      </p>
      {c.status !== 'revoked' && !revoking && (
        <div className="row">
          <button type="button" className="secondary danger" onClick={() => setRevoking(true)}>
            {t('revoke.more')}
          </button>
        </div>
      )}
      {revoking && (
        <form
          className="stack"
          aria-label={t('revoke.label', { name: c.learner })}
          onSubmit={(event) => {
            event.preventDefault();
            if (!revoke.isPending) revoke.mutate();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('revoke.reason')}</label>
            <textarea
              id={`${id}-reason`}
              value={reason}
              maxLength={500}
              aria-describedby={`${id}-hint ${id}-reason-error`}
              onChange={(e) => setReason(e.target.value)}
            />
            <p className="hint" id={`${id}-hint`}>
              {t('revoke.hint')}
            </p>
            <FieldError error={revoke.error} field="reason" label={t('revoke.field.reason')} id={`${id}-reason-error`} />
          </div>
          <div className="row">
            <button type="submit" className="danger" disabled={revoke.isPending}>
              {revoke.isPending ? t('revoke.revoking') : t('revoke.revoke')}
            </button>
            <button type="button" className="secondary" onClick={() => setRevoking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {c.status === 'revoked' && (
        <div className="row">
          <button type="button" className="secondary" disabled={reinstate.isPending} onClick={() => reinstate.mutate()}>
            {reinstate.isPending ? t('revoke.reinstating') : t('revoke.reinstate')}
          </button>
        </div>
      )}
      {reinstate.isError && <ErrorNotice error={reinstate.error} />}
    </li>
  );
}

type Attention = Schemas['CertificateAttention'];
const problemKeys: Record<string, MessageKey> = {
  'render-failed': 'attention.renderFailed',
  'no-pdf': 'attention.noPdf',
  'not-sent': 'attention.notSent',
};

/** Why a certificate needs attention, in the reader's words; a reason this page does not know is shown as the API wrote it. */
function problemText(problem: string, t: Translate): string {
  const key = problemKeys[problem];
  return key ? t(key) : problem;
}

/** Certificates that have not reached their learners: why, and "Render again" once the design is fixed. */
function NeedAttention() {
  const t = useTranslate();
  const { api } = useServices();
  const client = useQueryClient();
  const [asked, setAsked] = useState<string[]>([]);
  const attention = useQuery({
    ...queries.certificatesNeedingAttention(api),
    // While a render asked for is on its way, the list follows it until the certificate has left.
    refetchInterval: asked.length > 0 ? 2000 : false,
  });
  const again = useMutation({
    mutationFn: (id: string) => must(api.POST('/certificates/{id}/render', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      setAsked((list) => [...list, id]);
      void client.invalidateQueries({ queryKey: queries.certificatesNeedingAttention(api).queryKey });
    },
  });
  if (attention.isError) return <ErrorNotice error={attention.error} onRetry={() => void attention.refetch()} />;
  const items: Attention[] = attention.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card stack alert-warning" aria-labelledby="attention-title">
      <h2 id="attention-title">{t('attention.title')}</h2>
      <p>{t('attention.intro')}</p>
      <div className="table-scroll">
        <table aria-label={t('attention.label')}>
          <thead>
            <tr>
              <th scope="col">{t('role.Learner')}</th>
              <th scope="col">{t('common.certification')}</th>
              <th scope="col">{t('status.Earned')}</th>
              <th scope="col">{t('import.wrong')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('attention.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{item.learner}</td>
                <td>{item.certification}</td>
                <td>{formatDate(item.issuedAt)}</td>
                <td>
                  <strong>{problemText(item.problem, t)}</strong>
                  {item.reason && <p className="hint">{item.reason}</p>}
                </td>
                <td>
                  {asked.includes(item.id) && item.problem !== 'render-failed' ? (
                    <span role="status">{t('attention.rendering')}</span>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      disabled={again.isPending}
                      aria-label={t('attention.againLabel', { name: item.learner, title: item.certification })}
                      onClick={() => again.mutate(item.id)}
                    >
                      {t('attention.again')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {again.isError && <ErrorNotice error={again.error} />}
    </section>
  );
}

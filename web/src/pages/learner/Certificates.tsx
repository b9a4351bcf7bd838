import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { fetchProtectedBlob } from '../../api/download';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import type { MessageKey } from '../../i18n/i18n';
import { useTranslate } from '../../i18n/useTranslate';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

type Certificate = Schemas['CertificateResponse'];

/** My certificates: the PDF, the link anyone can verify, LinkedIn, and recertification when it opens. */
export function Certificates() {
  const t = useTranslate();
  usePageTitle(t('nav.certificates'));
  const { api } = useServices();
  const mine = useQuery({
    ...queries.myCertificates(api),
    // A new certificate's PDF is drawn a few seconds after it is issued; its download link appears then.
    refetchInterval: (query) => (query.state.data?.items.some((c) => !c.downloadUrl) ? 3000 : false),
  });
  return (
    <>
      <h1>{t('nav.certificates')}</h1>
      {mine.isPending && <p className="muted">{t('app.loading')}</p>}
      {mine.isError && <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && mine.data.items.length === 0 && <p>{t('certificates.empty')}</p>}
      {mine.isSuccess && mine.data.items.length > 0 && (
        <ul className="cards" aria-label={t('nav.certificates')}>
          {mine.data.items.map((c) => (
            <CertificateCard key={c.id} certificate={c} />
          ))}
        </ul>
      )}
    </>
  );
}

function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const t = useTranslate();
  const { api } = useServices();
  const navigate = useNavigate();
  const recertify = useMutation({
    mutationFn: () => must(api.POST('/enrollments/{id}/recertify', { params: { path: { id: c.enrollmentId } } })),
    onSuccess: () => void navigate(`/enrollments/${c.enrollmentId}`),
  });
  return (
    <li className="card stack certificate-card">
      {c.downloadUrl && <CertificatePicture certificate={c} />}
      <h2>{c.certification}</h2>
      <p>
        <span className={`badge ${c.status === 'valid' ? 'badge-success' : 'badge-danger'}`}>
          {t(`certificateStatus.${c.status}` as MessageKey)}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('certificates.issuedBy')}</dt>
        <dd>{c.issuer}</dd>
        <dt>{t('certificates.issued')}</dt>
        <dd>{formatDate(c.issuedAt)}</dd>
        {c.expiresAt && (
          <>
            <dt>{c.status === 'expired' ? t('certificates.expired') : t('certificates.expires')}</dt>
            <dd>{formatDate(c.expiresAt)}</dd>
          </>
        )}
        {c.revokedAt && (
          <>
            <dt>{t('certificates.revoked')}</dt>
            <dd>
              {formatDate(c.revokedAt)}
              {c.revokedReason ? `: ${c.revokedReason}` : ''}
            </dd>
          </>
        )}
        <dt>{t('certificates.id')}</dt>
        <dd>
          <code>{c.id}</code>
        </dd>
      </dl>
      <div className="row">
        {c.downloadUrl ? (
          <a className="button" href={c.downloadUrl} target="_blank" rel="noopener">
            {t('certificates.download')}
          </a>
        ) : (
          <span className="muted">{t('certificates.drawing')}</span>
        )}
        {c.status === 'valid' && <ShareMenu certificate={c} />}
        {c.canRecertify && (
          <button type="button" disabled={recertify.isPending} onClick={() => recertify.mutate()}>
            {recertify.isPending ? t('enrollment.starting') : t('certificates.recertify')}
          </button>
        )}
      </div>
      {recertify.isError && <ErrorNotice error={recertify.error} />}
    </li>
  );
}

/** The certificate as it was drawn, read with the learner's token (the picture is not a public file of the app's origin). */
function CertificatePicture({ certificate: c }: { certificate: Certificate }) {
  const t = useTranslate();
  const { auth, config } = useServices();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    // A certificate drawn before pictures were has none: the card then shows its facts alone.
    fetchProtectedBlob(`${config.apiBaseUrl}/certificates/${encodeURIComponent(c.id)}/picture`, auth)
      .then((blob) => {
        if (!live) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [c.id, auth, config.apiBaseUrl]);
  return src ? (
    <a href={c.verifyUrl} target="_blank" rel="noopener" className="certificate-picture">
      <img src={src} width={1684} height={1190} alt={t('certificates.pictureAlt', { certification: c.certification })} />
    </a>
  ) : null;
}

/** Every way to share a certificate in one place: LinkedIn (profile or post), X, e-mail, the link, its QR code. */
function ShareMenu({ certificate: c }: { certificate: Certificate }) {
  const t = useTranslate();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = t('certificates.shareText', { certification: c.certification, issuer: c.issuer });
  const copy = async () => {
    await navigator.clipboard.writeText(c.verifyUrl);
    setCopied(true);
  };
  const links: [label: string, href: string][] = [
    [t('certificates.linkedIn'), linkedInUrl(c)],
    [
      t('certificates.linkedInPost'),
      `https://www.linkedin.com/sharing/share-offsite/?${new URLSearchParams({ url: c.verifyUrl }).toString()}`,
    ],
    [t('certificates.xPost'), `https://x.com/intent/post?${new URLSearchParams({ text, url: c.verifyUrl }).toString()}`],
    [
      t('certificates.email'),
      `mailto:?subject=${encodeURIComponent(c.certification)}&body=${encodeURIComponent(`${text}\n${c.verifyUrl}`)}`,
    ],
    [t('certificates.verifyPage'), c.verifyUrl],
  ];
  const button = useRef<HTMLButtonElement>(null);
  // Escape closes the open panel and gives the focus back to its button, as a menu does.
  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);
  return (
    <div className="share">
      <button
        ref={button}
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={`${id}-share`}
        onClick={() => setOpen(!open)}
      >
        {t('certificates.share')}
      </button>
      <div id={`${id}-share`} className="card stack share-panel" hidden={!open}>
        <ul className="plain-list stack">
          {links.map(([label, href]) => (
            <li key={label}>
              <a href={href} target="_blank" rel="noopener">
                {label}
              </a>
            </li>
          ))}
          <li>
            <button type="button" className="secondary" onClick={() => void copy()}>
              {t('certificates.copyLink')}
            </button>{' '}
            <span role="status" className="muted">
              {copied ? t('certificates.copied') : ''}
            </span>
          </li>
        </ul>
        {open && <VerifyQr url={c.verifyUrl} alt={t('certificates.qrAlt')} />}
      </div>
    </div>
  );
}

/** LinkedIn's Add-to-profile link for a certification, filled in from the certificate. */
export function linkedInUrl(c: Certificate): string {
  const issued = new Date(c.issuedAt);
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: c.certification,
    organizationName: c.issuer,
    issueYear: String(issued.getUTCFullYear()),
    issueMonth: String(issued.getUTCMonth() + 1),
    certUrl: c.verifyUrl,
    certId: c.id,
  });
  if (c.expiresAt) {
    const expires = new Date(c.expiresAt);
    params.set('expirationYear', String(expires.getUTCFullYear()));
    params.set('expirationMonth', String(expires.getUTCMonth() + 1));
  }
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** The verification link as a QR code, drawn here (the qrcode library is loaded only on this page). */
function VerifyQr({ url, alt }: { url: string; alt: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((qr) => qr.toString(url, { type: 'svg', margin: 1 }))
      .then((text) => {
        if (live) setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
      });
    return () => {
      live = false;
    };
  }, [url]);
  return svg ? <img className="qr" src={svg} alt={alt} /> : null;
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { must, type Schemas } from '../../api/client';
import { useServices } from '../../app/context';
import { queries } from '../../app/queries';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { formatDate } from '../../ui/format';
import { usePageTitle } from '../../ui/usePageTitle';

type Certificate = Schemas['CertificateResponse'];

/** My certificates: the PDF, the link anyone can verify, LinkedIn, and recertification when it opens. */
export function Certificates() {
  usePageTitle('My certificates');
  const { api } = useServices();
  const mine = useQuery({
    ...queries.myCertificates(api),
    // A new certificate's PDF is drawn a few seconds after it is issued; its download link appears then.
    refetchInterval: (query) => (query.state.data?.items.some((c) => !c.downloadUrl) ? 3000 : false),
  });
  return (
    <>
      <h1>My certificates</h1>
      {mine.isPending && <p className="muted">Loading…</p>}
      {mine.isError && <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && mine.data.items.length === 0 && <p>No certificates yet. They appear here when you earn a certification.</p>}
      {mine.isSuccess && mine.data.items.length > 0 && (
        <ul className="cards" aria-label="My certificates">
          {mine.data.items.map((c) => <CertificateCard key={c.id} certificate={c} />)}
        </ul>
      )}
    </>
  );
}

const statusWords: Record<string, string> = { valid: 'Valid', expired: 'Expired', revoked: 'Revoked' };

function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  const { api } = useServices();
  const navigate = useNavigate();
  const [copied, setCopied] = useState(false);
  const recertify = useMutation({
    mutationFn: () => must(api.POST('/enrollments/{id}/recertify', { params: { path: { id: c.enrollmentId } } })),
    onSuccess: () => void navigate(`/enrollments/${c.enrollmentId}`),
  });
  const copy = async () => {
    await navigator.clipboard.writeText(c.verifyUrl);
    setCopied(true);
  };
  return (
    <li className="card stack">
      <h2>{c.certification}</h2>
      <p>
        <span className={`badge ${c.status === 'valid' ? 'badge-success' : 'badge-danger'}`}>{statusWords[c.status] ?? c.status}</span>
      </p>
      <dl className="facts">
        <dt>Issued by</dt>
        <dd>{c.issuer}</dd>
        <dt>Issued</dt>
        <dd>{formatDate(c.issuedAt)}</dd>
        {c.expiresAt && (
          <>
            <dt>{c.status === 'expired' ? 'Expired' : 'Expires'}</dt>
            <dd>{formatDate(c.expiresAt)}</dd>
          </>
        )}
        {c.revokedAt && (
          <>
            <dt>Revoked</dt>
            <dd>{formatDate(c.revokedAt)}{c.revokedReason ? `: ${c.revokedReason}` : ''}</dd>
          </>
        )}
        <dt>Certificate id</dt>
        <dd><code>{c.id}</code></dd>
      </dl>
      <div className="row">
        {c.downloadUrl ? (
          <a className="button" href={c.downloadUrl} target="_blank" rel="noopener">Download PDF</a>
        ) : (
          <span className="muted">The PDF is being drawn; it appears in a few seconds.</span>
        )}
        <a href={c.verifyUrl} target="_blank" rel="noopener">Verification page</a>
        <button type="button" className="secondary" onClick={() => void copy()}>Copy link</button>
        <span role="status" className="muted">{copied ? 'Link copied.' : ''}</span>
      </div>
      <VerifyQr url={c.verifyUrl} />
      {c.status === 'valid' && (
        <a href={linkedInUrl(c)} target="_blank" rel="noopener" className="button secondary">Add to LinkedIn profile</a>
      )}
      {c.canRecertify && (
        <button type="button" disabled={recertify.isPending} onClick={() => recertify.mutate()}>
          {recertify.isPending ? 'Starting…' : 'Recertify'}
        </button>
      )}
      {recertify.isError && <ErrorNotice error={recertify.error} />}
    </li>
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
function VerifyQr({ url }: { url: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((qr) => qr.toString(url, { type: 'svg', margin: 1 })).then((text) => {
      if (live) setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return svg ? <img className="qr" src={svg} alt="QR code of the verification link" /> : null;
}

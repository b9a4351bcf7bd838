import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { must } from '../api/client';
import { useServices } from '../app/context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageTitle } from '../ui/usePageTitle';

/** The link of an invitation e-mail: sign in, and the account signed in with becomes the invited person's. */
export function AcceptInvitation() {
  usePageTitle('Accept your invitation');
  const { api, auth } = useServices();
  const { token = '' } = useParams();
  const [ready, setReady] = useState(false);
  const accept = useMutation({
    mutationFn: () => must(api.POST('/invitations/{token}/accept', { params: { path: { token } } })),
  });

  useEffect(() => {
    void auth.token().then((t) => (t ? setReady(true) : auth.signIn(window.location.pathname)));
  }, [auth]);

  return (
    <main id="main">
      <h1>Your invitation to Certifications</h1>
      {!ready && <p className="muted">Signing you in…</p>}
      {ready && accept.isIdle && (
        <button type="button" onClick={() => accept.mutate()}>Accept the invitation</button>
      )}
      {accept.isPending && <p className="muted">Accepting…</p>}
      {accept.isError && <ErrorNotice error={accept.error} />}
      {accept.isSuccess && (
        <p className="alert alert-success" role="status">
          Welcome, {accept.data.displayName}. <Link to="/">Go to my certifications</Link>
        </p>
      )}
    </main>
  );
}

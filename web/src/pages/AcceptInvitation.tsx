import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { must } from '../api/client';
import { useServices } from '../app/context';
import { useTranslate } from '../i18n/useTranslate';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageTitle } from '../ui/usePageTitle';

/** The link of an invitation e-mail: sign in, and the account signed in with becomes the invited person's. */
export function AcceptInvitation() {
  const t = useTranslate();
  usePageTitle(t('invitation.title'));
  const { api, auth } = useServices();
  const { token = '' } = useParams();
  const [ready, setReady] = useState(false);
  const accept = useMutation({
    mutationFn: () => must(api.POST('/invitations/{token}/accept', { params: { path: { token } } })),
  });

  useEffect(() => {
    void auth.token().then((signedIn) => (signedIn ? setReady(true) : auth.signIn(window.location.pathname)));
  }, [auth]);

  return (
    <main id="main">
      <h1>{t('invitation.heading')}</h1>
      {!ready && <p className="muted">{t('invitation.signingIn')}</p>}
      {ready && accept.isIdle && (
        <button type="button" onClick={() => accept.mutate()}>
          {t('invitation.accept')}
        </button>
      )}
      {accept.isPending && <p className="muted">{t('invitation.accepting')}</p>}
      {accept.isError && <ErrorNotice error={accept.error} />}
      {accept.isSuccess && (
        <p className="alert alert-success" role="status">
          {t('invitation.welcome', { name: accept.data.displayName })} <Link to="/">{t('common.goHome')}</Link>
        </p>
      )}
    </main>
  );
}

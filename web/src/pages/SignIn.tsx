import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Unreachable } from '../api/problem';
import { safeReturnTo } from '../auth/auth';
import { rememberDevToken } from '../auth/devAuth';
import { useServices } from '../app/context';
import { useTranslate } from '../i18n/useTranslate';
import { ErrorNotice } from '../ui/ErrorNotice';
import { formatList } from '../ui/format';
import { roleText } from '../ui/roles';
import { usePageTitle } from '../ui/usePageTitle';

/** An account nobody is bound to yet: who follows an invitation link signs in with it, and accepting makes it theirs. */
interface NewAccount {
  organizationId: string;
  organizationName: string;
  token: string;
}

interface DevAccount {
  id: string;
  displayName: string;
  email: string;
  organizationName: string;
  roles: string[];
  token: string;
}

/** Locally: one button per demo user. In Azure: the organization's Microsoft sign-in. */
export function SignIn() {
  const t = useTranslate();
  usePageTitle(t('signIn.title'));
  const { auth } = useServices();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const expired = params.has('returnTo');
  return (
    <main id="main">
      <h1>{t('signIn.heading')}</h1>
      {expired && (
        <p className="alert alert-info" role="status">
          {t('signIn.expired')}
        </p>
      )}
      {auth.kind === 'dev' ? (
        <DevAccounts returnTo={returnTo} />
      ) : (
        <button type="button" onClick={() => auth.signIn(returnTo)}>
          {t('signIn.workAccount')}
        </button>
      )}
    </main>
  );
}

function DevAccounts({ returnTo }: { returnTo: string }) {
  const t = useTranslate();
  const accounts = useQuery({
    queryKey: ['dev-accounts'],
    queryFn: async () => {
      let response: Response;
      try {
        response = await fetch('/dev/sign-in', { cache: 'no-store' });
      } catch {
        throw new Unreachable();
      }
      if (!response.ok) throw new Unreachable();
      return (await response.json()) as { accounts: DevAccount[]; newAccounts: NewAccount[] };
    },
  });
  if (accounts.isPending) return <p className="muted">{t('signIn.loadingDemo')}</p>;
  if (accounts.isError) return <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const organizations = [...new Set(accounts.data.accounts.map((a) => a.organizationName))];
  const signIn = (account: { token: string }) => {
    rememberDevToken(account.token);
    window.location.assign(returnTo);
  };
  const invited = returnTo.startsWith('/invitations/');
  return (
    <>
      <p>{t('signIn.devHost')}</p>
      {invited && (
        <section className="card stack" aria-labelledby="new-person">
          <h2 id="new-person">{t('signIn.invitedHeading')}</h2>
          <p>{t('signIn.invitedHint')}</p>
          <div className="row">
            {accounts.data.newAccounts.map((account) => (
              <button key={account.organizationId} type="button" onClick={() => signIn(account)}>
                {t('signIn.someoneNew', { organization: account.organizationName })}
              </button>
            ))}
          </div>
        </section>
      )}
      {organizations.map((organization) => (
        <section key={organization} aria-labelledby={`org-${organization}`}>
          <h2 id={`org-${organization}`}>{organization}</h2>
          <ul className="signin-list">
            {accounts.data.accounts
              .filter((a) => a.organizationName === organization)
              .map((account) => (
                <li key={account.id}>
                  <button type="button" className="secondary" onClick={() => signIn(account)} aria-describedby={`roles-${account.id}`}>
                    {account.displayName}
                  </button>
                  <span className="muted" id={`roles-${account.id}`}>
                    {' '}
                    {formatList(account.roles.map((role) => roleText(role, t)))}
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

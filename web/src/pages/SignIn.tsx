import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Unreachable } from '../api/problem';
import { safeReturnTo } from '../auth/auth';
import { rememberDevToken } from '../auth/devAuth';
import { useServices } from '../app/context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageTitle } from '../ui/usePageTitle';

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
  usePageTitle('Sign in');
  const { auth } = useServices();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const expired = params.has('returnTo');
  return (
    <main id="main">
      <h1>Sign in to Certifications</h1>
      {expired && <p className="alert alert-info" role="status">Your session ended. Sign in again to go back to where you were.</p>}
      {auth.kind === 'dev' ? (
        <DevAccounts returnTo={returnTo} />
      ) : (
        <button type="button" onClick={() => auth.signIn(returnTo)}>Sign in with your work account</button>
      )}
    </main>
  );
}

function DevAccounts({ returnTo }: { returnTo: string }) {
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
      return ((await response.json()) as { accounts: DevAccount[] }).accounts;
    },
  });
  if (accounts.isPending) return <p className="muted">Loading the demo users…</p>;
  if (accounts.isError) return <ErrorNotice error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const organizations = [...new Set(accounts.data.map((a) => a.organizationName))];
  const signIn = (account: DevAccount) => {
    rememberDevToken(account.token);
    window.location.assign(returnTo);
  };
  return (
    <>
      <p>This is the local dev host: pick who you are. In Azure, people sign in with Microsoft Entra ID.</p>
      {organizations.map((organization) => (
        <section key={organization} aria-labelledby={`org-${organization}`}>
          <h2 id={`org-${organization}`}>{organization}</h2>
          <ul className="signin-list">
            {accounts.data
              .filter((a) => a.organizationName === organization)
              .map((account) => (
                <li key={account.id}>
                  <button type="button" className="secondary" onClick={() => signIn(account)} aria-describedby={`roles-${account.id}`}>
                    {account.displayName}
                  </button>
                  <span className="muted" id={`roles-${account.id}`}> {account.roles.join(', ')}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo } from '@azure/msal-browser';
import type { AppConfig } from '../config';
import { announceSignOut, safeReturnTo, type Auth } from './auth';

/** Sign-in with Microsoft Entra ID: MSAL in the browser, a token for the API's scope, redirects rather than pop-ups. */
export async function entraAuth(config: AppConfig): Promise<Auth> {
  if (!config.clientId || !config.apiScope) {
    throw new Error('config.json needs clientId and apiScope for Entra sign-in.');
  }
  const msal = new PublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId ?? 'organizations'}`,
      redirectUri: `${window.location.origin}/`,
      postLogoutRedirectUri: `${window.location.origin}/sign-in`,
    },
    // Shared by every tab, so a submission opened in a new tab is signed in; tokens last as long as Entra grants them.
    cache: { cacheLocation: 'localStorage' },
  });
  await msal.initialize();
  const redirected = await msal.handleRedirectPromise();
  if (redirected?.account) {
    msal.setActiveAccount(redirected.account);
    const returnTo = safeReturnTo(typeof redirected.state === 'string' ? redirected.state : null);
    if (returnTo !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, '', returnTo);
    }
  }
  const scopes = [config.apiScope];
  const account = (): AccountInfo | null => msal.getActiveAccount() ?? msal.getAllAccounts()[0] ?? null;

  return {
    kind: 'entra',
    signedIn: () => account() !== null,
    token: async () => {
      const signedIn = account();
      if (!signedIn) return null;
      try {
        return (await msal.acquireTokenSilent({ scopes, account: signedIn })).accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) return null;
        throw error;
      }
    },
    signIn: (returnTo) => {
      void msal.loginRedirect({ scopes, state: returnTo });
    },
    signOut: () => {
      announceSignOut();
      void msal.logoutRedirect();
    },
  };
}

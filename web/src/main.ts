import { createApi } from './api/client';
import { createQueryClient } from './app/queryClient';
import { firstReads } from './app/queries';
import type { Auth } from './auth/auth';
import { devAuth } from './auth/devAuth';
import { loadConfig } from './config';
import './styles/tokens.css';
import './styles/app.css';

/**
 * Start-up without React: the page's first reads go out as soon as the settings and the token are known, and React and
 * the pages are fetched and compiled while they are on their way, instead of before them.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root')!;
  try {
    const config = await loadConfig();
    // MSAL is loaded only where Entra signs people in, so the dev build never ships it on first load.
    const auth: Auth = config.signIn === 'entra' ? await (await import('./auth/entraAuth')).entraAuth(config) : devAuth();
    const api = createApi(config.apiBaseUrl, auth);
    const client = createQueryClient();
    // Only for someone signed in: without a token the API's 401 would send the sign-in page to sign in.
    if (auth.signedIn()) {
      for (const query of firstReads(api, window.location.pathname)) void client.prefetchQuery(query);
    }
    // Imported only now, so fetching and compiling it does not hold the reads back (measured: preloading it from the
    // HTML made them leave later).
    (await import('./app/start')).startApp(root, { api, auth, config }, client);
  } catch (error) {
    showStartFailure(root, error);
  }
}

/** What a person sees when the app cannot start, with a way to try again; drawn without React, which may be what failed to load. */
function showStartFailure(root: HTMLElement, error: unknown): void {
  const heading = document.createElement('h1');
  heading.textContent = 'Certifications could not start';
  const reason = document.createElement('p');
  reason.setAttribute('role', 'alert');
  reason.textContent = error instanceof Error ? error.message : String(error);
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = 'Try again';
  retry.addEventListener('click', () => window.location.reload());
  const page = document.createElement('main');
  page.append(heading, reason, retry);
  root.replaceChildren(page);
}

void start();

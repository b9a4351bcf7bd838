import { createApi } from './api/client';
import { ApiProblem, Unreachable, sentenceOf } from './api/problem';
import type { Auth } from './auth/auth';
import { devAuth } from './auth/devAuth';
import { loadConfig } from './config';
import { createIntlFor, startLanguage, translator, type Translate } from './i18n/i18n';
import './styles/tokens.css';
import './styles/app.css';

/**
 * Start-up: the settings, the sign-in and the reader's catalogue are read side by side, then React draws the page. A
 * page's own reads are started by its route's loader, beside the fetch of its chunk (app/routes.tsx).
 */
async function start(): Promise<void> {
  let followDeploys = () => {};
  const root = document.getElementById('root') ?? document.body;
  // React and the pages are fetched from the first moment, beside the settings and the catalogue, not after them.
  const app = import('./app/start');
  app.catch(() => undefined);
  const language = startLanguage();
  try {
    const loaded = await loadConfig();
    followDeploys = loaded.followDeploys;
    const config = loaded.config;
    // MSAL is loaded only where Entra signs people in, so the dev build never ships it on first load.
    const auth: Auth = config.signIn === 'entra' ? await (await import('./auth/entraAuth')).entraAuth(config) : devAuth();
    const api = createApi(config.apiBaseUrl, auth);
    const [{ startApp }, started] = await Promise.all([app, language]);
    startApp(root, { api, auth, config }, started);
  } catch (error) {
    const { language: lang, messages } = await language;
    showStartFailure(root, error, translator(createIntlFor(lang, messages)));
  } finally {
    followDeploys();
  }
}

/** What a person sees when the app cannot start, with a way to try again; drawn without React, which may be what failed to load. */
function showStartFailure(root: HTMLElement, error: unknown, t: Translate): void {
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = t('common.tryAgain');
  retry.addEventListener('click', () => window.location.reload());
  const heading = document.createElement('h1');
  heading.textContent = t('app.couldNotStart');
  // The settings' own errors name what an operator must fix; those of the API are said in the reader's words.
  const reason = document.createElement('p');
  reason.setAttribute('role', 'alert');
  reason.textContent =
    error instanceof ApiProblem || error instanceof Unreachable || !(error instanceof Error) ? sentenceOf(error, t) : error.message;
  const main = document.createElement('main');
  main.append(heading, reason, retry);
  root.replaceChildren(main);
}

void start();

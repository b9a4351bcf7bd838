import { createApi } from './api/client';
import { ApiProblem, Unreachable, sentenceOf } from './api/problem';
import { FirstReads, firstReads } from './app/queries';
import type { Auth } from './auth/auth';
import { devAuth } from './auth/devAuth';
import { loadConfig } from './config';
import { carryFocus } from './firstPaint/carryFocus';
import { el } from './firstPaint/dom';
import { homeFirstPaint } from './firstPaint/homeFirstPaint';
import { createIntlFor, startLanguage, translator, type Translate } from './i18n/i18n';
import './styles/tokens.css';
import './styles/app.css';

/**
 * How long the learner's home waits for its reads before React is fetched anyway (ms). Fetching and compiling React
 * while the reads are out slows them on a small machine (measured: docs/performance.md); a slow API must still not
 * keep the page blank, so after this React comes and says "Loading…".
 */
const headStart = 300;

/**
 * The element the app draws into, once the page has been parsed: the built start-up runs from the page's head (see
 * build/inlineStart.ts), before the parser has reached it.
 */
function appRoot(): Promise<HTMLElement> {
  const found = () => document.getElementById('root')!;
  if (document.readyState !== 'loading') return Promise.resolve(found());
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(found()), { once: true }));
}

/**
 * Start-up without React: the page's first reads go out as soon as the settings and the token are known; the learner's
 * home is drawn from them at once; then React and the pages are fetched and take over.
 */
async function start(): Promise<void> {
  let followDeploys = () => {};
  // The catalogue of a language other than English is fetched while the settings and the first reads are out.
  const language = startLanguage();
  try {
    const loaded = await loadConfig();
    const config = loaded.config;
    followDeploys = loaded.followDeploys;
    // MSAL is loaded only where Entra signs people in, so the dev build never ships it on first load.
    const auth: Auth = config.signIn === 'entra' ? await (await import('./auth/entraAuth')).entraAuth(config) : devAuth();
    const api = createApi(config.apiBaseUrl, auth);
    const path = window.location.pathname;
    // Only for someone signed in: without a token the API's 401 would send the sign-in page to sign in.
    const signedIn = auth.signedIn();
    const reads = new FirstReads(signedIn ? firstReads(api, path) : { now: [], next: [] });
    // Until React has the page, the home is drawn whenever its list arrives, even after React was sent for.
    let reactHasRoot = false;
    if (signedIn && path === '/') {
      const { language: lang, messages } = await language;
      const t = translator(createIntlFor(lang, messages));
      const drawn = homeFirstPaint(api, reads, auth, t).then(async (draw) => {
        const root = await appRoot();
        if (reactHasRoot || !draw) return;
        const finished = draw(root);
        carryFocus(root);
        await finished;
      });
      await Promise.race([drawn, new Promise((resolve) => setTimeout(resolve, headStart))]);
    }
    reads.startAll();
    const { startApp } = await import('./app/start');
    const root = await appRoot();
    reactHasRoot = true;
    startApp(root, { api, auth, config }, reads, await language);
  } catch (error) {
    const { language: lang, messages } = await language;
    showStartFailure(await appRoot(), error, translator(createIntlFor(lang, messages)));
  } finally {
    followDeploys();
  }
}

/** What a person sees when the app cannot start, with a way to try again; drawn without React, which may be what failed to load. */
function showStartFailure(root: HTMLElement, error: unknown, t: Translate): void {
  const retry = el('button', { type: 'button' }, t('common.tryAgain'));
  retry.addEventListener('click', () => window.location.reload());
  // The settings' own errors name what an operator must fix; those of the API are said in the reader's words.
  const said = error instanceof ApiProblem || error instanceof Unreachable || !(error instanceof Error) ? sentenceOf(error, t) : error.message;
  const reason = el('p', { role: 'alert' }, said);
  root.replaceChildren(el('main', {}, el('h1', {}, t('app.couldNotStart')), reason, retry));
}

void start();

import { earlyReadsKey, type EarlyReads } from '../api/earlyResponses';
import { apiReads, firstReadPlan, readUrl } from '../app/firstReadPlan';
import { keptToken } from '../auth/devAuth';
import { keptConfig, type AppConfig } from '../config';

/**
 * The first thing index.html runs, built on its own into a few hundred bytes (build/inlineStart.ts): where the token
 * is known without waiting, it sends the page's first reads before the start-up script, twenty times its size, has been
 * compiled. On a browser's first visit that compile took about 10 ms, and the reads waited for it (docs/performance.md).
 * The API client takes the answers over (api/earlyResponses.ts). Entra's token comes from MSAL, which loads later.
 */
function sendEarlyReads(): void {
  let config: AppConfig | null;
  let token: string | null;
  try {
    config = keptConfig();
    token = config?.signIn === 'dev' ? keptToken() : null;
  } catch {
    // A kept session that cannot be read: the start-up meets it again and says so.
    return;
  }
  if (!config || !token) return;
  const sent: EarlyReads = new Map();
  for (const name of firstReadPlan(window.location.pathname).now) {
    const url = readUrl(config.apiBaseUrl, apiReads[name]);
    const response = fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    // The client that takes it over handles a failure, as it would its own.
    response.catch(() => undefined);
    sent.set(url, response);
  }
  (globalThis as Record<symbol, unknown>)[earlyReadsKey] = sent;
}

sendEarlyReads();

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import type { Auth } from './auth/auth';
import { devAuth } from './auth/devAuth';
import { loadConfig } from './config';
import './styles/tokens.css';
import './styles/app.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const config = await loadConfig();
    // MSAL is loaded only where Entra signs people in, so the dev build never ships it on first load.
    const auth: Auth = config.signIn === 'entra' ? await (await import('./auth/entraAuth')).entraAuth(config) : devAuth();
    root.render(
      <StrictMode>
        <App config={config} auth={auth} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <main>
        <h1>Certifications could not start</h1>
        <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
        <button type="button" onClick={() => window.location.reload()}>Try again</button>
      </main>,
    );
  }
}

void start();

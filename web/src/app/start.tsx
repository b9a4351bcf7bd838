import type { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { AppServices } from './context';

/** Renders the app into root, with the cache the start-up has already begun to fill. */
export function startApp(root: HTMLElement, services: AppServices, client: QueryClient): void {
  createRoot(root).render(
    <StrictMode>
      <App services={services} client={client} />
    </StrictMode>,
  );
}

/** What a person sees when the app cannot start, with a way to try again. */
export function showStartFailure(root: HTMLElement, error: unknown): void {
  createRoot(root).render(
    <main>
      <h1>Certifications could not start</h1>
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
      <button type="button" onClick={() => window.location.reload()}>Try again</button>
    </main>,
  );
}

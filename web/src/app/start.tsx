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

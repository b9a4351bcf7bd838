import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Messages } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { App } from './App';
import type { AppServices } from './context';
import type { FirstReads } from './queries';
import { createQueryClient } from './queryClient';

/**
 * Renders the app into root. The reads the start-up began become the cache's first entries, so a page finds its data
 * arrived or arriving; React's first render replaces whatever the start-up drew.
 */
export function startApp(root: HTMLElement, services: AppServices, reads: FirstReads, start: { language: Language; messages: Messages }): void {
  const client = createQueryClient();
  for (const read of reads.all()) {
    void client.prefetchQuery({ queryKey: read.queryKey, queryFn: () => read.data, retry: false });
  }
  createRoot(root).render(
    <StrictMode>
      <App services={services} client={client} start={start} />
    </StrictMode>,
  );
}

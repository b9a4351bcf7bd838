import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Messages } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { App } from './App';
import type { AppServices } from './context';
import { createQueryClient } from './queryClient';

/** Renders the app into root, in the language the start-up chose. */
export function startApp(root: HTMLElement, services: AppServices, start: { language: Language; messages: Messages }): void {
  createRoot(root).render(
    <StrictMode>
      <App services={services} client={createQueryClient()} start={start} />
    </StrictMode>,
  );
}

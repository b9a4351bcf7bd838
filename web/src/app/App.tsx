import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { RouterProvider } from 'react-router';
import { applyToDocument, loadMessages, rememberLanguage, type Messages } from '../i18n/i18n';
import type { Language } from '../i18n/languages';
import { LanguageContext } from '../i18n/useTranslate';
import { ServicesContext, type AppServices } from './context';
import { createRouter } from './routes';

export function App({
  services,
  client,
  start,
}: {
  services: AppServices;
  client: QueryClient;
  start: { language: Language; messages: Messages };
}) {
  const router = useMemo(() => createRouter(client, services), [client, services]);
  const [current, setCurrent] = useState(start);
  const setLanguage = useCallback(async (language: Language) => {
    const messages = await loadMessages(language);
    applyToDocument(language);
    rememberLanguage(language);
    setCurrent({ language, messages });
  }, []);
  const language = useMemo(() => ({ language: current.language, setLanguage }), [current.language, setLanguage]);
  return (
    <ServicesContext.Provider value={services}>
      <LanguageContext.Provider value={language}>
        <IntlProvider locale={current.language} messages={current.messages} defaultLocale="en">
          <QueryClientProvider client={client}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </IntlProvider>
      </LanguageContext.Provider>
    </ServicesContext.Provider>
  );
}

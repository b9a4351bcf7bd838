import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { createApi } from '../api/client';
import { Unreachable } from '../api/problem';
import type { Auth } from '../auth/auth';
import type { AppConfig } from '../config';
import { ServicesContext } from './context';
import { createRouter } from './routes';

export function App({ config, auth }: { config: AppConfig; auth: Auth }) {
  const services = useMemo(() => ({ api: createApi(config.apiBaseUrl, auth), auth, config }), [config, auth]);
  const queries = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          // Only a server out of reach is worth asking again by itself; a problem answer will not change.
          queries: { retry: (count, error) => error instanceof Unreachable && count < 2, refetchOnWindowFocus: false, staleTime: 10_000 },
          mutations: { retry: false },
        },
      }),
    [],
  );
  const router = useMemo(() => createRouter(queries, services.api), [queries, services.api]);
  return (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ServicesContext.Provider>
  );
}

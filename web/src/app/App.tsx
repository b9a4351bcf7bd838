import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { ServicesContext, type AppServices } from './context';
import { createRouter } from './routes';

export function App({ services, client }: { services: AppServices; client: QueryClient }) {
  const router = useMemo(() => createRouter(client, services.api), [client, services.api]);
  return (
    <ServicesContext.Provider value={services}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ServicesContext.Provider>
  );
}

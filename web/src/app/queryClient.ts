import { QueryClient } from '@tanstack/query-core';
import { Unreachable } from '../api/problem';

/** The app's one cache of server state, made before React so the first reads can start without it. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Only a server out of reach is worth asking again by itself; a problem answer will not change.
      queries: { retry: (count, error) => error instanceof Unreachable && count < 2, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

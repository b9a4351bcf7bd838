import { QueryClient } from '@tanstack/query-core';
import { Unreachable } from '../api/problem';

/** The app's one cache of server state; startApp fills it first with the reads the start-up began. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Only a server out of reach is worth asking again by itself; a problem answer will not change.
      queries: { retry: (count, error) => error instanceof Unreachable && count < 2, refetchOnWindowFocus: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

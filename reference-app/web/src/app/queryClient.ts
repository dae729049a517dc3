// The one TanStack Query client of the app, shared by every portal.
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/client';

/** A query client that does not retry what cannot get better (4xx answers). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors will not get better by asking again.
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
}

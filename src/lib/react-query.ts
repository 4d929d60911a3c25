import { QueryClient } from '@tanstack/react-query';

/** Errors that retrying cannot fix: RLS/permission, bad input, missing rows. */
function isPermanent(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  const code = (error as { code?: string } | null)?.code;
  return (typeof status === 'number' && status >= 400 && status < 500) || code === 'PGRST116' || code === '42501';
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !isPermanent(error) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { readSession } from '../auth/session';
import { useSession } from '../auth/SessionProvider';
import { type Api, createApi } from './client';
import { ApiProblem } from './problem';

const ApiContext = createContext<Api | null>(null);

/** A 4xx will not change by asking again; anything else is worth one more try. */
function retry(failures: number, error: unknown): boolean {
  if (error instanceof ApiProblem && error.status < 500) return false;
  return failures < 1;
}

/** The typed API client with the session's bearer token, and the query cache pages share. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // The latest location, for the 401 handler of a client made once.
  const here = useRef(location.pathname);
  here.current = location.pathname + location.search;
  const queryClient = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry } } }), []);
  const api = useMemo(
    () =>
      createApi({
        token: () => readSession()?.token ?? null,
        onUnauthorized: () => {
          signOut();
          queryClient.clear();
          navigate('/sign-in', { replace: true, state: { from: here.current, expired: true } });
        },
      }),
    [signOut, navigate, queryClient],
  );
  return (
    <ApiContext.Provider value={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>');
  return api;
}

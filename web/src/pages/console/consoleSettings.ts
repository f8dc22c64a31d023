import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem';
import { useApi } from '../../api/ApiProvider';

/** The deployment's console settings (GET /v1/console/settings); they do not change while the app runs. */
export function useConsoleSettings() {
  const api = useApi();
  return useQuery({
    queryKey: ['console-settings'],
    queryFn: () => unwrap(api.GET('/v1/console/settings')),
    staleTime: Infinity,
  });
}


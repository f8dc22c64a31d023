import { useSession } from '../../../auth/SessionProvider';

/**
 * Whether the signed-in person may publish articles: supervisors and admins, as the API's
 * PUT /v1/knowledge/articles/{id} admits. Agents read the knowledge base without edit controls
 * rather than meet a 403.
 */
export function useMayEdit(): boolean {
  const { session } = useSession();
  return session?.role === 'supervisor' || session?.role === 'admin';
}

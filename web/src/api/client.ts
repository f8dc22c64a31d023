import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema';

/** The API, typed from its own OpenAPI document (schema.d.ts, `npm run web:types`). */
export type Api = Client<paths>;

export interface ApiOptions {
  /** Read at each request, so a sign-in takes effect at once. */
  token(): string | null;
  /** The API refused the token (expired, or signed with another secret): the page sends the user to sign in. */
  onUnauthorized(): void;
}

export function createApi({ token, onUnauthorized }: ApiOptions): Api {
  const api = createClient<paths>({ baseUrl: window.location.origin });
  api.use({
    onRequest({ request }) {
      const bearer = token();
      if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && request.headers.has('Authorization')) onUnauthorized();
      return response;
    },
  });
  return api;
}

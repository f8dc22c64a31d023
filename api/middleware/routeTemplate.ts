import type { Request } from 'express';

/**
 * The template of the route that answered a request (/v1/cases/:id), or null when none did (a file
 * of the web app, a path nothing serves). Express leaves the matched route on the request, also
 * when the route failed. Metrics label by it and traces name their spans by it, never by the path:
 * a label or a span name per case id would make every one of them unique.
 */
export function routeTemplate(req: Pick<Request, 'route' | 'baseUrl'>): string | null {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : null;
}

import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { problemCatalog, problemTypeUri, type ProblemKind } from './problem';
import { Problem } from './schemas/problem';

export type Responses = Record<number, ResponseConfig>;

export function jsonResponse(description: string, schema: z.ZodType, headers?: z.ZodObject): ResponseConfig {
  return { description, headers, content: { 'application/json': { schema } } };
}

/** Error answers documented from the same catalog the handlers throw from, grouped by status. */
export function problemResponses(kinds: readonly ProblemKind[]): Responses {
  const byStatus = new Map<number, ProblemKind[]>();
  for (const kind of new Set(kinds)) {
    const { status } = problemCatalog[kind];
    byStatus.set(status, [...(byStatus.get(status) ?? []), kind]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      status,
      {
        description: group.map((kind) => `${problemCatalog[kind].title} (${problemTypeUri(kind)})`).join('; '),
        content: { 'application/problem+json': { schema: Problem } },
      },
    ]),
  );
}

/** Anything that can describe itself to the OpenAPI registry: every route does. */
export interface Documented {
  document(registry: OpenAPIRegistry): void;
}

export function openApiDocument(routes: readonly Documented[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'HS256 JWT with claims sub, role (customer, agent, supervisor, supplier, admin) and, for agents, queues',
  });
  registry.registerComponent('securitySchemes', 'webhookSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'X-Webhook-Signature',
    description:
      "A partner's signature of each request, not a fixed key: v1=<hex HMAC-SHA256 with the partner's secret over " +
      '"<X-Webhook-Timestamp>.<raw body>">, the timestamp in Unix seconds and at most 5 minutes old by default',
  });
  for (const route of routes) route.document(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'After-Sales Orchestrator API',
      version: '1',
      description: 'After-sales cases (returns, exchanges, repairs, complaints) as durable workflows; errors are application/problem+json.',
      // package.json: UNLICENSED. Naming it tells an integrator no licence is granted.
      license: { name: 'Proprietary: no licence is granted' },
    },
  });
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** The document as one API serves it: naming the URL it is reached at, which the routes are relative to. */
export function servedDocument(document: OpenApiDocument, serverUrl: string): OpenApiDocument {
  return { ...document, servers: [{ url: serverUrl, description: 'This API' }] };
}

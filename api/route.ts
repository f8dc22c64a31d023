import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { type AccessRule, accessGuard, describeAccess } from './auth/access';
import type { TokenSettings } from './auth/tokens';
import { problemResponses, type Documented, type Responses } from './openapi';
import { HttpProblem, validationProblem, type ProblemKind } from './problem';
import type { FieldError } from './schemas/problem';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, H, B> {
  params: Parsed<P>;
  query: Parsed<Q>;
  headers: Parsed<H>;
  body: Parsed<B>;
}

/**
 * One declaration per route: the schemas below validate the request and are also what
 * /openapi.json publishes, so the documentation cannot drift from what is enforced.
 */
export interface RouteSpec<P, Q, H, B> {
  method: 'get' | 'post' | 'put';
  /** Express syntax (/v1/cases/:id); converted for the OpenAPI document. */
  path: string;
  /** Its stable, unique camelCase name in /openapi.json; client generators name their methods after it. */
  operationId: string;
  summary: string;
  tags: string[];
  /** Who may call it; enforced before anything else runs, and published in /openapi.json. */
  access: AccessRule;
  params?: P;
  query?: Q;
  /** Keys are header names as documented; lookup is case-insensitive. */
  headers?: H;
  body?: B;
  /** Runs after the access check and before validation: rate limits, body reading, signature checks. */
  before?: RequestHandler[];
  responses: Responses;
  /** Error answers this route gives besides the ones every route can give. */
  problems: ProblemKind[];
  handle(input: RouteInput<P, Q, H, B>, req: Request, res: Response): Promise<void>;
}

export interface Route extends Documented {
  mount(router: Router, tokens: TokenSettings): void;
}

function fieldErrors(where: FieldError['in'], error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    in: where,
    path: issue.path.map(String).join('.'),
    message: issue.message,
    // An enum's values, so a client (or a person reading the answer) can pick one instead of guessing.
    ...(issue.code === 'invalid_value' ? { allowed: issue.values.map(String) } : {}),
  }));
}

/**
 * A query parameter a route does not take is refused rather than ignored: a misspelt filter
 * (`?stauts=open`) would otherwise answer the whole, unfiltered list as if it were the answer.
 */
function unknownQueryParameters(schema: z.ZodObject | undefined, query: Record<string, unknown>): FieldError[] {
  const taken = Object.keys(schema?.shape ?? {});
  const takes = taken.length > 0 ? `this route takes ${taken.join(', ')}` : 'this route takes no query parameters';
  return Object.keys(query)
    .filter((name) => !taken.includes(name))
    .map((name) => ({ in: 'query', path: name, message: `not a query parameter of this route; ${takes}`, allowed: taken }));
}

function headerValues(req: Request, schema: z.ZodObject): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));
}

interface Schemas {
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
}

/** Path and query values are strings or lists of them (Express's simple query parser). */
function hasNul(values: Record<string, unknown>): boolean {
  return Object.values(values)
    .flat()
    .some((value) => typeof value === 'string' && value.includes('\0'));
}

/** Validates every part of the request and reports all problems at once, each with where it is. */
function parseRequest(spec: Schemas, req: Request): Record<keyof RouteInput<unknown, unknown, unknown, unknown>, unknown> {
  // PostgreSQL cannot store or compare NUL in text; bodies are checked as they are parsed (jsonBody).
  if (hasNul(req.params) || hasNul(req.query as Record<string, unknown>)) {
    throw new HttpProblem('bad-request', 'NUL characters (%00) are not accepted in the path or the query');
  }
  const errors: FieldError[] = [];
  const parse = (schema: z.ZodType | undefined, value: unknown, where: FieldError['in']): unknown => {
    if (schema === undefined) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...fieldErrors(where, result.error));
    return undefined;
  };
  errors.push(...unknownQueryParameters(spec.query, req.query as Record<string, unknown>));
  const input = {
    params: parse(spec.params, req.params, 'path'),
    query: parse(spec.query, req.query, 'query'),
    headers: spec.headers && parse(spec.headers, headerValues(req, spec.headers), 'header'),
    // An absent body is checked as {} so the answer lists each missing field.
    body: parse(spec.body, req.body ?? {}, 'body'),
  };
  if (errors.length > 0) {
    const detail = errors.map((e) => `${e.in} ${e.path || '(root)'}: ${e.message}`).join('; ');
    throw validationProblem(detail, errors);
  }
  return input;
}

function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** Error answers that follow from what a route reads, so no route has to list them. */
function implicitProblems(spec: Schemas & { access: AccessRule }): ProblemKind[] {
  // Every route refuses NUL characters in its path or query before any schema runs (and, where
  // it has them, undecodable path segments and unreadable bodies), and query parameters it does
  // not take.
  const kinds: ProblemKind[] = ['internal', 'bad-request', 'validation'];
  if (spec.access.kind === 'token') kinds.push('unauthorized', 'forbidden');
  if (spec.access.kind === 'partner-signature') kinds.push('invalid-signature');
  if (spec.body) kinds.push('malformed-json', 'payload-too-large', 'unsupported-media-type');
  return kinds;
}

function securityOf(access: AccessRule): Record<string, string[]>[] {
  switch (access.kind) {
    case 'token':
      return [{ bearerAuth: [] }];
    case 'partner-signature':
      return [{ webhookSignature: [] }];
    case 'public':
      return [];
  }
}

export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<P, Q, H, B>): Route {
  return {
    mount(router, tokens) {
      router[spec.method](spec.path, accessGuard(spec.access, tokens), ...(spec.before ?? []), async (req, res) => {
        // parseRequest ran each present schema, so each part has its schema's output type.
        await spec.handle(parseRequest(spec, req) as RouteInput<P, Q, H, B>, req, res);
      });
    },
    document(registry: OpenAPIRegistry) {
      registry.registerPath({
        method: spec.method,
        path: openApiPath(spec.path),
        operationId: spec.operationId,
        summary: spec.summary,
        description: describeAccess(spec.access),
        tags: spec.tags,
        security: securityOf(spec.access),
        request: {
          params: spec.params,
          query: spec.query,
          headers: spec.headers,
          body: spec.body && {
            // A body whose every field is optional may be left out entirely.
            required: !spec.body.safeParse({}).success,
            content: { 'application/json': { schema: spec.body } },
          },
        },
        responses: {
          ...spec.responses,
          ...problemResponses([...implicitProblems(spec), ...spec.problems]),
        },
      });
    },
  };
}

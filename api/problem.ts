import type { Request, Response } from 'express';
import type { FieldError, Problem } from './schemas/problem';

/**
 * Every error answer the API gives. Clients branch on `type`, so the slugs below are a public
 * contract: add new ones, never rename. The same catalog feeds the OpenAPI responses.
 */
export const problemCatalog = {
  validation: { status: 400, title: 'The request is invalid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'bad-request': { status: 400, title: 'The request could not be read' },
  'invalid-signature': { status: 401, title: 'The webhook signature is missing, invalid or stale' },
  unauthorized: { status: 401, title: 'A valid bearer token is required' },
  forbidden: { status: 403, title: 'Your role may not do this' },
  'not-found': { status: 404, title: 'No such resource' },
  'case-not-found': { status: 404, title: 'No such case' },
  'customer-not-found': { status: 404, title: 'No such customer' },
  'order-not-found': { status: 404, title: 'No such order of this customer' },
  'unknown-action': { status: 404, title: 'No such action' },
  'unknown-partner': { status: 404, title: 'The partner or shipment is not part of this case' },
  'not-sampled': { status: 404, title: 'The case is in no quality sample' },
  'line-conflict': { status: 409, title: 'An order line already has an open case' },
  'invalid-transition': { status: 409, title: 'Not allowed in the current state of the case' },
  'case-closed': { status: 409, title: 'The case is closed' },
  'not-delivered': { status: 409, title: 'The order system does not show the order delivered' },
  'already-converted': { status: 409, title: 'The case already became another case' },
  'already-assigned': { status: 409, title: 'Someone else already holds this case' },
  'already-reviewed': { status: 409, title: 'The sampled case has its quality review already' },
  'survey-not-open': { status: 409, title: 'The case has no survey open: not asked yet, answered already, or closed' },
  'stale-version': { status: 409, title: 'A newer version was published since the one edited' },
  'event-id-reuse': { status: 409, title: 'The partner event id was first used for another event' },
  'customer-has-open-cases': { status: 409, title: 'A case of the customer is still being worked on; finish it first' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'idempotency-key-reuse': { status: 422, title: 'The Idempotency-Key was used with a different request' },
  'action-rejected': { status: 422, title: 'The case refused the request' },
  'event-in-future': { status: 422, title: 'The event is dated further ahead than partner clocks may run fast' },
  'not-on-order': { status: 422, title: 'The order does not allow this request' },
  'not-convertible': { status: 422, title: 'The case cannot become a case of this type' },
  'day-not-over': { status: 422, title: 'The day is not over yet; it can be drawn once it is' },
  'undecodable-payload': { status: 422, title: 'A payload could not be decrypted' },
  'unknown-identity': { status: 422, title: 'This stack has nobody of that role and id to sign in as' },
  'rate-limited': { status: 429, title: 'Too many requests; slow down' },
  overloaded: { status: 429, title: 'The service is busy; retry after the time given' },
  internal: { status: 500, title: 'Internal error' },
  unavailable: { status: 503, title: 'A dependency is unavailable, retry later' },
  'not-ready': { status: 503, title: 'Not ready' },
  'step-early': { status: 503, title: 'The case has not reached this step yet; retry later' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemKind = keyof typeof problemCatalog;

const typeBase = 'https://after-sales.example/problems/';

export function problemTypeUri(kind: ProblemKind): string {
  return `${typeBase}${kind}`;
}

/** Thrown anywhere in a request; the error handler turns it into the answer. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    /** Seconds; set when waiting is the fix (503). */
    readonly retryAfter?: number,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function validationProblem(detail: string, errors: FieldError[]): HttpProblem {
  return new HttpProblem('validation', detail, { errors });
}

/** The kind of problem a response answered with, if any: what the request metrics count rejections by. */
export function problemSent(res: Response): ProblemKind | undefined {
  return res.locals.problem as ProblemKind | undefined;
}

export function sendProblem(req: Request, res: Response, problem: HttpProblem): void {
  const { title, status } = problemCatalog[problem.kind];
  res.locals.problem = problem.kind;
  const body: Problem = {
    ...problem.extensions,
    type: problemTypeUri(problem.kind),
    title,
    status,
    detail: problem.detail,
    requestId: String(req.id),
  };
  if (problem.retryAfter !== undefined) res.set('Retry-After', String(problem.retryAfter));
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

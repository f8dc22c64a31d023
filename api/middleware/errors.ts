import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpProblem, sendProblem } from '../problem';

export const notFound: RequestHandler = (req) => {
  throw new HttpProblem('not-found', `${req.method} ${req.path} is not a route of this API`);
};

/**
 * Express's body readers and path decoding report bad input as errors carrying a 4xx `status`
 * (http-errors style); those are the client's to fix, and their messages are written for them.
 */
function fromClientError(err: unknown): HttpProblem | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { status, message } = err as { status?: unknown; message?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const detail = typeof message === 'string' ? message : 'the request could not be read';
  if (status === 413) return new HttpProblem('payload-too-large', detail);
  if (status === 415) return new HttpProblem('unsupported-media-type', detail);
  return new HttpProblem('bad-request', detail);
}

export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const problem = err instanceof HttpProblem ? err : fromClientError(err);
  if (problem) return sendProblem(req, res, problem);
  // pino-http logs the error with the completion line; the client sees no internals.
  res.err = err instanceof Error ? err : new Error(String(err));
  sendProblem(req, res, new HttpProblem('internal', 'unexpected error; quote the requestId when reporting it'));
};

import express, { type RequestHandler } from 'express';
import { HttpProblem } from '../problem';

/** Case requests and partner events are small documents; anything bigger is a mistake or abuse. */
const BODY_LIMIT = '100kb';

const requireJson: RequestHandler = (req, _res, next) => {
  // A request without a body (req.is answers null; clients send Content-Length: 0 on a bare POST)
  // is judged by its schema instead: some actions take no body at all.
  const empty = req.get('content-length') === '0';
  if (!empty && req.is('application/json') === false) {
    throw new HttpProblem(
      'unsupported-media-type',
      `Content-Type "${req.get('content-type') ?? ''}" is not supported; send application/json`,
    );
  }
  next();
};

/** Keeps the exact bytes in req.body: webhook signatures are computed over them, not over re-serialized JSON. */
const readRawBody = express.raw({ limit: BODY_LIMIT, type: 'application/json' });

export function rawBodyOf(req: express.Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** A \u0000 escape that is not itself escaped (\\u0000 is the six characters "\u0000"). */
const NUL_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\u0000/;

const parseJson: RequestHandler = (req, _res, next) => {
  const raw = rawBodyOf(req);
  if (raw.length === 0) {
    req.body = undefined;
    return next();
  }
  const text = raw.toString('utf8');
  // PostgreSQL cannot store NUL in text or jsonb, and no field has a use for it.
  if (NUL_ESCAPE.test(text)) throw new HttpProblem('bad-request', 'NUL characters (\\u0000) are not accepted');
  try {
    req.body = JSON.parse(text);
  } catch (err) {
    throw new HttpProblem('malformed-json', (err as Error).message);
  }
  next();
};

/**
 * Reading and parsing are separate steps so a route can check the raw bytes in between
 * (webhook signatures) and every JSON body is still parsed and limited the same way.
 */
export function jsonBody(...checkRaw: RequestHandler[]): RequestHandler[] {
  return [requireJson, readRawBody, ...checkRaw, parseJson];
}

import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp, type StdSerializedResults } from 'pino-http';
import { requestCredentialPaths } from '../../config/logger';
import { CENSOR } from '../../config/redaction';
import { withoutCredentials } from './urlCredentials';

/** A caller's request id is reused only when it is short and plain, so it cannot forge log structure. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The app does not trust its caller's logger to censor: credentials in request headers are
 * redacted here too, so they never reach a request log line. Bodies are never logged.
 */
export function redactingLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: requestCredentialPaths, censor: CENSOR } });
}

/** Remembers the case a request is about so its completion line can name it. */
export function caseLogger(req: Request, res: Response, caseId: string): Logger {
  res.locals.caseId = caseId;
  return req.log.child({ caseId });
}

/**
 * The request as its completion line shows it: the URL and the Referer with any credential in them
 * censored, and no separate copy of the query (the URL has it) that would carry them uncensored.
 */
function loggedRequest(req: StdSerializedResults['req']): Omit<StdSerializedResults['req'], 'query' | 'raw'> {
  const { query: _query, ...logged } = req;
  const { referer } = req.headers;
  return {
    ...logged,
    url: withoutCredentials(req.url),
    // A copy: the serializer is handed the request's own headers.
    headers: referer === undefined ? req.headers : { ...req.headers, referer: withoutCredentials(referer) },
  };
}

export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    serializers: { req: loggedRequest },
    // Handler lines carry just reqId; the request itself is logged once, on the completion line.
    quietReqLogger: true,
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customProps: (_req, res) => {
      const caseId: unknown = (res as Response).locals?.caseId;
      return typeof caseId === 'string' ? { caseId } : {};
    },
    // A 503 tells the caller to come back (a dependency is down, a partner step is early): worth a
    // warning, not an alarm. pino-http hands every 5xx an error, so the status decides first.
    customLogLevel: (_req, res, err) => {
      if (res.statusCode === 503) return 'warn';
      return err || res.statusCode >= 500 ? 'error' : 'info';
    },
  });
}

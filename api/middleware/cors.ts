import cors, { type CorsOptions } from 'cors';
import type { RequestHandler } from 'express';
import type { Config } from '../../config/env';

/**
 * Browsers may call the API from the configured origins only, and the codec endpoint from the
 * Temporal UI's origins only: the UI has no business calling the case API, nor an app the codec.
 * No cookies are involved (bearer tokens), so credentials stay off.
 */
export function corsPolicy(config: Config): RequestHandler {
  const common: CorsOptions = {
    methods: ['GET', 'POST', 'PUT'],
    exposedHeaders: ['Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'WWW-Authenticate', 'RateLimit', 'RateLimit-Policy'],
    maxAge: 600,
  };
  const api = { ...common, origin: config.CORS_ORIGINS };
  const codec = { ...common, origin: config.CODEC_CORS_ORIGINS };
  return cors((req, done) => done(null, req.url?.startsWith('/codec/') ? codec : api));
}

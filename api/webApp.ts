import path from 'node:path';
import express, { type RequestHandler } from 'express';

/**
 * The web app (web/, docs/web.md), built to web/dist and served by the API on the same origin: its
 * files as they are, and its index.html for the pages the app routes itself. Anything else (the
 * API's routes, /openapi.json, probes, an unknown /v1 path) never gets the page: it keeps its own
 * answer or the 404 problem. Without a build the API answers as if there were no web app.
 */

/** Beside the compiled API as beside the sources: web/dist from api/, dist/web/dist from dist/api/ in the image. */
export const webDistDir = path.resolve(__dirname, '../web/dist');

/** The paths the app's router answers (web/src/routes.tsx). */
const PAGE = /^\/(?:sign-in|console(?:\/[^.]*)?|track(?:\/[^.]*)?)?\/?$/;

/** File names under assets/ carry their content hash, so a browser may keep them for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function webApp(dir = webDistDir): RequestHandler[] {
  const files = express.static(dir, {
    index: false,
    redirect: false,
    setHeaders(res, file) {
      res.set('Cache-Control', path.relative(dir, file).startsWith(`assets${path.sep}`) ? IMMUTABLE : 'no-cache');
    },
  });
  const page: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !PAGE.test(req.path)) return next();
    // no-cache: a new build's page, naming the new assets, is fetched on the next visit.
    res.sendFile(path.join(dir, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }, (err?: NodeJS.ErrnoException) => {
      if (err?.code === 'ENOENT') next();
      else if (err) next(err);
    });
  };
  return [page, files];
}

import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { DOCS_INIT_SCRIPT, docsPage } from './docs-page';

/**
 * The docs' Content-Security-Policy: everything from this origin only, no inline script, no
 * eval, no framing. Images also allow `data:` URIs: Swagger UI's stylesheet draws its icons so.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = {
  'Content-Security-Policy': DOCS_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The only files of swagger-ui-dist the page loads; nothing else of the package is served. */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
};

/**
 * `GET /api/docs/`: an interactive reference rendered by Swagger UI from the served
 * `/api/openapi.json`, its files served from `swaggerDir` (no CDN). `guards` run first, as for
 * the UI: the page holds no data; the document it fetches is guarded like every API route.
 */
export function docsRoutes(
  swaggerDir: string,
  options: { apiKeys: boolean },
  guards: readonly RequestHandler[],
): express.Router {
  const router = express.Router();
  const page = docsPage(options);
  router.get('/api/docs', ...guards, (req, res) => {
    // The page's URLs are relative: without the slash they would resolve beside it.
    const [path = '', query] = req.originalUrl.split('?', 2) as [string, string?];
    if (!path.endsWith('/')) {
      return res.redirect(301, `${path}/${query === undefined ? '' : `?${query}`}`);
    }
    res.status(200).set(HEADERS).set('Cache-Control', 'no-cache').type('html').send(page);
  });
  router.get('/api/docs/init.js', ...guards, (_req, res) => {
    res.status(200).set(HEADERS).set('Cache-Control', 'no-cache').type('text/javascript');
    res.send(DOCS_INIT_SCRIPT);
  });
  for (const [file, type] of Object.entries(ASSETS)) {
    router.get(`/api/docs/${file}`, ...guards, (_req, res) => {
      res.status(200).set(HEADERS).set('Cache-Control', 'public, max-age=3600').type(type);
      res.sendFile(join(swaggerDir, file));
    });
  }
  return router;
}

import { join } from 'node:path';
import express, { type RequestHandler } from 'express';
import { UI_SECURITY_HEADERS } from './headers';
import type { UiFiles } from './locate-ui';
import { type UiPageOptions, uiPage } from './page';

/** A year in seconds: asset names carry a content hash, so a changed file has a new name. */
const ASSET_MAX_AGE_SECONDS = 31_536_000;

/**
 * The UI's routes: the page at the mount root (`no-cache`, so a new release shows at once) and
 * its hashed assets under `assets/` (`immutable`). `guards` run first, as for the API.
 */
export function uiRoutes(
  files: UiFiles,
  options: UiPageOptions,
  guards: readonly RequestHandler[],
): express.Router {
  const router = express.Router();
  const page = uiPage(files.indexHtml, options);

  router.get('/', ...guards, (req, res) => {
    // The page's URLs are relative: under `/prefix` (no slash) they would resolve beside it.
    const [path = '/', query] = req.originalUrl.split('?', 2) as [string, string?];
    if (!path.endsWith('/')) {
      return res.redirect(301, `${path}/${query === undefined ? '' : `?${query}`}`);
    }
    res
      .status(200)
      .set(UI_SECURITY_HEADERS)
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(page);
  });

  const assets = express.static(join(files.dir, 'assets'), {
    index: false,
    redirect: false,
    immutable: true,
    maxAge: ASSET_MAX_AGE_SECONDS * 1000,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(UI_SECURITY_HEADERS)) res.setHeader(name, value);
    },
  });
  router.use('/assets', ...guards, assets, (_req, res) => {
    res.status(404).json({ detail: 'No such UI asset', code: 'NOT_FOUND' });
  });
  return router;
}

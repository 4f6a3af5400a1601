import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the built single-page app (`index.html` and the hashed files under
 * `assets/`), for hosts that serve it without `@cupid-dashboard/express`. Both the sources
 * (`src/`) and the build (`dist/`) sit one level below the package root, so the path is the same
 * from either. The folder exists once the package is built (`npm run build`).
 *
 * @example
 * import { uiAssetsDir } from '@cupid-dashboard/ui';
 * app.use('/dashboard', express.static(uiAssetsDir));
 */
export const uiAssetsDir: string = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'dist',
  'app',
);

/** The file served at the mount root; every other file of the app lives under `assets/`. */
export const UI_INDEX_FILE = 'index.html';

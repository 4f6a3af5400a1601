import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // Resolved from the user's install, never bundled: msw must be the same instance as the user's
  // setupServer, and zod is shared with core.
  external: ['msw', 'zod', '@cupid-dashboard/core'],
});

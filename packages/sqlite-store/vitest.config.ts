import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
  test: {
    name: 'sqlite-store',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed check: a store on a file starts its write thread, which from
    // sources loads TypeScript through tsx (about a second each, more on a loaded machine).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
  test: {
    name: 'langfuse-simulator',
    include: ['test/**/*.test.ts'],
    // A hang guard, not a speed check: real-HTTP tests over large datasets take seconds on a
    // loaded machine, past Vitest's 5 s default.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

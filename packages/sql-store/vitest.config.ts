import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'import', 'default'] } },
  // The shared queries are tested through both stores' conformance suites; these are the parts
  // that need no database.
  test: { name: 'sql-store', include: ['test/**/*.test.ts'] },
});

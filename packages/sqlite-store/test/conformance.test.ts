import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DashboardStore } from '@cupid-dashboard/core';
import { DEFAULT_CONFORMANCE_DATASETS, storeConformanceSuite } from '@cupid-dashboard/core/testing';
import { afterAll } from 'vitest';
import { createSqliteStore } from '../src/index';

storeConformanceSuite('sqlite (in memory)', (context) =>
  createSqliteStore({ path: ':memory:', ...context }),
);

// A file exercises what memory cannot: WAL and the separate read connection. Two of the generated
// datasets (a full and a legacy shape) cover that; the in-memory run above takes all of them.
const directory = mkdtempSync(join(tmpdir(), 'sqlite-store-conformance-'));
let files = 0;
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// Which file each store of the file run opened, so the suite can open a sibling on it.
const pathOf = new WeakMap<DashboardStore, string>();

storeConformanceSuite(
  'sqlite (temp file)',
  async (context) => {
    const path = join(directory, `store-${files++}.db`);
    const store = await createSqliteStore({ path, ...context });
    pathOf.set(store, path);
    return store;
  },
  {
    openSibling: (store, context) => {
      const path = pathOf.get(store);
      if (path === undefined) throw new Error('not a store of this suite');
      return createSqliteStore({ path, ...context });
    },
    largeInputs: false,
    datasets: DEFAULT_CONFORMANCE_DATASETS.filter((spec) =>
      ['small week', 'legacy shape'].includes(spec.name),
    ),
  },
);

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

storeConformanceSuite(
  'sqlite (temp file)',
  (context) => createSqliteStore({ path: join(directory, `store-${files++}.db`), ...context }),
  {
    largeInputs: false,
    datasets: DEFAULT_CONFORMANCE_DATASETS.filter((spec) =>
      ['small week', 'legacy shape'].includes(spec.name),
    ),
  },
);

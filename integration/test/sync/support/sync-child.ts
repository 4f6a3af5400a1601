/**
 * A sync in a process of its own, for the SIGKILL and two-process tests:
 * `node --conditions=source --import tsx sync-child.ts <baseUrl> <dbPath> <pageSize> <apiMode> <owner> [wait]`.
 *
 * Prints one line per event: `ready` once the store is open (with `wait`, it then waits for a
 * `go` line on stdin), `page <n> <phase>` after every committed page, `upsert <start> <end>`
 * (epoch ms) around every store write, and `done <result JSON>` at the end.
 */
import { createInterface } from 'node:readline';
import {
  createLangfuseClient,
  createSyncService,
  type DashboardStore,
} from '@cupid-dashboard/core';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';

const [baseUrl, path, pageSize, apiMode, owner, wait] = process.argv.slice(2);
const inner = await createSqliteStore({ path: path as string });
const store = Object.create(inner) as DashboardStore;
store.upsert = async (batch) => {
  const start = Date.now();
  try {
    return await inner.upsert(batch);
  } finally {
    console.log(`upsert ${start} ${Date.now()}`);
  }
};
const client = createLangfuseClient({
  publicKey: 'pk-lf-simulator',
  secretKey: 'sk-lf-simulator',
  baseUrl: baseUrl as string,
});
const sync = createSyncService({
  client,
  store,
  apiMode: apiMode as 'v2' | 'legacy',
  pageSize: Number(pageSize),
  owner: owner as string,
  leaseTtlMs: 1_000,
});
sync.onProgress((progress) => console.log(`page ${progress.pages} ${progress.phase}`));
console.log('ready');
if (wait === 'wait') {
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();
}
const result = await sync.sync();
console.log(`done ${JSON.stringify(result)}`);
await inner.close();

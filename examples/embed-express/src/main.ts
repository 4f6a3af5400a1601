import { createDashboard } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import { createSqliteStore } from '@cupid-dashboard/sqlite-store';
import { createApp, DASHBOARD_PREFIX } from './app';
import type { HostUser } from './host-auth';

/**
 * `npm start -w examples/embed-express`: the host app on PORT (3000). With LANGFUSE_PUBLIC_KEY
 * and LANGFUSE_SECRET_KEY set it syncs from Langfuse (LANGFUSE_BASE_URL); without them it starts
 * a local Langfuse simulator with 200 generated sessions so the example runs anywhere.
 */
const port = Number(process.env.PORT ?? 3000);
let langfuse = {
  publicKey: process.env.LANGFUSE_PUBLIC_KEY ?? '',
  secretKey: process.env.LANGFUSE_SECRET_KEY ?? '',
  baseUrl: process.env.LANGFUSE_BASE_URL,
};
let stopSimulator = async () => {};
if (!langfuse.publicKey || !langfuse.secretKey) {
  const end = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
  const sim = createLangfuseSimulator({
    dataset: generateCupidDataset({ seed: 3, sessions: 200, end }),
  });
  const running = await sim.listen();
  stopSimulator = running.close;
  langfuse = { publicKey: sim.publicKey, secretKey: sim.secretKey, baseUrl: running.url };
  console.log(`No Langfuse keys set: syncing from a local simulator at ${running.url}`);
}

const dashboard = createDashboard({
  store: await createSqliteStore({ path: process.env.DATABASE_PATH ?? ':memory:' }),
  langfuse,
  schedule: { intervalSeconds: 60 },
});

// The host's session store. Sign in by sending the cookie `session=admin-session`.
const users = new Map<string, HostUser>([
  ['admin-session', { id: 'u1', name: 'Ada', role: 'admin' }],
  ['member-session', { id: 'u2', name: 'Max', role: 'member' }],
]);
const app = createApp({ dashboard, sessions: (id) => users.get(id) });
const server = app.listen(port, () => {
  const base = `http://localhost:${port}`;
  console.log(`Host app on ${base}`);
  console.log(`  curl -s ${base}/api/me -H 'Cookie: session=admin-session'`);
  console.log(
    `  curl -s '${base}${DASHBOARD_PREFIX}/api/sessions?limit=3' -H 'Cookie: session=admin-session'`,
  );
  console.log(
    `  curl -s -i ${base}${DASHBOARD_PREFIX}/api/agents -H 'Cookie: session=member-session'   # 403`,
  );
});

const stop = () => {
  server.close();
  server.closeAllConnections();
  void dashboard
    .close()
    .then(stopSimulator)
    .then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

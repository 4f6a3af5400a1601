import { createDashboard, createMemoryStore, type Dashboard } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { createLangfuseSimulator } from '@cupid-dashboard/langfuse-simulator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../examples/embed-express/src/app';
import type { HostUser } from '../../../examples/embed-express/src/host-auth';

// The embedding example: the host's own routes and auth, the dashboard under its prefix.
const dataset = generateCupidDataset({ seed: 11, sessions: 12 });
const sim = createLangfuseSimulator({ dataset });
const users = new Map<string, HostUser>([
  ['admin-cookie', { id: 'u1', name: 'Ada', role: 'admin' }],
  ['member-cookie', { id: 'u2', name: 'Max', role: 'member' }],
]);
const admin = 'session=admin-cookie';
const member = 'session=member-cookie';

let dashboard: Dashboard;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dashboard = createDashboard({
    store: createMemoryStore(),
    langfuse: {
      publicKey: sim.publicKey,
      secretKey: sim.secretKey,
      baseUrl: sim.baseUrl,
      fetch: sim.fetch,
    },
  });
  const result = await dashboard.sync!.sync();
  expect(result.status).toBe('success');
  app = createApp({ dashboard, sessions: (id) => users.get(id), readOnly: true });
});

afterAll(async () => {
  await dashboard?.close();
});

describe('embed-express example', () => {
  it('keeps the host routes and auth', async () => {
    expect((await request(app).get('/')).status).toBe(200);
    expect((await request(app).get('/api/me')).body).toEqual({ error: 'sign in first' });
    const me = await request(app).get('/api/me').set('Cookie', admin);
    expect(me.body).toEqual({ id: 'u1', name: 'Ada', role: 'admin' });
  });

  it('guards the dashboard with the host auth', async () => {
    const anonymous = await request(app).get('/internal/dashboard/api/sessions');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: 'sign in first' });
    const notAdmin = await request(app).get('/internal/dashboard/api/agents').set('Cookie', member);
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body).toEqual({ error: 'admins only' });
    const health = await request(app).get('/internal/dashboard/health');
    expect(health.status).toBe(401);
  });

  it('serves the dashboard under the prefix only', async () => {
    const sessions = await request(app)
      .get('/internal/dashboard/api/sessions')
      .set('Cookie', admin);
    expect(sessions.status).toBe(200);
    expect(sessions.body.pagination.total).toBe(12);
    const conversation = await request(app)
      .get(`/internal/dashboard/api/sessions/${sessions.body.sessions[0].id}/conversation`)
      .set('Cookie', admin);
    expect(conversation.status).toBe(200);
    const outside = await request(app).get('/api/sessions').set('Cookie', admin);
    expect(outside.status).toBe(404);
    expect(outside.body).toEqual({ error: 'not found' });
  });

  it('describes the prefix in the OpenAPI document', async () => {
    const doc = await request(app).get('/internal/dashboard/api/openapi.json').set('Cookie', admin);
    expect(doc.status).toBe(200);
    expect(doc.body.servers).toEqual([{ url: '/internal/dashboard' }]);
  });

  it('is read-only when the host asks', async () => {
    const trigger = await request(app)
      .post('/internal/dashboard/api/sync/trigger')
      .set('Cookie', admin);
    expect(trigger.status).toBe(403);
  });
});

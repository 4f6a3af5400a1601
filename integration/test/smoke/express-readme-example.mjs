// server.mjs — `npm install express @cupid-dashboard/core @cupid-dashboard/express`, then `node server.mjs`
import { createDashboard, createMemoryStore } from '@cupid-dashboard/core';
import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { dashboardRouter } from '@cupid-dashboard/express';
import express from 'express';

// Sample data so the example answers something; a real host passes a SQLite store and Langfuse keys.
const store = createMemoryStore();
const { sessions, traces, observations } = generateCupidDataset({ sessions: 50, end: Date.now() });
await store.refresh((await store.upsert({ sessions, traces, observations })).touched);
const dashboard = createDashboard({ store });

const app = express();
app.use(
  '/internal/dashboard',
  dashboardRouter(dashboard, {
    apiKeys: ['change-me'],
    cors: { origins: ['http://localhost:5173'] },
    readOnly: true,
  }),
);
const server = app.listen(Number(process.env.PORT ?? 3000), () => {
  const url = `http://localhost:${server.address().port}/internal/dashboard/api/sessions?limit=5`;
  console.log(`curl -H 'X-API-Key: change-me' '${url}'`);
});

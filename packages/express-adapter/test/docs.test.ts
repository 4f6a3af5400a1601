import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dashboard } from '@cupid-dashboard/core';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateSwaggerUi } from '../src/docs/locate-swagger-ui';
import { type DashboardRouterOptions, dashboardRouter } from '../src/index';
import { seededDashboard, stores } from './support/dataset';

// The API docs over real HTTP: a listening server under a prefix, the page, its assets and the
// document they render.
const open = stores[1]?.[1] as (typeof stores)[number][1];
let dashboard: Dashboard;
const servers: Server[] = [];
const PREFIX = '/internal/dashboard';

async function serve(options: DashboardRouterOptions): Promise<string> {
  const app = express().use(PREFIX, dashboardRouter(dashboard, options));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
}

beforeAll(async () => {
  dashboard = await seededDashboard(open);
});

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await dashboard?.close();
});

describe('docs', () => {
  it('serves the page, its local assets and a script that renders the served document', async () => {
    const base = await serve({ docs: true });
    const redirect = await fetch(`${base}/api/docs`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe(`${PREFIX}/api/docs/`);
    const page = await fetch(`${base}/api/docs/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const html = await page.text();
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(urls).toEqual(['./swagger-ui.css', './swagger-ui-bundle.js', './init.js']);
    expect(html).not.toMatch(/<script>|<style>/);
    for (const url of urls) {
      const asset = await fetch(new URL(url, `${base}/api/docs/`));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-security-policy')).toBe(csp);
      expect((await asset.text()).length).toBeGreaterThan(100);
    }
    const init = await (await fetch(`${base}/api/docs/init.js`)).text();
    expect(init).toContain("new URL('../openapi.json', window.location.href)");
    const document = await fetch(new URL('../openapi.json', `${base}/api/docs/`));
    expect(document.status).toBe(200);
    expect(((await document.json()) as { openapi: string }).openapi).toMatch(/^3\.1/);
    // Only the files the page loads: nothing else of the package.
    expect((await fetch(`${base}/api/docs/index.html`)).status).toBe(404);
  });

  it('guards the page with the auth hook and the document with the API keys', async () => {
    const base = await serve({
      docs: true,
      apiKeys: ['docs-key'],
      auth: (req: express.Request) => req.get('x-staff') === 'yes',
    });
    expect((await fetch(`${base}/api/docs/`)).status).toBe(401);
    expect((await fetch(`${base}/api/docs/swagger-ui-bundle.js`)).status).toBe(401);
    const staff = { 'x-staff': 'yes' };
    const page = await fetch(`${base}/api/docs/`, { headers: staff });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('{&quot;apiKeys&quot;:true}');
    expect((await fetch(`${base}/api/openapi.json`, { headers: staff })).status).toBe(401);
    const withKey = await fetch(`${base}/api/openapi.json`, {
      headers: { ...staff, authorization: 'Bearer docs-key' },
    });
    expect(withKey.status).toBe(200);
  });

  it('answers 404 without the option, and says what to install when swagger-ui-dist is missing', async () => {
    const base = await serve({});
    expect((await fetch(`${base}/api/docs/`)).status).toBe(404);
    const missing = () => {
      throw Object.assign(new Error('not found'), { code: 'MODULE_NOT_FOUND' });
    };
    expect(() => locateSwaggerUi(missing)).toThrow(
      expect.objectContaining({
        code: 'DASHBOARD_CONFIG',
        message: expect.stringContaining('npm install swagger-ui-dist'),
      }),
    );
  });
});

import { createMemoryStore, type Dashboard, isDashboardError } from '@cupid-dashboard/core';
import express, { type Request } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardRouter } from '../src/index';
import { locateUi } from '../src/ui/locate-ui';
import { seededDashboard } from './support/dataset';

const PREFIX = '/internal/dashboard';
let dashboard: Dashboard;
beforeAll(async () => {
  dashboard = await seededDashboard(async () => createMemoryStore());
});

function app(options: Parameters<typeof dashboardRouter>[1] = {}) {
  return request(express().use(PREFIX, dashboardRouter(dashboard, { ui: true, ...options })));
}

const optionsOf = (html: string) => {
  const content = /<meta name="cupid-dashboard-options" content="([^"]*)"/.exec(html)?.[1];
  return JSON.parse((content ?? '').replaceAll('&quot;', '"')) as unknown;
};

describe('ui: true', () => {
  it('serves the page at the mount root, not cached, under a strict Content-Security-Policy', async () => {
    const page = await app().get(`${PREFIX}/`);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.text).toContain('<div id="app">');
    expect(optionsOf(page.text)).toEqual({ readOnly: false, apiKeys: false });
  });

  it('redirects the prefix without its slash, so the relative URLs resolve under it', async () => {
    const bare = await app().get(`${PREFIX}?x=1`);
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe(`${PREFIX}/?x=1`);
  });

  it('serves the hashed assets the page names as immutable, and 404s others as JSON', async () => {
    const agent = app();
    const page = await agent.get(`${PREFIX}/`);
    const assets = [...page.text.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((path) => path?.endsWith('.js'))).toBe(true);
    expect(assets.some((path) => path?.endsWith('.css'))).toBe(true);
    for (const path of assets) {
      const asset = await agent.get(`${PREFIX}/${path}`);
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-security-policy']).toContain("default-src 'none'");
    }
    const missing = await agent.get(`${PREFIX}/assets/nope.js`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'No such UI asset', code: 'NOT_FOUND' });
  });

  it('keeps the API beside the page, and tells the page about read-only mounts and API keys', async () => {
    const agent = app({ readOnly: true, apiKeys: ['k-1'] });
    const page = await agent.get(`${PREFIX}/`);
    // The page holds no data and a browser cannot send a key to open it: the key guards the API.
    expect(page.status).toBe(200);
    expect(optionsOf(page.text)).toEqual({ readOnly: true, apiKeys: true });
    expect((await agent.get(`${PREFIX}/api/sessions`)).status).toBe(401);
    const listed = await agent.get(`${PREFIX}/api/sessions`).set('Authorization', 'Bearer k-1');
    expect(listed.status).toBe(200);
    expect(listed.body.sessions.length).toBeGreaterThan(0);
  });

  it("puts the page and its assets behind the host's auth hook", async () => {
    const agent = app({ auth: (req: Request) => req.get('x-admin') === 'yes' });
    expect((await agent.get(`${PREFIX}/`)).status).toBe(401);
    const page = await agent.get(`${PREFIX}/`).set('x-admin', 'yes');
    expect(page.status).toBe(200);
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect((await agent.get(`${PREFIX}/${script}`)).status).toBe(401);
    expect((await agent.get(`${PREFIX}/${script}`).set('x-admin', 'yes')).status).toBe(200);
  });

  it('serves no page without the option', async () => {
    const plain = request(express().use(PREFIX, dashboardRouter(dashboard)));
    expect((await plain.get(`${PREFIX}/`)).status).toBe(404);
    expect((await plain.get(`${PREFIX}/assets/x.js`)).status).toBe(404);
  });
});

describe('locating @cupid-dashboard/ui', () => {
  const notFound = (specifier: string) => {
    throw Object.assign(new Error(`Cannot find module '${specifier}'`), {
      code: 'MODULE_NOT_FOUND',
    });
  };
  const failure = (resolve: (specifier: string) => string) => {
    try {
      locateUi(resolve);
    } catch (error) {
      return error;
    }
    throw new Error('locateUi did not throw');
  };

  it('says to install the package when it is missing', () => {
    const error = failure(notFound);
    expect(isDashboardError(error, 'DASHBOARD_CONFIG')).toBe(true);
    expect((error as Error).message).toContain('npm install @cupid-dashboard/ui');
  });

  it('says to build it when it is installed without its app', () => {
    const error = failure((specifier) =>
      specifier.endsWith('package.json') ? '/somewhere/package.json' : notFound(specifier),
    );
    expect(isDashboardError(error, 'DASHBOARD_CONFIG')).toBe(true);
    expect((error as Error).message).toContain('run npm run build');
  });

  it('finds the built app of the installed package', () => {
    const files = locateUi();
    expect(files.indexHtml).toContain('cupid-dashboard-options');
  });
});

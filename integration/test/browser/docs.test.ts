import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDashboard, createMemoryStore } from '@cupid-dashboard/core';
import { dashboardRouter } from '@cupid-dashboard/express';
import express from 'express';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from './support/chromium';

// The API docs in real Chromium: Swagger UI renders every route of the served document under
// the docs' Content-Security-Policy, loading nothing from anywhere but this origin.
const run = chromiumAvailable();
const dashboard = createDashboard({ store: createMemoryStore() });
let server: Server;
let browser: Browser;
let base = '';

beforeAll(async () => {
  if (!run) return;
  const app = express().use('/internal/dashboard', dashboardRouter(dashboard, { docs: true }));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/dashboard`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
  await dashboard.close();
});

describe.runIf(run)('API docs in Chromium', () => {
  it('renders every operation of the served document, from this origin only', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    const violations: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${base}/api/docs/`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    const document = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(document.paths).flatMap((methods) => Object.keys(methods));
    expect(await page.locator('.opblock').count()).toBe(operations.length);
    expect(requested.some((url) => url.endsWith('/internal/dashboard/api/openapi.json'))).toBe(
      true,
    );
    const origin = new URL(base).origin;
    expect(requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual(
      [],
    );
    // Swagger UI sets a few style attributes, which the policy blocks; scripts are never refused.
    expect(violations.filter((text) => /script/i.test(text))).toEqual([]);
    await page.close();
  });
});

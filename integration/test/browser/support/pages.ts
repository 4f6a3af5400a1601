import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where screenshots go: a gitignored folder at the repository root, kept as a CI artifact. */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../../../artifacts/screenshots/', import.meta.url),
);

export type Theme = 'light' | 'dark';

/** A page that records every console error and uncaught exception, for `expect(errors).toEqual([])`. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** URLs of the API calls the page made, in order. */
  calls: string[];
}

export async function openPage(
  browser: Browser,
  options: { theme?: Theme; width?: number; height?: number; timeZone?: string } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    colorScheme: options.theme ?? 'light',
    // The page sends its zone as `tz`: fixed, so the figures compared with the API's default
    // (UTC) do not depend on the machine's zone.
    timezoneId: options.timeZone ?? 'UTC',
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const calls: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`(${response.status()} ${response.url()})`);
  });
  page.on('request', (request) => {
    if (request.url().includes('/api/')) calls.push(request.url());
  });
  return { context, page, errors, calls };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

/** GETs a route from the test, as the page would, for the figures to compare against. */
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies, compared field by field
export async function apiJson(base: string, path: string, key?: string): Promise<any> {
  const headers: Record<string, string> = key ? { Authorization: `Bearer ${key}` } : {};
  const response = await fetch(new URL(path, base), { headers });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

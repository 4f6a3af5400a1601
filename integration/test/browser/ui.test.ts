import { generateCupidDataset } from '@cupid-dashboard/core/dataset';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumAvailable } from './support/chromium';
import { apiJson, openPage, screenshot, type Theme, type WatchedPage } from './support/pages';
import { API_KEY, type Stack, startStack } from './support/stack';

// The built UI in real Chromium against the dashboard server, which synced from the simulator.
// Every figure checked on a page is compared with what the API answers for the same query.
const count = (value: number) => new Intl.NumberFormat('en-US').format(value);
/** Chromium logs every failed fetch; tests that fail requests on purpose drop those lines. */
const unexpected = (errors: string[], status: string) =>
  errors.filter(
    (line) =>
      !(line.includes('Failed to load resource') || line.startsWith('(')) || !line.includes(status),
  );

let stack: Stack;
let browser: Browser;
let root = '';

describe.skipIf(!chromiumAvailable())('the web UI in Chromium', () => {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startStack(),
      chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }),
    ]);
    root = stack.rootUrl;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function kpisOf(watched: WatchedPage) {
    const cards = watched.page.locator('[data-kpi]');
    await cards.first().waitFor();
    return cards.evaluateAll((elements) =>
      elements.map((element) => ({
        name: element.getAttribute('data-kpi') ?? '',
        value: element.getAttribute('data-value') ?? '',
        deltaPct: element.querySelector('[data-delta-pct]')?.getAttribute('data-delta-pct') ?? '',
        text: element.querySelector('.kpi-value')?.textContent ?? '',
      })),
    );
  }

  /** Waits until the overview shows the API's figures for `query`, then checks every card. */
  async function expectOverviewMatches(watched: WatchedPage, query: string) {
    const body = await apiJson(root, `api/metrics/dashboard?${query}`);
    await watched.page
      .locator(`[data-kpi="sessions"][data-value="${body.kpis.sessions.value}"]`)
      .waitFor();
    const shown = await kpisOf(watched);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    for (const card of shown) {
      // Headline score cards are named `score:<name>` and show the mean of that score.
      const kpi = card.name.startsWith('score:')
        ? body.scores.find((s: { name: string }) => `score:${s.name}` === card.name)?.mean
        : body.kpis[card.name];
      expect(card.value, card.name).toBe(kpi.value === null ? '' : String(kpi.value));
      expect(card.deltaPct, card.name).toBe(kpi.delta_pct === null ? '' : String(kpi.delta_pct));
    }
    const sessions = shown.find((card) => card.name === 'sessions');
    expect(sessions?.text).toBe(count(body.kpis.sessions.value));
    const agents = await watched.page
      .locator('[data-table="top-agents"] [data-row]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')));
    expect(agents).toEqual(body.top_agents.map((agent: { name: string }) => agent.name));
    const models = await watched.page
      .locator('[data-list="cost-by-model"] li')
      .evaluateAll((items) =>
        items.map((item) => [
          item.getAttribute('data-key'),
          Number(item.getAttribute('data-value')),
        ]),
      );
    expect(models).toEqual(
      body.cost_by_model.map((model: { model: string; total_cost: number }) => [
        model.model,
        model.total_cost,
      ]),
    );
    return body;
  }

  it('overview: shows the API figures, refetches when the range changes, and back/forward restore it', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${root}#/?range=all`);
    const all = await expectOverviewMatches(watched, 'time_range=all');
    expect(all.kpis.sessions.value).toBe(60);
    expect(await page.locator('.freshness time').count()).toBe(1);
    const sync = await apiJson(root, 'api/sync/status');
    await page.locator(`[data-sync-badge="${sync.status}"]`).waitFor();

    const before = watched.calls.length;
    await page.locator('[data-range="30d"]').click();
    await expectOverviewMatches(watched, 'time_range=30d');
    expect(watched.calls.slice(before).some((url) => url.includes('time_range=30d'))).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/?range=30d');
    await page.locator('[data-kpi="sessions"] .kpi-delta').waitFor();

    const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('.custom-range input').nth(0).fill(from);
    await page.locator('.custom-range input').nth(1).fill(to);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expectOverviewMatches(watched, `from=${from}&to=${to}`);
    expect(new URL(page.url()).hash).toBe(`#/?from=${from}&to=${to}`);

    await page.goBack();
    await expectOverviewMatches(watched, 'time_range=30d');
    await page.goBack();
    await expectOverviewMatches(watched, 'time_range=all');
    await page.goForward();
    expect(new URL(page.url()).hash).toBe('#/?range=30d');

    // Keyboard: the skip button, then the navigation, reachable with Tab and followed with Enter.
    await page.reload();
    await page.locator('[data-kpi]').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Sessions');
    await page.keyboard.press('Enter');
    await page.locator('[data-table="sessions"]').waitFor();
    expect(new URL(page.url()).hash).toBe('#/sessions?range=30d');
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('overview and agent charts: send the browser zone as tz and show the API figures for it', async () => {
    const zone = 'America/New_York';
    const watched = await openPage(browser, { timeZone: zone });
    const { page } = watched;
    await page.goto(`${root}#/?range=7d`);
    await expectOverviewMatches(watched, `time_range=7d&tz=${encodeURIComponent(zone)}`);
    const tzOf = (route: string) =>
      watched.calls
        .filter((url) => new URL(url).pathname.endsWith(route))
        .map((url) => new URL(url).searchParams.get('tz'));
    expect(tzOf('/api/metrics/dashboard')).toContain(zone);
    const agents = await apiJson(root, 'api/agents?time_range=7d');
    const name = agents.agents[0].name as string;
    await page.goto(`${root}#/agents/${encodeURIComponent(name)}?range=7d`);
    await page.locator(`[data-agent="${name}"]`).waitFor();
    await expect.poll(() => tzOf(`/api/agents/${encodeURIComponent(name)}/charts`)).toEqual([zone]);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('sessions: filters and sorts as the API does, and a row opens its conversation', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    await page.goto(`${root}#/sessions?range=all&status=abandoned&sort=cost&order=desc`);
    const list = await apiJson(
      root,
      'api/sessions?time_range=all&status=abandoned&sort=cost&order=desc&limit=25',
    );
    const stats = await apiJson(root, 'api/sessions/stats?time_range=all');
    expect(list.sessions.length).toBeGreaterThan(0);
    await page.locator('[data-table="sessions"] [data-row]').first().waitFor();
    const ids = await page
      .locator('[data-table="sessions"] [data-row]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')));
    expect(ids).toEqual(list.sessions.map((row: { id: string }) => row.id));
    await page.locator('[data-count="abandoned"]').waitFor();
    expect((await page.locator('[data-count="abandoned"]').textContent())?.trim()).toBe(
      count(stats.by_status.abandoned),
    );
    expect((await page.locator('[data-count="all"]').textContent())?.trim()).toBe(
      count(stats.total_sessions),
    );

    const first = list.sessions[0];
    await page.locator(`[data-row="${first.id}"] .badge`).click();
    const conversation = await apiJson(
      root,
      `api/sessions/${encodeURIComponent(first.id)}/conversation`,
    );
    await page.locator(`[data-messages="${conversation.message_count}"]`).waitFor();
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#/sessions/${first.id}?range=all`);
    expect(await page.locator('li.message').count()).toBe(conversation.messages.length);
    const last = conversation.messages.at(-1);
    expect(await page.locator('li.message').last().locator('.message-content').textContent()).toBe(
      last.content,
    );
    const generated = conversation.messages.findIndex((m: { model: string | null }) => m.model);
    expect(generated).toBeGreaterThanOrEqual(0);
    const meta = page.locator('li.message').nth(generated);
    expect(await meta.locator('[data-meta="model"]').textContent()).toBe(
      conversation.messages[generated].model,
    );
    await page.locator(`[data-session="${first.id}"] [data-fact="status"]`).waitFor();
    expect(await page.locator('[data-fact="status"] dd').textContent()).toBe('abandoned');
    await screenshot(page, 'session-light');

    await page.goBack();
    await page.locator(`[data-row="${first.id}"]`).waitFor();
    expect(await page.locator('[data-status="abandoned"]').getAttribute('aria-pressed')).toBe(
      'true',
    );

    await page.locator('input[name="search"]').fill(first.user_id ?? first.id);
    await page.locator('input[name="search"]').press('Enter');
    const searched = await apiJson(
      root,
      `api/sessions?time_range=all&status=abandoned&sort=cost&order=desc&limit=25&search=${encodeURIComponent(first.user_id ?? first.id)}`,
    );
    await expect
      .poll(() =>
        page
          .locator('[data-table="sessions"] [data-row]')
          .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row'))),
      )
      .toEqual(searched.sessions.map((row: { id: string }) => row.id));
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('agents, models and sync show the API figures; the sync button starts a run whose progress shows live', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const agents = await apiJson(root, 'api/agents?time_range=all');
    await page.goto(`${root}#/agents?range=all&sort=p95_latency_ms`);
    await page.locator('[data-table="agents"] [data-row]').first().waitFor();
    const slowest = [...agents.agents].sort(
      (a: { p95_latency_ms: number }, b: { p95_latency_ms: number }) =>
        b.p95_latency_ms - a.p95_latency_ms,
    )[0];
    const firstRow = page.locator('[data-table="agents"] [data-row]').first();
    expect(await firstRow.getAttribute('data-row')).toBe(slowest.name);
    expect(await firstRow.locator('[data-cell="p95_latency_ms"]').getAttribute('data-value')).toBe(
      String(slowest.p95_latency_ms),
    );
    expect(await page.locator('[data-table="agents"] [data-row]').count()).toBe(
      agents.agents.length,
    );

    await firstRow.getByRole('link').click();
    const detail = await apiJson(
      root,
      `api/agents/${encodeURIComponent(slowest.name)}?time_range=all`,
    );
    await page.locator(`[data-agent="${slowest.name}"]`).waitFor();
    expect(await page.locator('[data-fact="calls"] dd').textContent()).toBe(count(detail.calls));
    expect(await page.locator('[data-table="agent-models"] [data-row]').count()).toBe(
      detail.models.length,
    );
    await page.locator('.chart canvas').first().waitFor();

    const models = await apiJson(root, 'api/metrics/models?time_range=all');
    await page.goto(`${root}#/models?range=all`);
    await page.locator('[data-table="models"] [data-row]').first().waitFor();
    const costs = await page
      .locator('[data-table="models"] [data-cell="cost"]')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
    expect(costs).toEqual(models.models.map((model: { total_cost: number }) => model.total_cost));
    expect(Number(await page.locator('[data-summary="models"]').getAttribute('data-value'))).toBe(
      models.total_cost,
    );

    await page.goto(`${root}#/sync`);
    const status = await apiJson(root, 'api/sync/status');
    await page.locator(`[data-sync-status="${status.status}"]`).waitFor();
    expect(await page.locator('[data-last-run] [data-fact="observations"] dd').textContent()).toBe(
      count(status.last_run.counts.observations),
    );
    // Slow pages keep the run going long enough for the page to show its progress, live.
    stack.sim.faults.inject({ kind: 'slow', delayMs: 1500, count: 3 });
    const triggered = page.waitForResponse((response) =>
      response.url().endsWith('/api/sync/trigger'),
    );
    await page.locator('[data-action="sync"]').click();
    expect((await triggered).status()).toBe(202);
    await page.locator('[data-action="sync"]:disabled', { hasText: 'Syncing' }).waitFor();
    await page.locator('[data-progress]').waitFor({ timeout: 20_000 });
    await page.locator('[data-progress]').waitFor({ state: 'detached', timeout: 30_000 });
    const after = await apiJson(root, 'api/sync/status');
    expect(after.last_run.started_at).not.toBe(status.last_run.started_at);
    await page.locator('[data-action="sync"]:enabled').waitFor();
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('under a prefix with API keys: asks for the key once, keeps it for the tab, hides the read-only trigger', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const prefixed = stack.prefixedUrl;
    await page.goto(`${prefixed}#/?range=all`);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('input').fill('wrong-key');
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await dialog.getByText('That key was not accepted.').waitFor();
    await dialog.locator('input').fill(API_KEY);
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const body = await apiJson(prefixed, 'api/metrics/dashboard?time_range=all', API_KEY);
    await page.locator(`[data-kpi="sessions"][data-value="${body.kpis.sessions.value}"]`).waitFor();
    expect(await dialog.count()).toBe(0);
    expect(watched.calls.every((url) => url.startsWith(`${prefixed}api/`))).toBe(true);
    const storage = await page.evaluate(() => ({
      session: sessionStorage.length,
      local: localStorage.length,
      cookie: document.cookie,
    }));
    expect(storage).toEqual({ session: 1, local: 0, cookie: '' });

    await page.locator('nav a', { hasText: 'Sync' }).click();
    await page.locator('[data-sync-status]').waitFor();
    expect(await page.locator('[data-action="sync"]').count()).toBe(0);
    await page.reload();
    await page.locator('[data-sync-status]').waitFor();
    expect(await dialog.count()).toBe(0);
    expect(unexpected(watched.errors, '401')).toEqual([]);
    await watched.context.close();
  });

  it('refreshes the open page when a sync commits new data, over the keyed live event stream', async () => {
    const watched = await openPage(browser);
    const { page } = watched;
    const prefixed = stack.prefixedUrl;
    await page.goto(`${prefixed}#/?range=all`);
    const dialog = page.getByRole('dialog');
    await dialog.locator('input').fill(API_KEY);
    // Entering the key opens a new event stream, which carries it: a browser's EventSource could not.
    const stream = page.waitForRequest(
      (request) =>
        request.url().endsWith('/api/events') && request.headers().authorization !== undefined,
    );
    await dialog.getByRole('button', { name: 'Continue' }).click();
    expect((await stream).headers().authorization).toBe(`Bearer ${API_KEY}`);
    const before = await apiJson(prefixed, 'api/metrics/dashboard?time_range=all', API_KEY);
    const shows = (sessions: number) =>
      page.locator(`[data-kpi="sessions"][data-value="${sessions}"]`).waitFor();
    await shows(before.kpis.sessions.value);
    // A reload would drop this: the refresh must come from the live events, not a navigation.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // Two new sessions in the last hour, inside the next run's window.
    const extra = generateCupidDataset({
      seed: 99,
      sessions: 2,
      days: 0.01,
      end: Date.now() - 1_800_000,
    });
    stack.sim.publish({
      sessions: extra.sessions,
      traces: extra.traces,
      observations: extra.observations,
    });
    expect((await stack.server.dashboard.sync!.sync()).status).toBe('success');
    const after = await apiJson(prefixed, 'api/metrics/dashboard?time_range=all', API_KEY);
    expect(after.kpis.sessions.value).toBe(before.kpis.sessions.value + 2);
    await shows(after.kpis.sessions.value);
    expect(await page.evaluate(() => 'stillTheSamePage' in window)).toBe(true);
    expect(unexpected(watched.errors, '401')).toEqual([]);
    await watched.context.close();
  });

  it('at phone width, and its empty, signed-out, not-found and unreachable states', async () => {
    const watched = await openPage(browser, { width: 390, height: 844 });
    const { page } = watched;
    await page.goto(`${root}#/?range=30d`);
    await page.locator('[data-kpi="sessions"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, 'overview-phone-light');

    await page.goto(`${root}#/sessions/no-such-session`);
    await page.locator('[data-error-status="404"]').waitFor();

    await page.goto(`${stack.emptyUrl}#/`);
    await page.locator('.state-empty', { hasText: 'No data in this period' }).waitFor();
    expect(await page.locator('.freshness').textContent()).toBe('Not synced yet');

    await page.goto(`${stack.signedOutUrl}#/agents`);
    await page.locator('[data-error-status="401"]', { hasText: 'Not signed in' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.route('**/api/**', (route) => route.abort());
    await page.goto(`${root}#/agents`);
    await page.locator('[data-error-status="0"]').waitFor();
    expect(await page.getByText('Cannot reach the dashboard server').count()).toBe(1);
    const left = ['404', '401', 'net::ERR_FAILED'].reduce(unexpected, watched.errors);
    expect(left).toEqual([]);
    await watched.context.close();
  });

  it.each(['light', 'dark'] as Theme[])(
    'every page renders in %s, without console errors',
    async (theme) => {
      const watched = await openPage(browser, { theme });
      const { page } = watched;
      const list = await apiJson(root, 'api/sessions?time_range=all&limit=1');
      const agents = await apiJson(root, 'api/agents?time_range=all');
      const pages: [string, string, string][] = [
        ['overview', '#/?range=30d', '[data-kpi] .kpi-value'],
        ['sessions', '#/sessions?range=30d', '[data-table="sessions"] [data-row]'],
        ['session', `#/sessions/${encodeURIComponent(list.sessions[0].id)}`, 'li.message'],
        ['agents', '#/agents?range=30d', '[data-table="agents"] [data-row]'],
        [
          'agent',
          `#/agents/${encodeURIComponent(agents.agents[0].name)}?range=30d`,
          '.chart canvas',
        ],
        ['models', '#/models?range=30d', '[data-table="models"] [data-row]'],
        ['sync', '#/sync', '[data-sync-status]'],
      ];
      for (const [name, hash, ready] of pages) {
        await page.goto(`${root}${hash}`);
        await page.locator(ready).first().waitFor();
        await page.locator('[role="status"]').waitFor({ state: 'detached' });
        await screenshot(page, `${name}-${theme}`);
      }
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).toBe(theme === 'dark' ? 'rgb(18, 21, 27)' : 'rgb(246, 247, 249)');
      expect(watched.errors).toEqual([]);
      await watched.context.close();
    },
  );
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChildServer, spawnExample, waitFor } from './child-server';

// The express adapter's README quotes express-readme-example.mjs verbatim; this runs that file,
// so the example in the docs cannot stop working unnoticed.
const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXAMPLE = 'express-readme-example.mjs';
const README = fileURLToPath(
  new URL('../../../packages/express-adapter/README.md', import.meta.url),
);

let child: ChildServer | undefined;

afterAll(async () => {
  if (child && child.child.exitCode === null) {
    child.child.kill('SIGTERM');
    await child.exited;
  }
});

describe('the express adapter README example', () => {
  it('is quoted verbatim in the README', () => {
    const code = readFileSync(`${HERE}${EXAMPLE}`, 'utf8');
    expect(readFileSync(README, 'utf8')).toContain(`\`\`\`js\n${code}\`\`\`\n`);
  });

  it('runs as written and serves the sample sessions behind the API key', async () => {
    child = spawnExample(HERE, { PORT: '0' }, EXAMPLE);
    const running = child;
    const line = await waitFor('the curl line', () => {
      if (running.child.exitCode !== null) throw new Error(`example exited: ${running.stderr()}`);
      return running.lines.find((l) => l.startsWith('curl '));
    });
    const url = /'(http:\/\/localhost:\d+\/[^']+)'/.exec(line)?.[1];
    expect(url).toMatch(/^http:\/\/localhost:\d+\/internal\/dashboard\/api\/sessions\?limit=5$/);

    const denied = await fetch(url ?? '');
    expect(denied.status).toBe(401);
    const allowed = await fetch(url ?? '', { headers: { 'X-API-Key': 'change-me' } });
    expect(allowed.status).toBe(200);
    const body = (await allowed.json()) as {
      sessions: unknown[];
      pagination: { total: number; limit: number };
    };
    expect(body.sessions).toHaveLength(5);
    expect(body.pagination).toMatchObject({ total: 50, limit: 5 });
  });
});

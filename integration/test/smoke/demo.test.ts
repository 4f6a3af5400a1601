import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_DIR, spawnExample, waitFor } from './child-server';

// `npm run demo` as a child process: its settings are checked before anything starts, and the
// temporary database it creates is gone after it stops.
let tmp = '';

/** The demo's temporary folders in `tmp` (tsx keeps its cache there too). */
const demoDirs = () => readdirSync(tmp).filter((name) => name.startsWith('cupid-demo-'));

afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = '';
});

describe('demo settings', () => {
  it.each([
    ['DEMO_SESSIONS', 'abc', 'DEMO_SESSIONS must be an integer from 1 to 100000'],
    ['DEMO_SEED', '1.5', 'DEMO_SEED must be an integer from 0 to 2147483647'],
    ['PORT', 'abc', 'PORT must be an integer from 0 to 65535'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
  ])(
    'exits with code 2 and one line naming %s=%s, before starting anything',
    async (name, value, message) => {
      tmp = mkdtempSync(join(tmpdir(), 'cupid-demo-test-'));
      const demo = spawnExample(DEMO_DIR, { [name]: value, TMPDIR: tmp });
      expect(await demo.exited).toBe(2);
      expect(demo.stderr()).toBe(`Invalid configuration: ${message}\n`);
      expect(demo.lines).toEqual([]);
      expect(demoDirs()).toEqual([]);
    },
  );

  it('stops on SIGTERM with exit code 0 and deletes its temporary database', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cupid-demo-test-'));
    const demo = spawnExample(DEMO_DIR, {
      DEMO_SESSIONS: '5',
      PORT: '0',
      SYNC_INTERVAL_SECONDS: '3600',
      LOG_LEVEL: 'silent',
      TMPDIR: tmp,
    });
    await waitFor('the banner', () => {
      if (demo.child.exitCode !== null) throw new Error(`demo exited: ${demo.stderr()}`);
      return demo.lines.includes('Press Ctrl-C to stop.') ? true : undefined;
    });
    expect(demoDirs()).toHaveLength(1);
    demo.child.kill('SIGTERM');
    expect({ code: await demo.exited, stderr: demo.stderr() }).toEqual({ code: 0, stderr: '' });
    expect(demoDirs()).toEqual([]);
  });
});

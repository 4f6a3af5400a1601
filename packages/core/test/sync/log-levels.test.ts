import { describe, expect, it } from 'vitest';
import { LangfuseError } from '../../src/index';
import { smallDataset } from './support/dataset';
import { setupSync } from './support/setup-sync';

type Line = { level: 'info' | 'warn' | 'error'; message: string };

const recorder = (withError: boolean) => {
  const lines: Line[] = [];
  const at = (level: Line['level']) => (message: string) => void lines.push({ level, message });
  const logger = {
    info: at('info'),
    warn: at('warn'),
    ...(withError ? { error: at('error') } : {}),
  };
  return { lines, logger, outcome: () => lines.filter((l) => l.message.startsWith('Sync ')) };
};

// An operator alerts on warn and error: a failed run must never be logged at info only.
describe('sync outcome log level', () => {
  it('logs a success at info', async () => {
    const { dataset, end } = smallDataset();
    const log = recorder(true);
    const { sync } = setupSync(dataset, { now: () => end, logger: log.logger });
    expect((await sync.sync()).status).toBe('success');
    expect(log.outcome().at(-1)).toEqual({ level: 'info', message: 'Sync success' });
  });

  it('logs a failure at error, or at warn for a logger without error', async () => {
    for (const withError of [true, false]) {
      const log = recorder(withError);
      const { fake, sync } = setupSync({}, { apiMode: 'v2', logger: log.logger });
      fake.failures.set(1, new LangfuseError('LANGFUSE_AUTH', 'Langfuse refused the keys'));
      expect((await sync.sync()).status).toBe('error');
      const level = withError ? 'error' : 'warn';
      expect(log.outcome().at(-1)).toEqual({ level, message: 'Sync error' });
    }
  });

  it('logs a rate limit and a stopped run at warn', async () => {
    const limited = recorder(true);
    const first = setupSync({}, { apiMode: 'v2', logger: limited.logger });
    first.fake.failures.set(
      1,
      new LangfuseError('LANGFUSE_RATE_LIMITED', 'Rate limited', {
        status: 429,
        retryAfterMs: 3_600_000,
      }),
    );
    expect((await first.sync.sync()).status).toBe('rate_limited');
    expect(limited.outcome().at(-1)).toEqual({ level: 'warn', message: 'Sync rate_limited' });

    const stopped = recorder(true);
    const second = setupSync({}, { apiMode: 'v2', logger: stopped.logger });
    const result = await second.sync.sync({ signal: AbortSignal.abort() });
    expect(result.error?.code).toBe('SYNC_ABORTED');
    expect(stopped.outcome().at(-1)).toEqual({ level: 'warn', message: 'Sync error' });
  });
});

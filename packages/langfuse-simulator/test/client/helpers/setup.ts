import {
  createLangfuseClient,
  type LangfuseClient,
  type LangfuseClientOptions,
  type LangfuseLogger,
} from '@cupid-dashboard/core';
import { onTestFinished } from 'vitest';
import {
  createLangfuseSimulator,
  type LangfuseSimulator,
  type SimulatorOptions,
} from '../../../src/index';
import type { Transport } from './transports';

/** Every call a {@link recordingLogger} received, in order. */
export interface LoggedCall {
  level: 'debug' | 'warn';
  message: string;
  context: Record<string, unknown> | undefined;
}

/**
 * A logger that keeps every call, so a test can search them (e.g. for a leaked key).
 *
 * @example
 * const logger = recordingLogger();
 * createLangfuseClient({ publicKey, secretKey, logger });
 * expect(JSON.stringify(logger.calls)).not.toContain(secretKey);
 */
export function recordingLogger(): LangfuseLogger & { calls: LoggedCall[] } {
  const calls: LoggedCall[] = [];
  return {
    calls,
    debug: (message, context) => calls.push({ level: 'debug', message, context }),
    warn: (message, context) => calls.push({ level: 'warn', message, context }),
  };
}

/** What a scenario works with. */
export interface Scenario {
  sim: LangfuseSimulator;
  client: LangfuseClient;
  logger: ReturnType<typeof recordingLogger>;
}

/**
 * A simulator reached through `transport` and a client of it, closed when the test ends. The
 * client defaults keep retries instant (`retryBaseDelayMs` 1 with `random` 0 gives 0 ms backoff)
 * so only the waits a test is about take time; `client` options override them.
 *
 * @example
 * const { sim, client } = await connect(realHttp, { dataset: smallWorld() }, { maxRetries: 0 });
 */
export async function connect(
  transport: Transport,
  simOptions: SimulatorOptions = {},
  clientOptions: Partial<LangfuseClientOptions> = {},
): Promise<Scenario> {
  const sim = createLangfuseSimulator(simOptions);
  const connection = await transport(sim);
  onTestFinished(() => connection.close());
  const logger = recordingLogger();
  const client = createLangfuseClient({
    publicKey: sim.publicKey,
    secretKey: sim.secretKey,
    baseUrl: connection.baseUrl,
    retryBaseDelayMs: 1,
    random: () => 0,
    logger,
    ...clientOptions,
  });
  return { sim, client, logger };
}

/**
 * Collects every page of an async page walk.
 *
 * @example
 * const pages = await collect(client.paginateTraces({ limit: 100 }));
 */
export async function collect<P>(walk: AsyncIterable<P>): Promise<P[]> {
  const pages: P[] = [];
  for await (const page of walk) pages.push(page);
  return pages;
}

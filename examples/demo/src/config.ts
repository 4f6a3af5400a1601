import { MAX_DATASET_SESSIONS } from '@cupid-dashboard/core/dataset';
import {
  ConfigError,
  integerVariable,
  loadConfig,
  type ServerConfig,
} from '@cupid-dashboard/server';
import { z } from 'zod';

/** The demo's settings, read from the environment by {@link loadDemoConfig}. */
export interface DemoConfig {
  /** Sessions in the generated history, 1 to `MAX_DATASET_SESSIONS`. */
  sessions: number;
  /** Seed of the generated data and of the live feed. */
  seed: number;
  /**
   * The server's settings from PORT, SYNC_INTERVAL_SECONDS, DATABASE_PATH and LOG_LEVEL.
   * Its Langfuse settings are placeholders until the simulator is up, and so is its database
   * when `temporaryDatabase` is set (see {@link serverSettings}).
   */
  server: ServerConfig;
  /** True when DATABASE_PATH was unset: the demo then uses a temporary file it deletes. */
  temporaryDatabase: boolean;
}

const demoSchema = z.object({
  DEMO_SESSIONS: integerVariable('DEMO_SESSIONS', 1, MAX_DATASET_SESSIONS, 3000),
  DEMO_SEED: integerVariable('DEMO_SEED', 0, 2 ** 31 - 1, 42),
});

// Replaced by the simulator's keys and URL and the temporary file once they exist; only here so
// the rest validates before anything starts (and nothing is left behind when it does not).
const PLACEHOLDER_KEY = 'placeholder';
const PLACEHOLDER_DATABASE = ':memory:';

/**
 * Validates every setting the demo reads before it starts anything: its own DEMO_* variables and
 * the ones it passes on to the dashboard server. Throws the server's `ConfigError`
 * listing every bad variable by name. An empty variable counts as unset.
 *
 * @param env usually `process.env`
 * @example
 * const config = loadDemoConfig({ DEMO_SESSIONS: '500' });
 * config.sessions; // 500
 * config.server.http.port; // 8080
 */
export function loadDemoConfig(env: Record<string, string | undefined>): DemoConfig {
  const set = (name: string) => (env[name]?.trim() ? env[name] : undefined);
  const problems: string[] = [];
  const demo = demoSchema.safeParse({
    DEMO_SESSIONS: set('DEMO_SESSIONS'),
    DEMO_SEED: set('DEMO_SEED'),
  });
  if (!demo.success) problems.push(...demo.error.issues.map((issue) => issue.message));
  let server: ServerConfig | undefined;
  try {
    server = loadConfig({
      LANGFUSE_PUBLIC_KEY: PLACEHOLDER_KEY,
      LANGFUSE_SECRET_KEY: PLACEHOLDER_KEY,
      DATABASE_PATH: set('DATABASE_PATH') ?? PLACEHOLDER_DATABASE,
      SYNC_INTERVAL_SECONDS: set('SYNC_INTERVAL_SECONDS') ?? '10',
      HOST: '127.0.0.1',
      PORT: set('PORT') ?? '8080',
      LOG_LEVEL: set('LOG_LEVEL') ?? 'info',
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (!demo.success || server === undefined) throw new ConfigError(problems);
  return {
    sessions: demo.data.DEMO_SESSIONS,
    seed: demo.data.DEMO_SEED,
    server,
    temporaryDatabase: set('DATABASE_PATH') === undefined,
  };
}

/**
 * The server settings pointed at the running simulator, and at `temporaryDatabase` when the demo
 * chose the database.
 *
 * @example
 * startServer(serverSettings(config, { publicKey: sim.publicKey, secretKey: sim.secretKey, baseUrl: simServer.url }, '/tmp/cupid-demo-x/demo.db'));
 */
export function serverSettings(
  config: DemoConfig,
  langfuse: { publicKey: string; secretKey: string; baseUrl: string },
  temporaryDatabase: string | null,
): ServerConfig {
  const { server } = config;
  return {
    ...server,
    langfuse: { ...server.langfuse, ...langfuse },
    databasePath: temporaryDatabase ?? server.databasePath,
  };
}

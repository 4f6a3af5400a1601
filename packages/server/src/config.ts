import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_CORS_ORIGINS } from '@cupid-dashboard/express';
import { z } from 'zod';

/** The server's settings, read from the environment by {@link loadConfig}. */
export interface ServerConfig {
  langfuse: {
    publicKey: string;
    secretKey: string;
    /** Origin of the Langfuse API. */
    baseUrl: string;
    /** `auto` probes the v2 observations API and falls back to the legacy one on a 404. */
    apiMode: 'auto' | 'v2' | 'legacy';
    /** Client-side pacing; undefined means no pacing (429s are still retried). */
    requestsPerMinute: number | undefined;
  };
  /** Absolute path of the SQLite file (`:memory:` keeps it in memory); unused with `databaseUrl`. */
  databasePath: string;
  /**
   * A `postgres://` connection string: when set, the PostgreSQL store is used instead of SQLite.
   * A secret (it may carry a password): show it only through `describeStore`.
   */
  databaseUrl: string | undefined;
  /** Connections of the PostgreSQL pool, per instance. */
  databasePoolSize: number;
  sync: {
    /** Seconds from the start of one run to the start of the next. */
    intervalSeconds: number;
    /** How far back each run re-reads before the watermark, in minutes. */
    lookbackMinutes: number;
    /** Oldest data to backfill, epoch ms; undefined reads everything. */
    startFrom: number | undefined;
    /** Run a sync at once on start (the seed did). */
    onStart: boolean;
    /**
     * Seconds the sync lease lasts without renewal: how long instances sharing a database wait
     * for a syncing instance that died before another one takes over.
     */
    leaseTtlSeconds: number;
  };
  http: {
    /** Interface to listen on; default `127.0.0.1` (`0.0.0.0` in a container). */
    host: string;
    /** 0 picks a free port. */
    port: number;
    /** Allowed browser origins; empty disables CORS. */
    corsOrigins: string[];
    /** Accepted API keys; empty leaves the API open (like the seed). */
    apiKeys: string[];
    /** Reject `POST /api/sync/trigger` with 403. */
    readOnly: boolean;
    /** API requests a minute per API key or client address; 0 turns the limit off. */
    rateLimitPerMinute: number;
    /**
     * Express's `trust proxy`: how many proxies (a number) or which (`loopback`, a subnet list)
     * to trust for the client address in `X-Forwarded-For`; undefined trusts none.
     */
    trustProxy: number | string | undefined;
  };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A configuration problem; `problems` name the variables, never their values. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];

const required = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, `${name} is required`);

/**
 * A zod schema for an integer environment variable from `min` to `max` (inclusive), `fallback`
 * when unset; its error names the variable and the range, never the value.
 *
 * @example
 * z.object({ DEMO_SESSIONS: integerVariable('DEMO_SESSIONS', 1, 100_000, 3000) }).parse({}); // { DEMO_SESSIONS: 3000 }
 */
export const integerVariable = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .refine((text) => /^\d+$/.test(text.trim()) && Number(text) >= min && Number(text) <= max, {
      error: `${name} must be an integer from ${min} to ${max}`,
    })
    .transform(Number);

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .default(String(fallback))
    .refine((text) => [...TRUE, ...FALSE].includes(text.trim().toLowerCase()), {
      error: `${name} must be true or false`,
    })
    .transform((text) => TRUE.includes(text.trim().toLowerCase()));

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const envSchema = z.object({
  LANGFUSE_PUBLIC_KEY: required('LANGFUSE_PUBLIC_KEY'),
  LANGFUSE_SECRET_KEY: required('LANGFUSE_SECRET_KEY'),
  LANGFUSE_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'LANGFUSE_BASE_URL must be an http(s) URL' })
    // The client sends the keys as Basic auth; a user:password in the URL would be a second,
    // conflicting credential (and one that ends up in logs), so it is a configuration error.
    .refine((text) => !/^[a-z]+:\/\/[^/?#]*@/i.test(text), {
      error:
        'LANGFUSE_BASE_URL must not contain credentials; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY instead',
    })
    .default('https://us.cloud.langfuse.com'),
  LANGFUSE_API_MODE: z
    .enum(['auto', 'v2', 'legacy'], { error: 'LANGFUSE_API_MODE must be auto, v2 or legacy' })
    .default('auto'),
  LANGFUSE_REQUESTS_PER_MINUTE: z
    .string()
    .refine((text) => Number(text) > 0 && Number.isFinite(Number(text)), {
      error: 'LANGFUSE_REQUESTS_PER_MINUTE must be a positive number',
    })
    .transform(Number)
    .optional(),
  DATABASE_PATH: z.string().default('./data/cupid.db'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((text) => /^postgres(ql)?:\/\/[^\s]+$/i.test(text), {
      error: 'DATABASE_URL must be a postgres:// or postgresql:// connection string',
    })
    .optional(),
  DATABASE_POOL_SIZE: integerVariable('DATABASE_POOL_SIZE', 1, 1_000, 10),
  SYNC_INTERVAL_SECONDS: integerVariable('SYNC_INTERVAL_SECONDS', 1, 86_400, 300),
  SYNC_LOOKBACK_MINUTES: integerVariable('SYNC_LOOKBACK_MINUTES', 0, 10_080, 60),
  SYNC_START_FROM: z
    .string()
    .refine((text) => Number.isFinite(Date.parse(text)), {
      error: 'SYNC_START_FROM must be an ISO-8601 date, e.g. 2026-10-01T00:00:00Z',
    })
    .transform((text) => Date.parse(text))
    .optional(),
  SYNC_ON_START: flag('SYNC_ON_START', true),
  SYNC_LEASE_TTL_SECONDS: integerVariable('SYNC_LEASE_TTL_SECONDS', 1, 3_600, 120),
  // This machine only unless asked: with no API keys the API and the sync trigger are open.
  HOST: z.string().default('127.0.0.1'),
  PORT: integerVariable('PORT', 0, 65_535, 8080),
  CORS_ORIGINS: z
    .string()
    .default(DEFAULT_CORS_ORIGINS.join(','))
    // Origins are matched exactly, so a wildcard would silently allow no browser at all.
    .refine((text) => !list(text).includes('*'), {
      error:
        "CORS_ORIGINS does not accept '*'; list the origins, e.g. https://dash.example.com,http://localhost:5173",
    })
    .transform((text) => (text.trim().toLowerCase() === 'none' ? [] : list(text))),
  DASHBOARD_API_KEYS: z.string().default('').transform(list),
  DASHBOARD_READ_ONLY: flag('DASHBOARD_READ_ONLY', false),
  // Generous: a dashboard page view costs about ten requests; a script looping on the API does not pass.
  DASHBOARD_RATE_LIMIT: integerVariable('DASHBOARD_RATE_LIMIT', 0, 1_000_000, 600),
  TRUST_PROXY: z
    .string()
    // `true` would trust any X-Forwarded-For, letting every client choose its own rate-limit key.
    .refine((text) => !['true', 'yes', 'on'].includes(text.trim().toLowerCase()), {
      error:
        'TRUST_PROXY must name the proxies (a hop count such as 1, loopback, or subnets), not true',
    })
    .transform((text) => (/^\d+$/.test(text.trim()) ? Number(text) : text.trim()))
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

/** The variables {@link loadConfig} reads, for docs and tests. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];

/**
 * Reads and validates the server's settings from `env`. Pure: it reads nothing else (paths are
 * resolved against `cwd`). An empty variable counts as unset, as in a `.env` file with `KEY=`.
 * Throws {@link ConfigError} listing every bad variable by name; values are never echoed, since
 * two of them are secrets.
 *
 * @param env usually `process.env`
 * @param cwd base of a relative `DATABASE_PATH`. Default `process.cwd()`.
 * @example
 * const config = loadConfig({ LANGFUSE_PUBLIC_KEY: 'pk-lf-1', LANGFUSE_SECRET_KEY: 'sk-lf-1' });
 * config.http.port; // 8080
 * config.sync.intervalSeconds; // 300
 */
export function loadConfig(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): ServerConfig {
  const present: Record<string, string> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') present[name] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message);
    throw new ConfigError([...new Set(problems)]);
  }
  const e = parsed.data;
  const databasePath =
    e.DATABASE_PATH === ':memory:' || isAbsolute(e.DATABASE_PATH)
      ? e.DATABASE_PATH
      : resolve(cwd, e.DATABASE_PATH);
  return {
    langfuse: {
      publicKey: e.LANGFUSE_PUBLIC_KEY,
      secretKey: e.LANGFUSE_SECRET_KEY,
      baseUrl: e.LANGFUSE_BASE_URL,
      apiMode: e.LANGFUSE_API_MODE,
      requestsPerMinute: e.LANGFUSE_REQUESTS_PER_MINUTE,
    },
    databasePath,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    sync: {
      intervalSeconds: e.SYNC_INTERVAL_SECONDS,
      lookbackMinutes: e.SYNC_LOOKBACK_MINUTES,
      startFrom: e.SYNC_START_FROM,
      onStart: e.SYNC_ON_START,
      leaseTtlSeconds: e.SYNC_LEASE_TTL_SECONDS,
    },
    http: {
      host: e.HOST,
      port: e.PORT,
      corsOrigins: e.CORS_ORIGINS,
      apiKeys: e.DASHBOARD_API_KEYS,
      readOnly: e.DASHBOARD_READ_ONLY,
      rateLimitPerMinute: e.DASHBOARD_RATE_LIMIT,
      trustProxy: e.TRUST_PROXY,
    },
    logLevel: e.LOG_LEVEL,
  };
}

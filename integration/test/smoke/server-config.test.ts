import { DEFAULT_CORS_ORIGINS } from '@cupid-dashboard/express';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../packages/server/src/config';
import { describeStore } from '../../../packages/server/src/open-store';

const keys = { LANGFUSE_PUBLIC_KEY: 'pk-lf-test', LANGFUSE_SECRET_KEY: 'sk-lf-secret-value' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env, '/srv');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the seed defaults and ours', () => {
    const config = loadConfig(keys, '/srv');
    expect(config).toEqual({
      langfuse: {
        publicKey: 'pk-lf-test',
        secretKey: 'sk-lf-secret-value',
        baseUrl: 'https://us.cloud.langfuse.com',
        apiMode: 'auto',
        requestsPerMinute: undefined,
      },
      databasePath: '/srv/data/cupid.db',
      databaseUrl: undefined,
      databasePoolSize: 10,
      sync: {
        intervalSeconds: 300,
        lookbackMinutes: 60,
        startFrom: undefined,
        onStart: true,
        leaseTtlSeconds: 120,
      },
      http: {
        host: '127.0.0.1',
        port: 8080,
        corsOrigins: [...DEFAULT_CORS_ORIGINS],
        apiKeys: [],
        readOnly: false,
        rateLimitPerMinute: 600,
        trustProxy: undefined,
      },
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        ...keys,
        LANGFUSE_BASE_URL: 'https://cloud.langfuse.com',
        LANGFUSE_API_MODE: 'legacy',
        LANGFUSE_REQUESTS_PER_MINUTE: '28',
        DATABASE_PATH: '/app/data/cupid.db',
        SYNC_INTERVAL_SECONDS: '60',
        SYNC_LOOKBACK_MINUTES: '0',
        SYNC_START_FROM: '2026-10-01T00:00:00Z',
        SYNC_ON_START: 'no',
        SYNC_LEASE_TTL_SECONDS: '5',
        DATABASE_URL: 'postgres://cupid:pw@db:5432/cupid',
        DATABASE_POOL_SIZE: '4',
        HOST: '0.0.0.0',
        PORT: '0',
        CORS_ORIGINS: 'https://dash.example.com, http://localhost:5173',
        DASHBOARD_API_KEYS: 'k1,k2',
        DASHBOARD_READ_ONLY: 'TRUE',
        DASHBOARD_RATE_LIMIT: '0',
        TRUST_PROXY: '1',
        LOG_LEVEL: 'warn',
      },
      '/srv',
    );
    expect(config.langfuse).toMatchObject({
      baseUrl: 'https://cloud.langfuse.com',
      apiMode: 'legacy',
      requestsPerMinute: 28,
    });
    expect(config.databasePath).toBe('/app/data/cupid.db');
    expect(config.sync).toEqual({
      intervalSeconds: 60,
      lookbackMinutes: 0,
      startFrom: Date.UTC(2026, 9, 1),
      onStart: false,
      leaseTtlSeconds: 5,
    });
    expect(config.databaseUrl).toBe('postgres://cupid:pw@db:5432/cupid');
    expect(config.databasePoolSize).toBe(4);
    expect(config.http).toEqual({
      host: '0.0.0.0',
      port: 0,
      corsOrigins: ['https://dash.example.com', 'http://localhost:5173'],
      apiKeys: ['k1', 'k2'],
      readOnly: true,
      rateLimitPerMinute: 0,
      trustProxy: 1,
    });
    expect(loadConfig({ ...keys, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(config.logLevel).toBe('warn');
  });

  it('treats empty variables as unset and CORS_ORIGINS=none as no CORS', () => {
    const config = loadConfig({ ...keys, PORT: '', LANGFUSE_BASE_URL: ' ', CORS_ORIGINS: 'none' });
    expect(config.http.port).toBe(8080);
    expect(config.langfuse.baseUrl).toBe('https://us.cloud.langfuse.com');
    expect(config.http.corsOrigins).toEqual([]);
  });

  it('accepts only postgres connection strings and a bounded pool, naming neither value', () => {
    const problems = problemsOf({
      ...keys,
      DATABASE_URL: 'mysql://root:hunter2@db/cupid',
      DATABASE_POOL_SIZE: '0',
    });
    expect(problems).toEqual([
      'DATABASE_URL must be a postgres:// or postgresql:// connection string',
      'DATABASE_POOL_SIZE must be an integer from 1 to 1000',
    ]);
    expect(problems.join(' ')).not.toContain('hunter2');
    expect(loadConfig({ ...keys, DATABASE_URL: 'postgresql://db/cupid' }).databaseUrl).toBe(
      'postgresql://db/cupid',
    );
  });

  it('describes a PostgreSQL database without its password', () => {
    const config = loadConfig({
      ...keys,
      DATABASE_URL: 'postgres://cupid:s3cr%40t@db.internal:5432/cupid?sslmode=require&password=x',
    });
    expect(describeStore(config)).toBe(
      'PostgreSQL postgres://cupid@db.internal:5432/cupid (pool 10)',
    );
  });

  it('keeps :memory: as is', () => {
    expect(loadConfig({ ...keys, DATABASE_PATH: ':memory:' }).databasePath).toBe(':memory:');
  });

  it('names every missing key', () => {
    expect(problemsOf({})).toEqual([
      'LANGFUSE_PUBLIC_KEY is required',
      'LANGFUSE_SECRET_KEY is required',
    ]);
    expect(problemsOf({ LANGFUSE_PUBLIC_KEY: 'pk', LANGFUSE_SECRET_KEY: '' })).toEqual([
      'LANGFUSE_SECRET_KEY is required',
    ]);
  });

  it.each([
    ['PORT', '70000', 'PORT must be an integer from 0 to 65535'],
    ['PORT', '80.5', 'PORT must be an integer from 0 to 65535'],
    ['SYNC_INTERVAL_SECONDS', '0', 'SYNC_INTERVAL_SECONDS must be an integer from 1 to 86400'],
    ['SYNC_INTERVAL_SECONDS', 'often', 'SYNC_INTERVAL_SECONDS must be an integer from 1 to 86400'],
    ['LANGFUSE_BASE_URL', 'us.cloud.langfuse.com', 'LANGFUSE_BASE_URL must be an http(s) URL'],
    [
      'LANGFUSE_BASE_URL',
      'https://user:pass@cloud.langfuse.com',
      'LANGFUSE_BASE_URL must not contain credentials; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY instead',
    ],
    [
      'LANGFUSE_BASE_URL',
      'http://token@127.0.0.1:3000/',
      'LANGFUSE_BASE_URL must not contain credentials; set LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY instead',
    ],
    [
      'CORS_ORIGINS',
      '*',
      "CORS_ORIGINS does not accept '*'; list the origins, e.g. https://dash.example.com,http://localhost:5173",
    ],
    [
      'CORS_ORIGINS',
      'http://localhost:5173, *',
      "CORS_ORIGINS does not accept '*'; list the origins, e.g. https://dash.example.com,http://localhost:5173",
    ],
    ['LANGFUSE_API_MODE', 'v3', 'LANGFUSE_API_MODE must be auto, v2 or legacy'],
    [
      'LANGFUSE_REQUESTS_PER_MINUTE',
      '-1',
      'LANGFUSE_REQUESTS_PER_MINUTE must be a positive number',
    ],
    ['DASHBOARD_READ_ONLY', 'maybe', 'DASHBOARD_READ_ONLY must be true or false'],
    ['DASHBOARD_RATE_LIMIT', 'lots', 'DASHBOARD_RATE_LIMIT must be an integer from 0 to 1000000'],
    [
      'TRUST_PROXY',
      'true',
      'TRUST_PROXY must name the proxies (a hop count such as 1, loopback, or subnets), not true',
    ],
    [
      'SYNC_START_FROM',
      'yesterday',
      'SYNC_START_FROM must be an ISO-8601 date, e.g. 2026-10-01T00:00:00Z',
    ],
  ])('rejects %s=%s', (name, value, message) => {
    expect(problemsOf({ ...keys, [name]: value })).toEqual([message]);
  });

  it('never repeats a key in its message', () => {
    try {
      loadConfig({
        LANGFUSE_PUBLIC_KEY: 'pk-lf-visible',
        LANGFUSE_SECRET_KEY: 'sk-lf-hidden',
        PORT: 'x',
      });
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).toBe(
        'Invalid configuration: PORT must be an integer from 0 to 65535',
      );
    }
  });
});

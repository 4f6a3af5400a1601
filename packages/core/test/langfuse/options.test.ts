import { describe, expect, it } from 'vitest';
import { createLangfuseClient, LangfuseError, resolveLangfuseOptions } from '../../src/index';

const keys = { publicKey: 'pk-lf-1', secretKey: 'sk-lf-secret-1' };

function configError(run: () => unknown): LangfuseError {
  try {
    run();
  } catch (error) {
    if (error instanceof LangfuseError) return error;
    throw error;
  }
  throw new Error('expected a LANGFUSE_CONFIG error');
}

describe('Langfuse client options', () => {
  it('fills in the documented defaults and strips trailing slashes', () => {
    const resolved = resolveLangfuseOptions({ ...keys, baseUrl: 'https://cloud.langfuse.com//' });
    expect(resolved).toMatchObject({
      baseUrl: 'https://cloud.langfuse.com',
      timeoutMs: 30_000,
      maxRetries: 5,
      retryBaseDelayMs: 500,
      retryMaxDelayMs: 30_000,
      maxRetryAfterMs: 60_000,
      requestsPerMinute: undefined,
    });
    expect(resolveLangfuseOptions(keys).baseUrl).toBe('https://us.cloud.langfuse.com');
  });

  it('names a missing or empty key without echoing any value', () => {
    const missing = configError(() => createLangfuseClient({ publicKey: 'pk-lf-1' } as never));
    expect(missing.code).toBe('LANGFUSE_CONFIG');
    expect(missing.message).toContain('secretKey');
    expect(missing.message).toContain('LANGFUSE_SECRET_KEY');
    const empty = configError(() =>
      createLangfuseClient({ publicKey: ' ', secretKey: 'sk-lf-secret-1' }),
    );
    expect(empty.message).toContain('publicKey');
    expect(empty.message).not.toContain('sk-lf-secret-1');
  });

  it('rejects a base URL with credentials or a bad scheme, and nonsense numbers', () => {
    const withCreds = configError(() =>
      resolveLangfuseOptions({ ...keys, baseUrl: 'https://u:p@cloud.langfuse.com' }),
    );
    expect(withCreds.message).toContain('credentials');
    expect(withCreds.message).not.toContain('u:p');
    expect(
      configError(() => resolveLangfuseOptions({ ...keys, baseUrl: 'ftp://x' })).message,
    ).toContain('baseUrl');
    expect(configError(() => resolveLangfuseOptions({ ...keys, timeoutMs: 0 })).message).toContain(
      'timeoutMs',
    );
    expect(
      configError(() => resolveLangfuseOptions({ ...keys, maxRetries: -1 })).message,
    ).toContain('maxRetries');
  });

  it('does not expose the keys on the client object', () => {
    const client = createLangfuseClient(keys);
    expect(JSON.stringify(client)).not.toContain('sk-lf-secret-1');
    expect(Object.keys(client)).not.toContain('secretKey');
  });
});

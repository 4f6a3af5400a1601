import {
  createLangfuseClient,
  type LangfuseClientOptions,
  LangfuseError,
} from '../../../src/index';
import { PUBLIC_KEY, SECRET_KEY } from './fake-langfuse';
import { MSW_BASE_URL } from './msw-server';

/** A client for the msw origin; retries without delay unless a test says otherwise. */
export function mswClient(options: Partial<LangfuseClientOptions> = {}) {
  return createLangfuseClient({
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    baseUrl: `${MSW_BASE_URL}/`,
    retryBaseDelayMs: 0,
    random: () => 0.5,
    ...options,
  });
}

/** A client for a real local server; retries after a few milliseconds. */
export function localClient(baseUrl: string, options: Partial<LangfuseClientOptions> = {}) {
  return createLangfuseClient({
    publicKey: PUBLIC_KEY,
    secretKey: SECRET_KEY,
    baseUrl,
    retryBaseDelayMs: 1,
    retryMaxDelayMs: 5,
    ...options,
  });
}

/** Every page of an iterator. */
export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

/** The LangfuseError a promise rejects with; fails the test on anything else. */
export async function rejection(promise: Promise<unknown>): Promise<LangfuseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LangfuseError))
    throw new Error(`expected a LangfuseError, got ${String(error)}`);
  return error;
}

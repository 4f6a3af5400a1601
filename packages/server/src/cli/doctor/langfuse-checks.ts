import { createLangfuseClient, isLangfuseError, type LangfuseClient } from '@cupid-dashboard/core';
import type { ServerConfig } from '../../config';
import type { CheckResult } from './check';
import { rateLimitCheck } from './rate-limit-check';
import { type RateLimitHeaders, recordingFetch } from './recording-fetch';

/** The Langfuse checks, in order; each later one is skipped when an earlier one failed. */
export const LANGFUSE_CHECKS = ['base URL', 'keys', 'API', 'rate limit'] as const;

const codeOf = (error: unknown) => (isLangfuseError(error) ? error.code : 'UNKNOWN');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Checks the Langfuse side of `config`: the base URL answers, the keys are accepted, which API
 * generation the server offers (and whether `LANGFUSE_API_MODE` fits it), and the rate-limit
 * headroom the responses report. One attempt per request (no retries), so a failure shows at once.
 *
 * @example
 * for (const check of await langfuseChecks(loadConfig(process.env))) console.log(formatCheck(check));
 */
export async function langfuseChecks(config: ServerConfig): Promise<CheckResult[]> {
  const seen: RateLimitHeaders[] = [];
  const client = createLangfuseClient({
    publicKey: config.langfuse.publicKey,
    secretKey: config.langfuse.secretKey,
    baseUrl: config.langfuse.baseUrl,
    maxRetries: 0,
    timeoutMs: 10_000,
    fetch: recordingFetch(seen),
  });
  const results: CheckResult[] = [await checkBaseUrl(client, config.langfuse.baseUrl)];
  if (results[0]?.outcome !== 'fail') results.push(await checkKeys(client));
  if (results[1]?.outcome === 'ok') {
    results.push(await checkGeneration(client, config.langfuse.apiMode));
    results.push(rateLimitCheck(seen, config.langfuse.requestsPerMinute));
  }
  for (const name of LANGFUSE_CHECKS.slice(results.length)) {
    results.push({ name, outcome: 'skip', detail: 'skipped after the failure above' });
  }
  return results;
}

async function checkBaseUrl(client: LangfuseClient, baseUrl: string): Promise<CheckResult> {
  const name = 'base URL';
  try {
    const health = await client.health();
    const version = health.version ? `Langfuse ${health.version}` : 'no version reported';
    return { name, outcome: 'ok', detail: `${baseUrl} answers (${version})` };
  } catch (error) {
    const code = codeOf(error);
    if (code === 'LANGFUSE_NOT_FOUND') {
      return {
        name,
        outcome: 'fail',
        detail: `${baseUrl} has no Langfuse API (404 on /api/public/health)`,
        fix: 'set LANGFUSE_BASE_URL to the origin of your Langfuse, without a path',
      };
    }
    if (code === 'LANGFUSE_NETWORK' || code === 'LANGFUSE_TIMEOUT') {
      return {
        name,
        outcome: 'fail',
        detail: `cannot reach ${baseUrl} (${code})`,
        fix: 'check LANGFUSE_BASE_URL (https://cloud.langfuse.com, https://us.cloud.langfuse.com or your own host) and the network or proxy',
      };
    }
    return {
      name,
      outcome: 'fail',
      detail: `${baseUrl} answered the health check with ${code}: ${messageOf(error)}`,
      fix: 'check that Langfuse is up (its status page, or its logs when self-hosted)',
    };
  }
}

async function checkKeys(client: LangfuseClient): Promise<CheckResult> {
  const name = 'keys';
  try {
    const info = await client.checkConnection();
    const project = info.projectName ?? info.projectId;
    return {
      name,
      outcome: 'ok',
      detail: project ? `accepted for project ${project}` : 'accepted',
    };
  } catch (error) {
    if (codeOf(error) === 'LANGFUSE_AUTH') {
      return {
        name,
        outcome: 'fail',
        detail: 'Langfuse refused LANGFUSE_PUBLIC_KEY / LANGFUSE_SECRET_KEY',
        fix: "copy both keys of one project from Langfuse (Settings > API Keys); keys only work on their own region's host",
      };
    }
    return {
      name,
      outcome: 'fail',
      detail: `could not verify the keys: ${codeOf(error)}: ${messageOf(error)}`,
      fix: 'run doctor again; if it persists, check the base URL and the network',
    };
  }
}

type Probe = 'yes' | 'no' | { code: string };

async function probe(call: () => Promise<unknown>): Promise<Probe> {
  try {
    await call();
    return 'yes';
  } catch (error) {
    return codeOf(error) === 'LANGFUSE_NOT_FOUND' ? 'no' : { code: codeOf(error) };
  }
}

async function checkGeneration(
  client: LangfuseClient,
  apiMode: ServerConfig['langfuse']['apiMode'],
): Promise<CheckResult> {
  const name = 'API';
  const v2 = await probe(() => client.getObservationsV2({ limit: 1 }));
  const legacy = await probe(() => client.getTraces({ limit: 1 }));
  if (typeof v2 === 'object' || typeof legacy === 'object') {
    const code = typeof v2 === 'object' ? v2.code : (legacy as { code: string }).code;
    return {
      name,
      outcome: 'warn',
      detail: `could not tell which API generation the server offers (${code})`,
      fix: 'run doctor again in a minute',
    };
  }
  if (v2 === 'no' && legacy === 'no') {
    return {
      name,
      outcome: 'fail',
      detail: 'neither v2 observations nor the legacy traces endpoint exist here (404)',
      fix: 'point LANGFUSE_BASE_URL at a Langfuse server (v3 or newer)',
    };
  }
  const offered =
    v2 === 'yes' && legacy === 'yes'
      ? 'v2 observations and the legacy endpoints'
      : v2 === 'yes'
        ? 'v2 observations only (the legacy endpoints answer 404)'
        : 'the legacy endpoints only (v2 observations answer 404)';
  const missing = (apiMode === 'v2' && v2 === 'no') || (apiMode === 'legacy' && legacy === 'no');
  if (missing) {
    return {
      name,
      outcome: 'fail',
      detail: `LANGFUSE_API_MODE=${apiMode}, but the server offers ${offered}`,
      fix: 'set LANGFUSE_API_MODE=auto (the sync then picks what the server offers)',
    };
  }
  const used = apiMode === 'auto' ? (v2 === 'yes' ? 'v2' : 'legacy') : apiMode;
  return { name, outcome: 'ok', detail: `the server offers ${offered}; the sync reads ${used}` };
}

import type { LangfuseSimulator } from '../../src/index';

/** Basic auth header for the simulator's default keys. */
export function authHeader(sim: LangfuseSimulator): string {
  return `Basic ${Buffer.from(`${sim.publicKey}:${sim.secretKey}`).toString('base64')}`;
}

/** GETs a path through the in-process fetch with auth; returns status, headers and JSON body. */
export async function get(sim: LangfuseSimulator, pathAndQuery: string, auth = true) {
  const response = await sim.fetch(`${sim.baseUrl}${pathAndQuery}`, {
    headers: auth ? { authorization: authHeader(sim) } : {},
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  const body: any = await response.json();
  return { status: response.status, headers: response.headers, body };
}

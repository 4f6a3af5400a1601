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
  const body = await readJson(response);
  return { status: response.status, headers: response.headers, body };
}

/** A response's JSON body, typed loosely: tests assert on arbitrary fields. */
// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
export async function readJson(response: Response): Promise<any> {
  return response.json();
}

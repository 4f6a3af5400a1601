import { storedApiKey } from './key';

/** A failed call: `status` 0 means the network failed before any answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An answer and how fresh its data is (`X-Data-As-Of`, the last successful sync). */
export interface ApiResult<T> {
  data: T;
  asOf: string | null;
}

export type QueryValues = Record<string, string | number | undefined | null>;

/**
 * The URL of a route, relative to the page (`api/sessions?…`), so it lands under whatever
 * prefix the dashboard is mounted at. Empty values are left out.
 */
export function apiUrl(path: string, query: QueryValues = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/**
 * Calls a route. The browser's HTTP cache revalidates with ETags by itself: a 304 reaches this
 * code as the cached 200, headers refreshed, so nothing here handles it.
 */
export async function callApi<T>(
  method: 'GET' | 'POST',
  path: string,
  query?: QueryValues,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = storedApiKey();
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { method, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The dashboard server could not be reached');
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw errorOf(response.status, body);
  return { data: body as T, asOf: response.headers.get('X-Data-As-Of') };
}

function errorOf(status: number, body: unknown): ApiError {
  const { code, detail } = (body ?? {}) as { code?: unknown; detail?: unknown };
  return new ApiError(
    status,
    typeof code === 'string' ? code : `HTTP_${status}`,
    typeof detail === 'string' ? detail : `The server answered ${status}`,
  );
}

/**
 * The same 200 answer with `meta.cursor` replaced by `cursor`, for the `repeat_cursor` fault: the
 * rows stay those of the page, only the paging stops advancing.
 *
 * @example
 * const repeated = await withCursor(response, requestCursor);
 */
export async function withCursor(response: Response, cursor: string): Promise<Response> {
  const body = (await response.json()) as { meta?: Record<string, unknown> };
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify({ ...body, meta: { ...body.meta, cursor } }), {
    status: response.status,
    headers,
  });
}

/** JSON response with the given status and extra headers. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** 400 in the shape Langfuse gives a rejected query: a message plus the validation issues. */
export function badRequest(message: string, issues: unknown[] = []): Response {
  return json(400, { message, error: issues });
}

/** 401 for missing or wrong Basic-auth keys (the keys never appear in the body). */
export function unauthorized(message: string): Response {
  return json(401, { message, error: 'UnauthorizedError' });
}

/** 404, e.g. an unknown trace id or an API generation this server does not offer. */
export function notFound(message: string): Response {
  return json(404, { message, error: 'LangfuseNotFoundError' });
}

export function methodNotAllowed(): Response {
  return json(405, { message: 'Method not allowed', error: 'MethodNotAllowedError' });
}

/** 5xx as a proxy or an overloaded server sends it. */
export function serverError(status: number): Response {
  const messages: Record<number, string> = {
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return json(status, {
    message: messages[status] ?? 'Server Error',
    error: 'InternalServerError',
  });
}

/** A network-level failure: transports turn it into a destroyed socket or a rejected fetch. */
export function networkError(): Response {
  return Response.error();
}

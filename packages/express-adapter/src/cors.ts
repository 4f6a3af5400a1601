import type { RequestHandler } from 'express';

/** The dashboard front end's development origins (the seed's list). */
export const DEFAULT_CORS_ORIGINS: readonly string[] = Object.freeze([
  'http://localhost',
  'http://localhost:3000',
  'http://localhost:5173',
  'http://127.0.0.1:3000',
]);

/**
 * Allows the listed origins (credentials included) and answers preflight requests with 204;
 * other origins get no CORS headers, so browsers block them.
 */
export function corsHandler(origins: readonly string[], methods: string): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin !== undefined && allowed.has(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'X-Data-As-Of, ETag',
      });
    }
    if (req.method !== 'OPTIONS') return next();
    res.set({
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers':
        req.get('access-control-request-headers') ?? 'Authorization, Content-Type, X-API-Key',
      'Access-Control-Max-Age': '600',
    });
    res.status(204).end();
  };
}

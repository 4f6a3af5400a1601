import { json } from '../http/responses';
import type { EndpointContext } from './context';

/** `GET /api/public/health`: no auth; `{ status: 'OK', version }`. */
export function health(context: EndpointContext): Response {
  return json(200, { status: 'OK', version: context.options.version });
}

/** `GET /api/public/projects`: the one project the keys belong to. */
export function projects(context: EndpointContext): Response {
  const { projectId, projectName } = context.options;
  return json(200, {
    data: [
      {
        id: projectId,
        name: projectName,
        organization: { id: 'simulator-org', name: 'Simulator' },
        metadata: {},
      },
    ],
  });
}

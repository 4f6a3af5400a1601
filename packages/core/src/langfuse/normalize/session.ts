import type { SessionRecord } from '../../domain/index';
import type { LangfuseSession } from '../schemas/index';
import { environmentOf, toEpochMs } from './common';

/**
 * A legacy session → {@link SessionRecord}.
 *
 * @example
 * sessionToRecord({ id: 's1', createdAt: '2026-11-20T10:00:00.000Z', projectId: 'p', environment: 'default' });
 * // { id: 's1', createdAt: 1795168800000, environment: 'default' }
 */
export function sessionToRecord(session: LangfuseSession): SessionRecord {
  return {
    id: session.id,
    createdAt: toEpochMs(session.createdAt),
    environment: environmentOf(session.environment),
  };
}

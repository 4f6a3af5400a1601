import type { SyncProgress } from '../store/sync-state';
import { ListenerHub } from './listeners';

/**
 * Fans progress updates out to listeners; a throwing listener is ignored so it cannot break a
 * run.
 *
 * @example
 * const hub = new ProgressHub();
 * const off = hub.add((p) => console.log(p.phase, p.pages));
 * hub.emit({ phase: 'observations', pages: 1, records: 1000, updatedAt: Date.now() });
 * off();
 */
export class ProgressHub extends ListenerHub<SyncProgress> {}

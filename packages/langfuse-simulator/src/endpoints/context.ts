import type { SimulatorStore } from '../data/store';
import type { ResolvedOptions } from '../options';
import type { JsonObject } from '../serialize/legacy';

/** What every endpoint gets: the parsed URL, the records and the options. */
export interface EndpointContext {
  url: URL;
  store: SimulatorStore;
  options: ResolvedOptions;
  /**
   * Passes every record row through the malformed-record fault before it is sent; returns the
   * row unchanged when no such fault applies.
   */
  present: (row: JsonObject, id: string) => JsonObject;
}

/** An endpoint: a context in, a web-standard Response out. */
export type Endpoint = (context: EndpointContext) => Response;

import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Db } from './types';

/**
 * Refuses a second statement. A read run outside a transaction sees one committed state only if
 * it is a single statement; a query that grows a second one must move back into a transaction,
 * and the store's tests then say so rather than answers mixing two states.
 */
class OneStatementOnly implements KyselyPlugin {
  #statements = 0;

  // Every builder passes through here, subqueries too: only results count statements.
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.#statements += 1;
    if (this.#statements > 1) {
      throw new Error('a read of one statement issued a second: run it in a read transaction');
    }
    return args.result;
  }
}

/**
 * Runs a read of one statement on the pool, outside a transaction: one statement reads one
 * committed state by itself, and leaving out `begin` and `commit` saves two of its three round
 * trips to the server.
 */
export function oneStatementRead<T>(db: Db, body: (db: Db) => Promise<T>): Promise<T> {
  return body(db.withPlugin(new OneStatementOnly()));
}

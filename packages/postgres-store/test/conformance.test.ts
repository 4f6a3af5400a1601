import type { DashboardStore } from '@cupid-dashboard/core';
import { storeConformanceSuite } from '@cupid-dashboard/core/testing';
import { inject } from 'vitest';
import { createPostgresStore } from '../src/index';
import { freshSchema } from './support/schemas';

const url = inject('postgresUrl');

// Which schema each store of the suite opened, so the suite can open a sibling on it.
const schemaOf = new WeakMap<DashboardStore, string>();

// Each store gets a schema of its own on the run's server: fresh, empty, and cheap to make. A
// sibling is a second store (its own pool) on the same schema, as another instance would be.
storeConformanceSuite(
  'postgresql',
  async (context) => {
    const schema = freshSchema();
    const store = await createPostgresStore(
      { connectionString: url },
      { ...context, schema, poolSize: 4 },
    );
    schemaOf.set(store, schema);
    return store;
  },
  {
    openSibling: (store, context) => {
      const schema = schemaOf.get(store);
      if (schema === undefined) throw new Error('not a store of this suite');
      return createPostgresStore({ connectionString: url }, { ...context, schema, poolSize: 2 });
    },
  },
);

import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { oneStatementRead } from '../src/db/one-statement';
import type { StoreSchema } from '../src/db/schema';

describe('a read outside a transaction', () => {
  const db = new Kysely<StoreSchema>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: inject('postgresUrl'), max: 1 }),
    }),
  });
  afterAll(() => db.destroy());

  it('answers a statement whose subqueries are compiled on their own', async () => {
    const answer = await oneStatementRead(db, (one) =>
      one
        .selectNoFrom([
          one.selectNoFrom(sql<number>`1`.as('x')).as('a'),
          one.selectNoFrom(sql<number>`2`.as('x')).as('b'),
        ])
        .executeTakeFirstOrThrow(),
    );
    expect(answer).toEqual({ a: 1, b: 2 });
  });

  it('refuses a second statement, which would read another committed state', async () => {
    await expect(
      oneStatementRead(db, async (one) => {
        await sql`select 1`.execute(one);
        await sql`select 2`.execute(one);
      }),
    ).rejects.toThrow(/second/);
  });
});

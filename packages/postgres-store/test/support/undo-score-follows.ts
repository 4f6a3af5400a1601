import type pg from 'pg';

/** Undoes migration `0010_score_follows` in a schema: the database as the schema before it left it. */
export async function undoScoreFollows(client: pg.Client, schema: string): Promise<void> {
  await client.query(`drop table ${schema}.score_group_hour, ${schema}.score_session`);
  await client.query(`alter table ${schema}.scores drop column agent, drop column model`);
  for (const index of ['scores_observation', 'scores_name_value', 'scores_time']) {
    await client.query(`drop index ${schema}.${index}`);
  }
  await client.query(`delete from ${schema}.kysely_migration where name = $1`, [
    '0010_score_follows',
  ]);
}

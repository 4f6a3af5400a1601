let next = 0;

/** A schema name no other store of this test run uses. */
export function freshSchema(): string {
  return `t${process.pid}_${next++}`;
}

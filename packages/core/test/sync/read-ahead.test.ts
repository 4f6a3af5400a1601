import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/sync/read-ahead';

async function* numbers(log: string[], failAt?: number) {
  for (let i = 1; i <= 3; i++) {
    log.push(`fetch ${i}`);
    if (i === failAt) throw new Error(`page ${i} failed`);
    yield i;
  }
}

describe('readAhead', () => {
  it('requests the next item before the current one is handled, in order', async () => {
    const log: string[] = [];
    for await (const n of readAhead(numbers(log))) log.push(`handle ${n}`);
    expect(log).toEqual(['fetch 1', 'fetch 2', 'handle 1', 'fetch 3', 'handle 2', 'handle 3']);
  });

  it('surfaces a failure of the item read ahead when the loop reaches it', async () => {
    const log: string[] = [];
    const handled: number[] = [];
    await expect(async () => {
      for await (const n of readAhead(numbers(log, 2))) handled.push(n);
    }).rejects.toThrow('page 2 failed');
    expect(handled).toEqual([1]);
  });

  it('closes the source when the loop stops early', async () => {
    const log: string[] = [];
    let closed = false;
    async function* source() {
      try {
        yield* numbers(log);
      } finally {
        closed = true;
      }
    }
    for await (const n of readAhead(source())) if (n === 1) break;
    expect(closed).toBe(true);
  });
});

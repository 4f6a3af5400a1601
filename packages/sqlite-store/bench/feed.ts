import { fork } from 'node:child_process';
import type { Page } from './batches';

/** What a bench child process sends its parent. */
type ChildMessage = { next: true } | { result: unknown };

/**
 * Runs `entry` (a bench script) in a child process of its own and feeds it the pages of
 * `sources` one at a time, when it asks for the next one: the dataset is generated here, so the
 * child's peak RSS is the store's alone and no page is generated while the child writes. Each
 * source is one {@link fedPages} loop in the child. Resolves with what the child passes to
 * {@link finish}.
 *
 * @param input handed to the child as {@link childInput}
 * @example
 * const raw = await runFed<RawResult>(new URL('./raw-process.ts', import.meta.url), [pages(dataset)], { path });
 */
export function runFed<T>(
  entry: URL,
  sources: ReadonlyArray<Iterator<Page>>,
  input: unknown,
): Promise<T> {
  let current = 0;
  const child = fork(entry, [], {
    // tsx for the bench script itself; the packages it imports come from their built `dist`
    // (as users run them) unless BENCH_SOURCE=1, so compiling sources is not counted in the
    // child's memory; --expose-gc so the child can collect between phases.
    execArgv: [
      '--import',
      'tsx',
      '--expose-gc',
      ...(process.env.BENCH_SOURCE === '1' ? ['--conditions=source'] : []),
    ],
    env: { ...process.env, BENCH_CHILD_INPUT: JSON.stringify(input) },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<T>((resolve, reject) => {
    let result: { value: unknown } | null = null;
    child.on('message', (message: ChildMessage) => {
      if ('result' in message) {
        result = { value: message.result };
        return;
      }
      const next = sources[current]?.next();
      if (next === undefined || next.done) {
        current++;
        child.send({ done: true });
      } else child.send({ page: next.value });
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result !== null && code === 0) resolve(result.value as T);
      else reject(new Error(`${entry.pathname} exited with ${code}`));
    });
  });
}

/** In a child started by {@link runFed}: the pages of its parent's next source, one per request. */
export async function* fedPages(): AsyncGenerator<Page> {
  for (;;) {
    const message = await new Promise<{ page?: Page; done?: true }>((resolve) => {
      process.once('message', resolve);
      process.send?.({ next: true });
    });
    if (message.page === undefined) return;
    yield message.page;
  }
}

/** In a child started by {@link runFed}: the `input` its parent passed. */
export function childInput<T>(): T {
  return JSON.parse(process.env.BENCH_CHILD_INPUT ?? 'null') as T;
}

/** In a child started by {@link runFed}: hands the result to the parent and lets the child exit. */
export function finish(result: unknown): void {
  process.send?.({ result }, () => process.disconnect());
}

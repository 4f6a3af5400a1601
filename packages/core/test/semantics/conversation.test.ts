import { describe, expect, it } from 'vitest';
import type { ObservationRecord } from '../../src/index';
import { cupidPreset } from '../../src/index';
import { extractConversation } from '../../src/semantics/index';
import { observation } from '../../src/testing/index';

const gen = (
  id: string,
  startTime: number,
  input: unknown,
  output: unknown,
  fields: Partial<ObservationRecord> = {},
) =>
  observation({
    id,
    startTime,
    endTime: startTime + 100,
    input,
    output,
    name: 'Mortal',
    ...fields,
  });
const user = (content: string) => ({ role: 'user', content });
const bot = (content: string) => ({ role: 'assistant', content });
const contents = (observations: ObservationRecord[]) =>
  extractConversation(observations, cupidPreset).map((m) => `${m.role}:${m.content}`);

describe('extractConversation', () => {
  it('shows each message once though every input repeats the history', () => {
    expect(
      contents([
        gen('g1', 0, [user('Hi')], 'Hello'),
        gen('g2', 10, [user('Hi'), bot('Hello'), user('Bye')], 'Farewell'),
      ]),
    ).toEqual(['user:Hi', 'assistant:Hello', 'user:Bye', 'assistant:Farewell']);
  });

  it('orders by start time then id, whatever the input order', () => {
    expect(
      contents([
        gen('b', 5, [user('second')], null),
        gen('c', 9, [user('third')], null),
        gen('a', 5, [user('first')], null),
      ]),
    ).toEqual(['user:first', 'user:second', 'user:third']);
  });

  it('skips history even when other agents answered in between', () => {
    expect(
      contents([
        gen('route', 0, [user('Hi')], '{"ended":false}', { name: 'HasEnded' }),
        gen('answer', 1, [user('Hi')], 'Hello'),
        gen('route2', 2, [user('Hi'), bot('Hello'), user('More')], '{"ended":false}', {
          name: 'HasEnded',
        }),
        gen('answer2', 3, [user('Hi'), bot('Hello'), user('More')], 'Sure'),
      ]),
    ).toEqual([
      'user:Hi',
      'assistant:{"ended":false}',
      'assistant:Hello',
      'user:More',
      'assistant:{"ended":false}',
      'assistant:Sure',
    ]);
  });

  it('keeps a repeated player message that follows the history window', () => {
    expect(
      contents([
        gen('g1', 0, [user('yes')], 'Q1'),
        gen('g2', 1, [user('yes'), bot('Q1'), user('no')], 'Q2'),
        // The window has dropped the first "yes": the new "yes" comes after the history.
        gen('g3', 2, [bot('Q2'), user('yes')], 'Q3'),
      ]),
    ).toEqual(['user:yes', 'assistant:Q1', 'user:no', 'assistant:Q2', 'user:yes', 'assistant:Q3']);
  });

  it('reads only generations, and attaches tokens, cost and latency to the output', () => {
    const messages = extractConversation(
      [
        observation({ id: 'span', type: 'SPAN', input: 'ignored', output: 'ignored' }),
        gen(
          'g',
          1000,
          JSON.stringify([user('Hi')]),
          { role: 'assistant', content: 'Hello' },
          {
            model: 'gpt-4o',
            metadata: { chapter: 3 },
            usageDetails: { input: 10, output: 2 },
            totalCost: 0.5,
          },
        ),
      ],
      cupidPreset,
    );
    expect(messages).toEqual([
      {
        role: 'user',
        content: 'Hi',
        agent: 'Mortal',
        chapter: 3,
        time: 1000,
        model: 'gpt-4o',
        tokens: null,
        cost: null,
        latencyMs: null,
        observationId: 'g',
      },
      {
        role: 'assistant',
        content: 'Hello',
        agent: 'Mortal',
        chapter: 3,
        time: 1100,
        model: 'gpt-4o',
        tokens: { input: 10, output: 2, total: 12 },
        cost: 0.5,
        latencyMs: 100,
        observationId: 'g',
      },
    ]);
  });

  it('times an unfinished output at the start and gives it no latency', () => {
    const [message] = extractConversation(
      [gen('g', 50, null, 'partial', { endTime: null })],
      cupidPreset,
    );
    expect(message).toMatchObject({ time: 50, latencyMs: null });
  });

  it('returns nothing for no generations', () => {
    expect(extractConversation([], cupidPreset)).toEqual([]);
  });
});

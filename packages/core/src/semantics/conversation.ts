import type { ObservationRecord } from '../domain/records';
import type { DashboardPreset } from '../presets/types';
import type { ConversationMessage } from '../store/conversation';
import { observationChapter } from './chapters';
import { observationCost } from './cost';
import { compareIds } from './ids';
import { observationLatencyMs } from './latency';
import { type ParsedMessage, parseMessages } from './messages';
import { tokenCounts } from './tokens';

/**
 * Orders observations by start time, then id (UTF-16 code-unit order, which SQL's BINARY
 * collation matches for ASCII ids).
 *
 * @example
 * [b, a].sort(compareByStart); // a (start 5, id 'a') before b (start 5, id 'b')
 */
export function compareByStart(
  a: Pick<ObservationRecord, 'startTime' | 'id'>,
  b: Pick<ObservationRecord, 'startTime' | 'id'>,
): number {
  if (a.startTime !== b.startTime) return a.startTime - b.startTime;
  return compareIds(a.id, b.id);
}

/**
 * A session's conversation from its observations, each message once and in order.
 *
 * Only `GENERATION` observations speak; they are read by start time, then id. For each:
 * 1. Its input messages (`parseMessages`, default role `user`) usually repeat the history. The
 *    longest leading run of them that already appears in order (gaps allowed: other agents'
 *    outputs sit between history messages) among the messages emitted so far is skipped; the rest
 *    are new. Messages compare by role and exact content. So a history window, agents sharing a
 *    turn, and a player repeating "yes" after the history all come out right. The limit: an input
 *    without history whose one message equals an earlier message is taken as a repeat and skipped.
 * 2. Its output messages (default role `assistant`) are always new; the last one carries the
 *    generation's tokens, cost and latency.
 *
 * Input messages take the generation's start as their time, output messages its end (else start).
 *
 * @example
 * extractConversation([
 *   gen('g1', 0, [{ role: 'user', content: 'Hi' }], 'Hello'),
 *   gen('g2', 10, [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }, { role: 'user', content: 'Bye' }], 'Farewell'),
 * ], cupidPreset).map((m) => m.content); // ['Hi', 'Hello', 'Bye', 'Farewell']
 */
export function extractConversation(
  observations: readonly ObservationRecord[],
  preset: Pick<DashboardPreset, 'chapterMetadataKey' | 'agentChapters'>,
): ConversationMessage[] {
  const generations = observations
    .filter((observation) => observation.type === 'GENERATION')
    .sort(compareByStart);
  const emitted: ConversationMessage[] = [];
  const keys: string[] = [];
  for (const generation of generations) {
    const base = {
      agent: generation.name,
      chapter: observationChapter(generation, preset),
      model: generation.model,
      observationId: generation.id,
    };
    const input = parseMessages(generation.input, 'user');
    const known = longestKnownPrefix(input.map(messageKey), keys);
    for (const message of input.slice(known)) {
      emit({
        ...message,
        ...base,
        time: generation.startTime,
        tokens: null,
        cost: null,
        latencyMs: null,
      });
    }
    const output = parseMessages(generation.output, 'assistant');
    output.forEach((message, index) => {
      const last = index === output.length - 1;
      emit({
        ...message,
        ...base,
        time: generation.endTime ?? generation.startTime,
        tokens: last ? tokenCounts(generation.usageDetails) : null,
        cost: last ? observationCost(generation) : null,
        latencyMs: last ? observationLatencyMs(generation) : null,
      });
    });
  }
  return emitted;

  function emit(message: ConversationMessage): void {
    emitted.push(message);
    keys.push(messageKey(message));
  }
}

function messageKey(message: ParsedMessage): string {
  return `${message.role}\u0000${message.content}`;
}

/**
 * Length of the longest prefix of `candidate` that is a subsequence of `seen` (in order, gaps
 * allowed). Matching each element at its earliest possible place is optimal for this.
 */
function longestKnownPrefix(candidate: readonly string[], seen: readonly string[]): number {
  let matched = 0;
  for (let position = 0; position < seen.length && matched < candidate.length; position++) {
    if (seen[position] === candidate[matched]) matched++;
  }
  return matched;
}

import { parseMessages } from './messages';
import { normalizeSearchText } from './search';

/**
 * The searchable lines a generation contributes to its session: the normalized contents of the
 * messages of its input and output, split at line breaks.
 *
 * Why per generation is enough: every message of a session's conversation comes from the input
 * or output of one of its generations, and every input message left out of the conversation
 * repeats one that is in it. So the set of conversation contents equals the union of the
 * generations' message contents, which lets a session's search text grow by union as
 * generations arrive, without re-extracting the conversation. A query never holds a line break
 * (`normalizeSearchQuery`), so splitting at line breaks changes no match.
 *
 * @example
 * generationSearchLines({ type: 'GENERATION', input: 'Hi\nthere', output: 'HELLO' }); // ['hi', 'there', 'hello']
 */
export function generationSearchLines(observation: {
  type: string;
  input: unknown;
  output: unknown;
}): string[] {
  if (observation.type !== 'GENERATION') return [];
  const lines: string[] = [];
  for (const message of parseMessages(observation.input, 'user')) {
    for (const line of normalizeSearchText(message.content).split('\n')) lines.push(line);
  }
  for (const message of parseMessages(observation.output, 'assistant')) {
    for (const line of normalizeSearchText(message.content).split('\n')) lines.push(line);
  }
  return lines;
}

/** The identity text of a session: its normalized id and user id, one per line. */
export function sessionIdentText(id: string, userId: string | null): string {
  return userId === null
    ? normalizeSearchText(id)
    : `${normalizeSearchText(id)}\n${normalizeSearchText(userId)}`;
}

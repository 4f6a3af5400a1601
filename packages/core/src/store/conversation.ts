import type { EpochMs } from '../domain/records';
import type { TokenCounts } from './common';

/**
 * One message of a conversation (see `extractConversation` for the rules).
 *
 * Messages taken from a generation's input carry the generation's agent, chapter, model and time
 * (its start) but null tokens, cost and latency; the message taken from its output carries all of
 * them, its time being the generation's end (or start when it has none).
 */
export interface ConversationMessage {
  /** e.g. `'user'`, `'assistant'`, `'tool'`. */
  role: string;
  content: string;
  /** Name of the generation the message was first seen in. */
  agent: string | null;
  chapter: number | null;
  time: EpochMs;
  model: string | null;
  tokens: TokenCounts | null;
  /** USD. */
  cost: number | null;
  latencyMs: number | null;
  /** The generation the message was first seen in. */
  observationId: string;
}

/** A session's conversation, oldest message first. */
export interface Conversation {
  sessionId: string;
  messages: ConversationMessage[];
}

import { z } from 'zod';
import { isoTime, nullableMs, tokensWire } from './common';
import { conversationScoreWire } from './scores';

/** One message. Tokens, cost and latency are set only on the message a generation produced. */
export const messageWire = z.object({
  role: z.string().describe('user, assistant, tool, ...'),
  content: z.string(),
  agent: z.string().nullable().describe('Generation the message was first seen in'),
  chapter: z.number().int().nullable(),
  chapter_name: z.string().nullable(),
  time: isoTime,
  model: z.string().nullable(),
  tokens: tokensWire.nullable(),
  cost: z.number().nullable().describe('USD'),
  latency_ms: nullableMs,
  observation_id: z.string(),
});

/** `GET /api/sessions/{session_id}/conversation`. */
export const conversationWire = z.object({
  session_id: z.string(),
  message_count: z.number().int(),
  messages: z.array(messageWire),
  scores: z
    .array(conversationScoreWire)
    .describe("The session's scores, by time: on the session, its traces or its messages"),
});

export type MessageWire = z.infer<typeof messageWire>;
export type ConversationWire = z.infer<typeof conversationWire>;

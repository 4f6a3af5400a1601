import type { DashboardPreset } from '../presets/types';
import type { Conversation, ConversationMessage } from '../store/conversation';
import type { SessionRow, SessionStats } from '../store/sessions';
import { chapterName, funnelStepToWire, iso, tokensToWire } from './map-common';
import type { ConversationWire, MessageWire } from './wire/conversation';
import type { SessionRowWire, SessionStatsWire } from './wire/sessions';

/** A session row on the wire. */
export function sessionRowToWire(row: SessionRow): SessionRowWire {
  return {
    id: row.id,
    user_id: row.userId,
    started_at: iso(row.startedAt),
    last_activity: iso(row.lastActivityAt),
    duration_ms: row.durationMs,
    trace_count: row.traceCount,
    generation_count: row.generationCount,
    observation_count: row.observationCount,
    chapter_reached: row.chapterReached,
    chapter_name: row.chapterName,
    status: row.status,
    total_cost: row.cost,
    tokens: tokensToWire(row.tokens),
    error_count: row.errorCount,
  };
}

/** Session statistics on the wire, without the period fields the service adds. */
export function sessionStatsToWire(
  stats: SessionStats,
): Omit<SessionStatsWire, 'time_range' | 'period'> {
  return {
    total_sessions: stats.total,
    by_status: { ...stats.byStatus },
    completion_rate: stats.completionRate,
    avg_duration_ms: stats.avgDurationMs,
    median_duration_ms: stats.medianDurationMs,
    total_cost: stats.cost,
    tokens: tokensToWire(stats.tokens),
    unique_users: stats.uniqueUsers,
    chapter_funnel: stats.funnel.map(funnelStepToWire),
  };
}

function messageToWire(message: ConversationMessage, preset: DashboardPreset): MessageWire {
  return {
    role: message.role,
    content: message.content,
    agent: message.agent,
    chapter: message.chapter,
    chapter_name: chapterName(preset, message.chapter),
    time: iso(message.time),
    model: message.model,
    tokens: message.tokens === null ? null : tokensToWire(message.tokens),
    cost: message.cost,
    latency_ms: message.latencyMs,
    observation_id: message.observationId,
  };
}

/** A conversation on the wire, chapter names from the preset, without the scores the service adds. */
export function conversationToWire(
  conversation: Conversation,
  preset: DashboardPreset,
): Omit<ConversationWire, 'scores'> {
  return {
    session_id: conversation.sessionId,
    message_count: conversation.messages.length,
    messages: conversation.messages.map((message) => messageToWire(message, preset)),
  };
}

import type { MessageWire, SessionRowWire } from '@cupid-dashboard/core';
import { api } from '../api/endpoints';
import { type Fact, Facts } from '../components/facts';
import { PageHeader } from '../components/page-header';
import { Empty, ErrorView, Loading } from '../components/states';
import { formatCompact, formatCost, formatCount, formatMs, formatTime } from '../lib/format';
import { periodLinkParams } from '../lib/period';
import { href, type Route } from '../lib/router';
import { useApi } from '../lib/use-api';

/**
 * One session: its row of the list (found by searching all time for its id; the API has no
 * single-session route) and its conversation.
 */
export function SessionPage({ id, route }: { id: string; route: Route }) {
  const row = useApi(`row:${id}`, () =>
    api.sessions({ time_range: 'all', search: id, limit: 200 }),
  );
  const conversation = useApi(`conversation:${id}`, () => api.conversation(id));
  const session = row.data?.sessions.find((candidate) => candidate.id === id);
  return (
    <>
      <p class="breadcrumb">
        <a href={href('sessions', periodLinkParams(route.params))}>← Sessions</a>
      </p>
      <PageHeader
        title={
          <>
            Session <code>{id}</code>
          </>
        }
        asOf={conversation.asOf}
      />
      {session && <SessionStats session={session} />}
      {conversation.status === 'error' ? (
        <ErrorView error={conversation.error} onRetry={conversation.reload} />
      ) : conversation.data === undefined ? (
        <Loading />
      ) : conversation.data.messages.length === 0 ? (
        <Empty>This session has no messages.</Empty>
      ) : (
        <section aria-label="Conversation">
          <h2>
            Conversation{' '}
            <span class="muted">({formatCount(conversation.data.message_count)} messages)</span>
          </h2>
          <ol class="conversation" data-messages={conversation.data.message_count}>
            {conversation.data.messages.map((message) => (
              <Message
                key={`${message.observation_id}:${message.time}:${message.role}`}
                message={message}
              />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function SessionStats({ session }: { session: SessionRowWire }) {
  const facts: Fact[] = [
    ['status', 'Status', <span class={`badge status-${session.status}`}>{session.status}</span>],
    ['user', 'User', session.user_id ?? '—'],
    ['started', 'Started', formatTime(session.started_at)],
    ['duration', 'Duration', formatMs(session.duration_ms)],
    ['chapter', 'Chapter reached', session.chapter_name ?? '—'],
    ['traces', 'Traces', formatCount(session.trace_count)],
    ['generations', 'LLM calls', formatCount(session.generation_count)],
    ['cost', 'Cost', formatCost(session.total_cost)],
    ['tokens', 'Tokens', formatCount(session.tokens.total)],
    ['errors', 'Errors', formatCount(session.error_count)],
  ];
  return <Facts data-session={session.id} facts={facts} />;
}

function Message({ message }: { message: MessageWire }) {
  return (
    <li class={`message role-${message.role}`} data-role={message.role}>
      <div class="message-meta">
        <strong>{message.role}</strong>
        {message.agent && <span data-meta="agent">{message.agent}</span>}
        {message.chapter_name && <span data-meta="chapter">{message.chapter_name}</span>}
        {message.model && <span data-meta="model">{message.model}</span>}
        {message.tokens && (
          <span data-meta="tokens">{formatCompact(message.tokens.total)} tokens</span>
        )}
        {message.cost !== null && <span data-meta="cost">{formatCost(message.cost)}</span>}
        {message.latency_ms !== null && (
          <span data-meta="latency">{formatMs(message.latency_ms)}</span>
        )}
        <time dateTime={message.time}>{formatTime(message.time)}</time>
      </div>
      <p class="message-content">{message.content}</p>
    </li>
  );
}

/** A chat message reduced to what the conversation view shows. */
export interface ParsedMessage {
  role: string;
  content: string;
}

/** Roles that carry prompts, not conversation; they are left out. */
const PROMPT_ROLES = new Set(['system', 'developer']);

/**
 * Reads the chat messages out of a generation's input or output in any form Langfuse returns:
 * - an array of messages (`{ role, content }`) or strings;
 * - an object with a `messages` array, a single message object, or `{ content }`;
 * - a plain string (one message with `defaultRole`);
 * - JSON text of any of the above (v2 returns input and output as raw strings); text that parses
 *   to nothing conversational stays one message holding the text itself.
 *
 * `content` may be a string or an array of parts, whose text parts are joined with `'\n'`.
 * System and developer messages and messages with blank content are left out. Other objects
 * become one message holding their JSON.
 *
 * @example
 * parseMessages('[{"role":"user","content":"Hi"}]', 'user'); // [{ role: 'user', content: 'Hi' }]
 * parseMessages({ role: 'assistant', content: [{ type: 'text', text: 'Hello' }] }, 'assistant');
 * // [{ role: 'assistant', content: 'Hello' }]
 */
export function parseMessages(value: unknown, defaultRole: string): ParsedMessage[] {
  return collect(value, defaultRole, true).filter(
    (message) => !PROMPT_ROLES.has(message.role) && message.content.trim() !== '',
  );
}

function collect(value: unknown, defaultRole: string, parseJson: boolean): ParsedMessage[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return fromString(value, defaultRole, parseJson);
  if (Array.isArray(value)) return value.flatMap((item) => fromArrayItem(item, defaultRole));
  if (typeof value === 'object') return fromObject(value as Record<string, unknown>, defaultRole);
  return [{ role: defaultRole, content: String(value) }];
}

function fromString(text: string, defaultRole: string, parseJson: boolean): ParsedMessage[] {
  const trimmed = text.trim();
  if (
    parseJson &&
    (trimmed.startsWith('[') || trimmed.startsWith('{') || trimmed.startsWith('"'))
  ) {
    const parsed = tryParseJson(trimmed);
    if (parsed !== undefined) {
      // Only one level: JSON text inside JSON text is content, not structure.
      const messages = collect(parsed, defaultRole, false);
      if (messages.some((message) => message.content.trim() !== '')) return messages;
    }
  }
  return [{ role: defaultRole, content: text }];
}

function fromArrayItem(item: unknown, defaultRole: string): ParsedMessage[] {
  if (typeof item === 'string') return [{ role: defaultRole, content: item }];
  if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
    const message = asMessage(item as Record<string, unknown>, defaultRole);
    return message ? [message] : [];
  }
  return [];
}

function fromObject(object: Record<string, unknown>, defaultRole: string): ParsedMessage[] {
  if (Array.isArray(object.messages)) {
    return object.messages.flatMap((item) => fromArrayItem(item, defaultRole));
  }
  const message = asMessage(object, defaultRole);
  return message ? [message] : [{ role: defaultRole, content: JSON.stringify(object) }];
}

/** A message-like object (has `content`, maybe `role`) as a message; null otherwise. */
function asMessage(object: Record<string, unknown>, defaultRole: string): ParsedMessage | null {
  if (!('content' in object)) return null;
  const role = typeof object.role === 'string' && object.role !== '' ? object.role : defaultRole;
  return { role, content: contentText(object.content) };
}

/**
 * The text of a message's content: a string as is; an array of parts joined with `'\n'` (strings
 * and `{ text }` parts; images and other parts are skipped); other values as JSON.
 *
 * @example
 * contentText([{ type: 'text', text: 'a' }, { type: 'image_url' }, 'b']); // 'a\nb'
 */
export function contentText(content: unknown): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const parts: string[] = [];
    for (const part of content) {
      if (typeof part === 'string') parts.push(part);
      else if (part !== null && typeof part === 'object' && typeof part.text === 'string') {
        parts.push(part.text);
      }
    }
    return parts.join('\n');
  }
  if (typeof content === 'object' && typeof (content as { text?: unknown }).text === 'string') {
    return (content as { text: string }).text;
  }
  return typeof content === 'object' ? JSON.stringify(content) : String(content);
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

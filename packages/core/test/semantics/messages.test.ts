import { describe, expect, it } from 'vitest';
import { contentText, parseMessages } from '../../src/semantics/index';

describe('parseMessages', () => {
  it('reads chat-message arrays, leaving out system prompts and blank messages', () => {
    expect(
      parseMessages(
        [
          { role: 'system', content: 'Be Cupid' },
          { role: 'developer', content: 'Rules' },
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: '   ' },
          { role: 'assistant', content: null, tool_calls: [] },
          'loose string',
          42,
        ],
        'user',
      ),
    ).toEqual([
      { role: 'user', content: 'Hi' },
      { role: 'user', content: 'loose string' },
    ]);
  });

  it('reads plain strings with the default role', () => {
    expect(parseMessages('Hello, mortal.', 'assistant')).toEqual([
      { role: 'assistant', content: 'Hello, mortal.' },
    ]);
    expect(parseMessages('', 'user')).toEqual([]);
    expect(parseMessages(null, 'user')).toEqual([]);
  });

  it('reads JSON text as v2 returns it', () => {
    expect(parseMessages('[{"role":"user","content":"Hi"}]', 'user')).toEqual([
      { role: 'user', content: 'Hi' },
    ]);
    expect(parseMessages('{"role":"assistant","content":"Yo"}', 'assistant')).toEqual([
      { role: 'assistant', content: 'Yo' },
    ]);
    expect(parseMessages('{"messages":[{"role":"user","content":"A"}]}', 'user')).toEqual([
      { role: 'user', content: 'A' },
    ]);
    expect(parseMessages('"quoted"', 'user')).toEqual([{ role: 'user', content: 'quoted' }]);
  });

  it('keeps text that only looks like JSON, and JSON without messages, as the text itself', () => {
    expect(parseMessages('[not json', 'user')).toEqual([{ role: 'user', content: '[not json' }]);
    expect(parseMessages('{"ended":false}', 'assistant')).toEqual([
      { role: 'assistant', content: '{"ended":false}' },
    ]);
    expect(parseMessages('[]', 'user')).toEqual([{ role: 'user', content: '[]' }]);
  });

  it('parses JSON text once: nested JSON text stays content', () => {
    const inner = JSON.stringify([{ role: 'user', content: 'deep' }]);
    expect(parseMessages(JSON.stringify(inner), 'user')).toEqual([
      { role: 'user', content: inner },
    ]);
  });

  it('reads objects: messages arrays, single messages, content without role, anything else as JSON', () => {
    expect(parseMessages({ messages: [{ role: 'user', content: 'A' }] }, 'user')).toEqual([
      { role: 'user', content: 'A' },
    ]);
    expect(parseMessages({ content: 'no role' }, 'assistant')).toEqual([
      { role: 'assistant', content: 'no role' },
    ]);
    expect(parseMessages({ state: { chapter: 2 } }, 'user')).toEqual([
      { role: 'user', content: '{"state":{"chapter":2}}' },
    ]);
  });
});

describe('contentText', () => {
  it('joins text parts and skips the rest', () => {
    expect(
      contentText([{ type: 'text', text: 'a' }, { type: 'image_url', image_url: {} }, 'b']),
    ).toBe('a\nb');
    expect(contentText({ text: 'single' })).toBe('single');
    expect(contentText({ other: 1 })).toBe('{"other":1}');
    expect(contentText(7)).toBe('7');
    expect(contentText(undefined)).toBe('');
  });
});

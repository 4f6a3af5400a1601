import type { Prng } from './prng';
import {
  type ChatMessage,
  CLASH_TOPICS,
  COMPATIBILITY_OUTPUTS,
  END_OUTPUTS,
  EVALUATION_OUTPUTS,
  INTRODUCTION_OUTPUTS,
  JOBS,
  MATCH_NAMES,
  MORTAL_NAMES,
  PLAYER_MESSAGES_BY_CHAPTER,
  QUIRKS,
  STORY_OUTPUTS,
} from './texts';

function messages(role: ChatMessage['role'], texts: readonly string[]): readonly ChatMessage[] {
  return texts.map((content) => Object.freeze({ role, content }));
}

// Shared, frozen message objects: a generation's input references them instead of copying.
const PLAYER: Readonly<Record<number, readonly ChatMessage[]>> = Object.fromEntries(
  Object.entries(PLAYER_MESSAGES_BY_CHAPTER).map(([chapter, texts]) => [
    chapter,
    messages('user', texts),
  ]),
);
const STORY = messages('assistant', STORY_OUTPUTS);
const POOLS: Readonly<Record<string, readonly ChatMessage[]>> = {
  Introduction: messages('assistant', INTRODUCTION_OUTPUTS),
  CompatibilityAnalysis: messages('assistant', COMPATIBILITY_OUTPUTS),
  CupidEvaluation: messages('assistant', EVALUATION_OUTPUTS),
  End: messages('assistant', END_OUTPUTS),
};

/** The most recent messages a generation sees, like a real app's context window. */
export const HISTORY_WINDOW = 12;

/**
 * One session's conversation: the player's messages and the agents' answers, kept as shared
 * message objects so every generation's input can repeat the history cheaply.
 */
export class Conversation {
  readonly history: ChatMessage[] = [];
  private readonly mortal: string;
  private readonly match: string;

  /** Story lines are walked in a per-session order, so a session repeats none until all ran. */
  private storyStep = 0;
  private readonly storyOffset: number;
  private readonly storyStride: number;

  constructor(private readonly random: Prng) {
    this.mortal = random.pick(MORTAL_NAMES);
    this.match = random.pick(MATCH_NAMES);
    this.storyOffset = random.int(0, STORY.length - 1);
    // An odd stride visits every line of the (power-of-two sized) pool once per cycle.
    this.storyStride = 2 * random.int(0, STORY.length / 2 - 1) + 1;
  }

  /** The player's message opening a turn of `chapter`. */
  playerMessage(chapter: number): ChatMessage {
    return this.random.pick(PLAYER[chapter] ?? PLAYER[4] ?? []);
  }

  /** What `agent` answers in `chapter`: a shared pool message, or a new one naming the couple. */
  answer(agent: string, chapter: number): ChatMessage {
    const r = this.random;
    if (agent === 'Mortal' && chapter === 1) {
      const text = `Meet ${this.mortal}, ${r.int(23, 61)}, ${r.pick(JOBS)} who ${r.pick(QUIRKS)}.`;
      return { role: 'assistant', content: text };
    }
    if (agent === 'Match' && chapter === 2) {
      const text = `${this.match}, ${r.int(23, 61)}, is ${r.pick(JOBS)}. Perfect for ${this.mortal}, though they may clash over ${r.pick(CLASH_TOPICS)}.`;
      return { role: 'assistant', content: text };
    }
    if (agent === 'Mortal' || agent === 'Match') {
      const index = (this.storyOffset + this.storyStep++ * this.storyStride) % STORY.length;
      return STORY[index] as ChatMessage;
    }
    return r.pick(POOLS[agent] ?? STORY);
  }

  /** The input of a content generation: its system prompt, the recent history, the new message. */
  inputFor(system: ChatMessage, message: ChatMessage): ChatMessage[] {
    const start = Math.max(0, this.history.length - HISTORY_WINDOW);
    // Sized exactly: a million inputs built by push() would waste their spare capacity.
    const input = new Array<ChatMessage>(this.history.length - start + 2);
    input[0] = system;
    for (let i = start; i < this.history.length; i++) {
      input[i - start + 1] = this.history[i] as ChatMessage;
    }
    input[input.length - 1] = message;
    return input;
  }
}

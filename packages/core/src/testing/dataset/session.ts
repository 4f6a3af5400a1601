import type { ObservationRecord, TraceRecord } from '../../domain/records';
import { AGENT_PROFILES, type AgentProfile, CHAPTER_STEPS, TURN_NAME } from './agents';
import { Conversation, HISTORY_WINDOW } from './conversation';
import { completeGeneration, failGeneration, type GenerationDraw } from './generation';
import { splitLateUpdates } from './late-updates';
import { sampleLatencyMs, sampleThinkTimeMs } from './latency';
import type { ResolvedDatasetOptions } from './options';
import type { SessionPlan } from './plan';
import { mixSeed, Prng } from './prng';
import {
  observation,
  observationMetadata,
  type SessionFields,
  traceMetadata,
  traceTags,
} from './records';
import { drawSessionScores } from './scores';
import {
  type ChatMessage,
  END_OUTPUTS,
  HAS_ENDED_NO,
  HAS_ENDED_YES,
  SYSTEM_PROMPTS,
} from './texts';
import { FINAL_CHAPTER, planTurns, type TurnSpec } from './turns';
import type { CupidSessionChunk } from './types';

const SESSION_SALT = 0x73657373;

function countGenerations(turns: readonly TurnSpec[]): number {
  let count = 0;
  for (const turn of turns) {
    for (const agent of CHAPTER_STEPS[turn.chapter] ?? []) {
      if (AGENT_PROFILES[agent]?.type === 'GENERATION') count++;
    }
  }
  return count;
}

/** Builds one session's records in start order; its own random source keeps sessions independent. */
class SessionBuilder {
  readonly traces: TraceRecord[] = [];
  readonly observations: ObservationRecord[] = [];
  private readonly random: Prng;
  private readonly fields: SessionFields;
  private readonly conversation: Conversation;
  private readonly models = new Map<string, string>();
  private readonly failing = new Set<number>();
  private generationIndex = 0;

  constructor(
    private readonly plan: SessionPlan,
    private readonly options: ResolvedDatasetOptions,
    readonly turns: TurnSpec[],
    random: Prng,
    sessionId: string,
  ) {
    this.random = random;
    this.fields = { sessionId, userId: plan.userId, environment: options.environment };
    this.conversation = new Conversation(random);
    // A session sticks to one model per agent, as an app configured per deployment would.
    for (const profile of Object.values(AGENT_PROFILES)) {
      if (profile.models) {
        this.models.set(
          profile.name,
          random.weighted(profile.models.names, profile.models.weights),
        );
      }
    }
    if (plan.hasErrors) {
      const total = countGenerations(turns);
      const wanted = Math.min(total, random.weighted([1, 2, 3], [70, 20, 10]));
      while (this.failing.size < wanted) this.failing.add(random.int(0, total - 1));
    }
  }

  build(): void {
    let clock = this.plan.startTime;
    for (const turn of this.turns) {
      clock = this.turn(turn, clock) + sampleThinkTimeMs(this.random);
    }
  }

  /** One turn: a trace and its root span, with the chapter's agents run one after another. */
  private turn({ chapter, turnInChapter }: TurnSpec, start: number): number {
    const random = this.random;
    const traceId = random.hex(16);
    const player = this.conversation.playerMessage(chapter);
    const root = observation(
      {
        id: random.uuid(),
        traceId,
        type: 'SPAN',
        name: TURN_NAME,
        parentObservationId: null,
        startTime: start,
        endTime: start,
        metadata: observationMetadata(chapter, null),
      },
      this.fields,
    );
    root.input = player.content;
    this.observations.push(root);

    const answers: ChatMessage[] = [];
    let clock = start + random.int(1, 5);
    let end = clock;
    for (const agent of CHAPTER_STEPS[chapter] ?? []) {
      const profile = AGENT_PROFILES[agent] as AgentProfile;
      end = this.step(profile, chapter, traceId, root.id, clock, player, answers);
      clock = end + random.int(1, 25);
    }
    root.endTime = end + random.int(1, 10);
    root.updatedAt = root.endTime;
    const last = answers[answers.length - 1];
    root.output = last ? last.content : null;

    this.traces.push({
      id: traceId,
      timestamp: start,
      name: TURN_NAME,
      sessionId: this.fields.sessionId,
      userId: this.fields.userId,
      tags: traceTags(chapter),
      release: 'cupid@1.4.2',
      version: null,
      environment: this.fields.environment,
      input: root.input,
      output: root.output,
      metadata: traceMetadata(chapter, turnInChapter),
      updatedAt: root.endTime,
    });
    this.conversation.history.push(player, ...answers);
    return root.endTime;
  }

  /** Runs one agent at `start` (retrying a failed generation once); returns when it ended. */
  private step(
    profile: AgentProfile,
    chapter: number,
    traceId: string,
    rootId: string,
    start: number,
    player: ChatMessage,
    answers: ChatMessage[],
  ): number {
    const random = this.random;
    const make = (at: number, attempt: number) => {
      const record = observation(
        {
          id: random.uuid(),
          traceId,
          type: profile.type,
          name: profile.name,
          parentObservationId: rootId,
          startTime: at,
          endTime: at + sampleLatencyMs(random, profile),
          metadata: observationMetadata(chapter, profile.name, attempt),
        },
        this.fields,
      );
      this.observations.push(record);
      return record;
    };
    if (profile.type !== 'GENERATION') {
      const record = make(start, 1);
      if (profile.type === 'EVENT') record.output = random.pick(END_OUTPUTS);
      return record.endTime as number;
    }

    const routing = profile.name === 'HasEnded';
    const answer = routing ? null : this.conversation.answer(profile.name, chapter);
    const draw: GenerationDraw = {
      model: this.models.get(profile.name) as string,
      input: routing
        ? [SYSTEM_PROMPTS.HasEnded, player]
        : this.conversation.inputFor(SYSTEM_PROMPTS[profile.name] as ChatMessage, player),
      output: answer ? answer.content : chapter === FINAL_CHAPTER ? HAS_ENDED_YES : HAS_ENDED_NO,
      historyLength: routing ? 0 : Math.min(this.conversation.history.length, HISTORY_WINDOW),
      cachedTokensRate: this.options.cachedTokensRate,
      errorSession: this.plan.hasErrors,
    };
    let attempt = 1;
    let at = start;
    if (this.failing.has(this.generationIndex++)) {
      const failed = make(at, attempt);
      failGeneration(failed, draw, random);
      attempt = 2;
      at = (failed.endTime as number) + random.int(200, 2_000);
    }
    const record = make(at, attempt);
    completeGeneration(record, profile, draw, random);
    if (answer) answers.push(answer);
    return record.endTime as number;
  }
}

/**
 * Builds every record of one planned session. The session's random source is seeded from the
 * dataset seed and the session's position, so any session can be rebuilt on its own.
 *
 * @example
 * const chunk = buildSession(planDataset(options).session(0), options);
 */
export function buildSession(
  plan: SessionPlan,
  options: ResolvedDatasetOptions,
): CupidSessionChunk {
  const random = new Prng(mixSeed(options.seed, plan.index, SESSION_SALT));
  const sessionId = random.uuid();
  const turns = planTurns(random, plan.abandoned);
  const builder = new SessionBuilder(plan, options, turns, random, sessionId);
  builder.build();
  // Scores are drawn from the complete records, before late updates take some of them apart.
  const { scores, lateScores } = drawSessionScores(
    {
      sessionIndex: plan.index,
      sessionId,
      abandoned: plan.abandoned,
      traces: builder.traces,
      observations: builder.observations,
    },
    options,
  );
  const { observations, lateUpdates } = splitLateUpdates(builder.observations, options, plan.index);
  return {
    session: { id: sessionId, createdAt: plan.startTime, environment: options.environment },
    traces: builder.traces,
    observations,
    lateUpdates,
    scores,
    lateScores,
  };
}

export { activityEnd } from './activity';
export { type AgentSummaryParts, agentCategory, buildAgentSummary } from './agents';
export {
  BUCKET_MS,
  bucketStart,
  bucketStarts,
  MAX_SERIES_BUCKETS,
  nextBucketStart,
} from './buckets';
export {
  chapterFunnel,
  chapterFunnelOfCounts,
  observationChapter,
  presetChapters,
} from './chapters';
export { compareByStart, extractConversation } from './conversation';
export { observationCost } from './cost';
export { compareIds } from './ids';
export { observationLatencyMs, traceLatencyMs } from './latency';
export { effectiveSessionId, replacesStored } from './linking';
export { contentText, type ParsedMessage, parseMessages } from './messages';
export {
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  type ResolvedPage,
  resolvePage,
  totalPages,
} from './pagination';
export {
  latencyBucketIndex,
  latencyBucketValue,
  nearestRank,
  PERCENTILE_ABSOLUTE_SLACK_MS,
  PERCENTILE_RELATIVE_ERROR,
  percentile,
  quantileFromBuckets,
  quantileFromCounts,
  withinPercentileTolerance,
} from './percentiles';
export {
  SCORE_SKETCH_ZERO,
  scoreBucketIndex,
  scoreBucketValue,
  withinScoreTolerance,
} from './score-sketch';
export { matchesSearch, normalizeSearchQuery, normalizeSearchText } from './search';
export { generationSearchLines, sessionIdentText } from './search-lines';
export {
  foldedObservation,
  foldObservation,
  foldSessionCreated,
  foldTrace,
  newSessionFold,
  type ObservationFoldFacts,
  type SessionFold,
  type SessionFoldObservation,
  type SessionFoldTrace,
  sessionFoldIsEmpty,
} from './session-fold';
export { compareSessionPositions } from './session-order';
export {
  activeAfter,
  type ChapterCount,
  countStatuses,
  type SessionStatusInput,
  sessionCompleted,
  sessionStatus,
} from './status';
export {
  inTimeRange,
  type NamedTimeRange,
  previousTimeRange,
  resolveTimeRange,
  TIME_RANGE_MS,
} from './time-range';
export { DEFAULT_TIME_ZONE, isTimeZone, wallToInstant, zoneOffsetMs } from './time-zones';
export { addTokens, tokenCounts, ZERO_TOKENS } from './tokens';

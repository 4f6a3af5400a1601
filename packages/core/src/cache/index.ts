export {
  AnswerCache,
  type AnswerCacheOptions,
  type CachedAnswer,
  DEFAULT_CACHE_BYTES,
  DEFAULT_CACHE_ENTRIES,
} from './answer-cache';
export { ANSWER_CLOCK_MS, answerClock, answerKey, entityTag, notModified } from './answer-key';

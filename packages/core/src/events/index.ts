export { EventChannel } from './channel';
export { LiveEvents, type LiveEventsSources } from './live-events';
export {
  type LiveEventsOptions,
  type ResolvedLiveEventsOptions,
  resolveLiveEventsOptions,
} from './options';
export { type SseFrame, sseFrame } from './sse';

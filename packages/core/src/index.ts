export * from './domain/index';
export * from './presets/index';
export * from './store/index';
export * from './errors/index';
export * from './langfuse/index';
export * from './semantics/index';
export { createMemoryStore } from './stores/memory/index';

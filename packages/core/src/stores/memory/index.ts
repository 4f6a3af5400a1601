export { createMemoryStore } from './create-memory-store';

export * from './agents';
export * from './common';
export * from './conversation';
export * from './metrics';
export * from './sessions';
export * from './sync';

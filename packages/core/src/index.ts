export * from './domain/index';
export * from './presets/index';

export * from './domain/index';
export * from './presets/index';
export * from './store/index';

export * from './dataset/index';

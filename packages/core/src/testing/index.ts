export * from './dataset/index';
export * from './conformance/index';

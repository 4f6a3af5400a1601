export * from './conformance/index';
export * from './dataset/index';

export * from './lib/platform-api';
export * from './lib/uploads';

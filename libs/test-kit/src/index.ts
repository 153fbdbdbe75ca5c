export * from './lib/platform-api';

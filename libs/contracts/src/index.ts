export * from './lib/services';
export * from './lib/rpc-patterns';
export * from './lib/events';
export * from './lib/errors';
export * from './lib/pagination';
export * from './lib/regions';
export * from './lib/auth';
export * from './lib/notifications';

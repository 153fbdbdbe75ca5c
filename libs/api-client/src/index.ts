export * from './lib/api-base-url';
export * from './lib/api-error';
export * from './lib/api-error.interceptor';
export * from './lib/regions.api';

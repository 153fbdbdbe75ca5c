export * from './lib/correlation';
export * from './lib/json-logger';
export * from './lib/config';
export * from './lib/service-config';
export * from './lib/health/health-indicator';
export * from './lib/health/health.module';
export * from './lib/public-route';
export * from './lib/bootstrap';

export * from './lib/service-foundation';

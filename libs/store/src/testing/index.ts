export * from './store-kit';

export * from './lib/access-tokens';
export * from './lib/access-token-secret';

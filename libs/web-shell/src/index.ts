export * from './lib/provide-web-shell';

export * from './lib/provide-web-shell';
export * from './lib/shell-layout/shell-layout';

export * from './test-infrastructure';
export * from './event-tap';
export * from './bus';

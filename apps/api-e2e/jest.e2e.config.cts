// Runs against the platform started by tools/platform/launch.mjs (see tools/test-all.sh).
module.exports = require('../../tools/build/jest-project.cjs')(__dirname, {
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 30_000,
});

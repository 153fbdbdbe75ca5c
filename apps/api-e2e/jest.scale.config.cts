// The scale test: runs against the platform started with two replicas of applications and
// notifications (tools/platform/launch.mjs detach --scale ...; see tools/test-all.sh).
module.exports = require('../../tools/build/jest-project.cjs')(__dirname, {
  testMatch: ['<rootDir>/src/scale/*.scale.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 60_000,
});

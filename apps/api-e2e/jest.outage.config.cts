// The outage test (work in progress, not yet part of tools/test-all.sh): 1,000 submissions while
// replicas die and the broker and the store restart; see the README.
module.exports = require('../../tools/build/jest-project.cjs')(__dirname, {
  testMatch: ['<rootDir>/src/scale/outage.ts'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 60_000,
});

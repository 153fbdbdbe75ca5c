/**
 * Browser tests of the portal and the console against a running platform. Not named
 * jest.config.cts on purpose: the root unit/integration run must not pick it up. Run with
 *   npx jest -c apps/portal-e2e/jest.e2e.config.cts
 * with PORTAL_URL / CONSOLE_URL pointing at the served apps (defaults: :4200 and :4300).
 */
module.exports = require('../../tools/build/jest-project.cjs')(__dirname, {
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testEnvironment: '<rootDir>/failure-aware-environment.cjs',
  setupFilesAfterEnv: ['<rootDir>/src/support/report-failures.setup.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 60_000,
  maxWorkers: 1,
});

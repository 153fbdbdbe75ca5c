// The one Jest setup of the Node projects: each project's jest.config.cts names only itself.
const { basename } = require('path');

module.exports = (projectDir, overrides = {}) => ({
  displayName: basename(projectDir),
  rootDir: projectDir,
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Integration specs wait on the real broker and store with `eventually` (15 s): let it report first.
  testTimeout: 20_000,
  ...overrides,
});

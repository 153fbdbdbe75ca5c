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
  ...overrides,
});

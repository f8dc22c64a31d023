/** One Temporal dev server and one PostgreSQL database per run (test/globalSetup.ts); files run in parallel. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  maxWorkers: 2,
  testTimeout: 90_000,
};

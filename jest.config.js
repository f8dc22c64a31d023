/** One Temporal dev server and one PostgreSQL database per run (test/globalSetup.ts); files run in parallel. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // node-pg-migrate and jose ship only as ES modules, which jest's CommonJS runtime cannot require as is.
  transform: { '^.+\\.[jt]s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!(node-pg-migrate|jose)/)'],
  globalSetup: '<rootDir>/test/globalSetup.ts',
  // Before each test file: the Temporal SDK's own logs through our logger, at warn.
  setupFiles: ['<rootDir>/test/setup/sdkLogger.ts'],
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  maxWorkers: 2,
  testTimeout: 90_000,
};

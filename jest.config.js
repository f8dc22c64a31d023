/** One Temporal dev server and one PostgreSQL database per run (test/globalSetup.ts); files run in parallel. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // node-pg-migrate ships only as an ES module, which jest's CommonJS runtime cannot require as is.
  transform: { '^.+\\.[jt]s$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!node-pg-migrate/)'],
  globalSetup: '<rootDir>/test/globalSetup.ts',
  globalTeardown: '<rootDir>/test/globalTeardown.ts',
  maxWorkers: 2,
  testTimeout: 90_000,
};

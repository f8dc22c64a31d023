/**
 * The unit tests alone (test/unit): pure functions, so no Temporal server, database or web build
 * is set up. `npm run test:unit` and the mutation run (stryker.config.json) use it; `npm test`
 * runs these files too, under jest.config.js.
 */
const { globalSetup: _setup, globalTeardown: _teardown, setupFiles: _sdkLogger, ...shared } = require('./jest.config');

module.exports = { ...shared, roots: ['<rootDir>/test/unit'] };

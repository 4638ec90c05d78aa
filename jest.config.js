/**
 * Five tiers, one project each: unit (no servers), workflows (real dev server, stubbed activities; with the replay
 * tests), e2e (worker, PostgreSQL, offline engine, the Web UI in Chromium), resilience (fault injection and fuzzing,
 * minutes per check) and cluster (the official server on PostgreSQL, with TLS and JWT authorization).
 */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'workflows',
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts', '<rootDir>/test/replay/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'resilience',
      testMatch: ['<rootDir>/test/resilience/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      // Minutes, not seconds, per check; jest reads testTimeout only globally, so the setup file sets it.
      setupFilesAfterEnv: ['<rootDir>/test/resilience/timeout.ts'],
    },
    {
      ...common,
      displayName: 'cluster',
      // The official server on PostgreSQL with TLS and JWT authorization (the stack's cluster profile).
      testMatch: ['<rootDir>/test/cluster/**/*.test.ts'],
      globalSetup: '<rootDir>/test/cluster/global-setup.ts',
      globalTeardown: '<rootDir>/test/cluster/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/cluster/timeout.ts'],
    },
  ],
  testTimeout: 60_000,
};

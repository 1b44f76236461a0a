// ESM TypeScript under jest: ts-jest with useESM; run with NODE_OPTIONS=--experimental-vm-modules (see npm test).
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  collectCoverageFrom: ['src/**/*.ts'],
  // The e2e and bundle tests run dist/: build it first when it is not the sources' bundle.
  globalSetup: '<rootDir>/scripts/build-if-stale.mjs',
  // One fixed day for dated tables (end of life), so the suite does not change with the calendar.
  setupFiles: ['<rootDir>/__tests__/helpers/fixed-day.ts'],
  testTimeout: 60000
}

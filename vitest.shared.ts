import { defineConfig } from 'vitest/config';

const results = process.env.FOOTPRINT_TEST_RESULTS;

export default defineConfig({
  // One graphql module for every package: two copies fail with "another module or realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // ./scripts/test collects every package's counts for one closing line.
    reporters: results ? ['default', 'json'] : ['default'],
    outputFile: results
      ? { json: `${results}/${process.cwd().split('/').slice(-2).join('-')}.json` }
      : undefined,
  },
});

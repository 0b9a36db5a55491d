import { defineConfig } from 'vitest/config';

/** One graphql module for every package: two copies fail with "another module or realm". */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: { testTimeout: 30_000, hookTimeout: 60_000 },
});

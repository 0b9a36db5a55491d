import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

// The whole system per suite on 2 cores: one file at a time keeps it honest and predictable.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false, testTimeout: 60_000 } }));

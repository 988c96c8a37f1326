import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __HEADROOM_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/db/**/*.test.ts', 'test/validation/**/*.test.ts', 'test/backend/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/fuzz/**/*.test.ts', 'test/golden/**/*.test.ts', 'test/electron/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Empties test-results/fidelity/, which the validation tests fill (docs/fidelity.md).
    globalSetup: ['test/validation/fidelity-global-setup.ts'],
  },
});

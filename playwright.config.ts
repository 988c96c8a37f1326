import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/e2e/find-browser';
import { nodeBrowserHost } from './scripts/e2e/node-host';

// `npm run test:e2e` (scripts/e2e/run-e2e.ts) finds or installs a Chromium and passes it in
// HEADROOM_CHROMIUM; a bare `npx playwright test` looks in the same places, installing nothing.
const executablePath = findBrowser(nodeBrowserHost())?.path;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
